package dev.devq.cost;

import dev.devq.kb.Confidence;
import dev.devq.kb.Device;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;

/**
 * The sequential read a cold load reads a model's weights at on one target, and where it comes
 * from: the device's published measurement ({@code storage_read}, of the unit whose capacity {@code
 * storage_read_configuration} gives), or, where no source measured the device, the generic {@code
 * storage_read_bandwidth}. Only the generic figure has a range: the 10th and 90th percentiles of
 * the measured devices' reads ({@code storage_read_range_p10}, {@code _p90}), since the device
 * could read anywhere among them; a measured figure is the one unit's and carries none.
 *
 * <pre>{@code
 * load_time(llama_3_8b, macbook_pro_14_m5, start = cold)   // 6.32 GB/s, measured on 512 GB
 * load_time(llama_3_8b, mac_studio_m4_max, start = cold)   // 1.5 GB/s, generic
 * }</pre>
 *
 * @param bytesPerSecond the read speed the load divides the weights by
 * @param fastest the fastest read the speed's range allows (bytesPerSecond when it has none)
 * @param slowest the slowest read the range allows (bytesPerSecond when it has none)
 * @param source the source id of the figure
 * @param confidence the figure's confidence
 * @param configurationBytes the storage capacity of the unit measured; NaN for the generic figure
 */
public record StorageRead(
    double bytesPerSecond,
    double fastest,
    double slowest,
    String source,
    Confidence confidence,
    double configurationBytes) {
  public StorageRead {
    if (!(bytesPerSecond > 0 && fastest >= bytesPerSecond && slowest <= bytesPerSecond)) {
      throw new IllegalArgumentException("a storage read needs 0 < slowest <= speed <= fastest");
    }
  }

  /**
   * The read of {@code device}: its own measured figure where its profile has one, else {@code
   * generic} with its range.
   */
  static StorageRead of(Device device, StorageRead generic) {
    if (!device.storageRead().present()) {
      return generic;
    }
    double speed = device.storageRead().value().value();
    return new StorageRead(
        speed,
        speed,
        speed,
        device.storageRead().provenance().source(),
        device.storageRead().provenance().confidence(),
        device.storageReadConfiguration().value().value());
  }

  /** Whether no source measured the device's flash, so the generic estimate stands in. */
  public boolean generic() {
    return Double.isNaN(configurationBytes);
  }

  /** Seconds to read {@code bytes} at this speed. */
  double seconds(double bytes) {
    return bytes / bytesPerSecond;
  }

  /**
   * What explain says of the read: {@code storage read 6.32 GB/s (of a 512 GB unit:
   * tomshardware_m5_mbp_ssd, reported)}, or for the generic figure {@code storage read 1.5 GB/s (no
   * source for this device's flash; generic estimate, 80% range 1.45–12.3 GB/s)}.
   */
  public String describe() {
    String speed = "storage read " + bandwidth(bytesPerSecond);
    if (generic()) {
      return speed
          + " (no source for this device's flash; generic estimate, 80% range "
          + QuantityFormat.range(
              Quantity.of(slowest, Dimensions.BANDWIDTH),
              Quantity.of(fastest, Dimensions.BANDWIDTH))
          + ")";
    }
    return speed
        + " (of a "
        + QuantityFormat.format(Quantity.of(configurationBytes, Dimensions.BYTES))
        + " unit: "
        + source
        + ", "
        + confidence.label()
        + ")";
  }

  private static String bandwidth(double bytesPerSecond) {
    return QuantityFormat.format(Quantity.of(bytesPerSecond, Dimensions.BANDWIDTH));
  }
}
