package dev.devq.cost;

import dev.devq.kb.Device;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.kb.SocParameter;
import java.util.List;
import java.util.OptionalInt;

/**
 * Where a model runs: a SoC in a device. A SoC named as a target stands for its typical device,
 * whose form factor picks the thermal curve; its memory limit is the largest any device with that
 * chip offers ({@link ChipRoom}).
 *
 * @param label the name the query used ({@code a16} or {@code iphone_14_pro})
 * @param chipDevices for a bare SoC, the devices with that part: every device with the chip for the
 *     bare id, those shipping the binned part for a bin ({@code KnowledgeBase#devicesWith(Soc)});
 *     empty for a device
 */
public record Target(String label, Soc soc, Device device, List<Device> chipDevices) {
  public Target {
    chipDevices = List.copyOf(chipDevices);
  }

  /** A device as the target: its own part, its own memory limit. */
  public Target(String label, Soc soc, Device device) {
    this(label, soc, device, List.of());
  }

  /**
   * Whether the query named a binned part of a chip ({@code m4_max(gpu_cores = 32)}), whose memory
   * limit counts only configurations sold with that part ({@link ChipRoom}).
   */
  public boolean binned() {
    return isChip() && !soc.variant().isEmpty();
  }

  /**
   * The chip's name as a refusal says it: {@code M4 Max}, or a binned part's with its parameters,
   * {@code M4 Max (gpu_cores = 32, cpu_cores = 14)}.
   */
  public String chipName() {
    return binned() ? soc.name() + " (" + SocParameter.describe(soc.variant()) + ")" : soc.name();
  }

  /** Whether the query named a bare SoC ({@code a14}), not a device. */
  public boolean isChip() {
    return !label.equals(device.id());
  }

  /**
   * The release a prediction is built for: {@code asked} when the query names one, else the newest
   * the target runs where its devices stopped at a last release (an iPhone X's iOS 16); null when
   * they run the current one, which has every op of the catalog.
   *
   * <pre>{@code
   * iphoneX.release(null)                          // iOS 16
   * iphone15Pro.release(null)                      // null: the current release
   * iphone15Pro.release(OsVersion.parse("iOS 17")) // iOS 17
   * }</pre>
   */
  public OsVersion release(OsVersion asked) {
    if (asked != null) {
      return asked;
    }
    String platform = platform();
    OptionalInt last = soc.lastOs(platform);
    return last.isPresent() ? new OsVersion(platform, last.getAsInt()) : null;
  }

  /**
   * The platform the target runs ({@link OsVersion#platform()}: {@code ios} or {@code macos}): a
   * device's part runs its own line; a chip stands for its typical device.
   */
  public String platform() {
    return soc.platform().isEmpty() ? device.formFactor().platform() : soc.platform();
  }
}
