package dev.devq.cost;

/**
 * The time to load a model before its first prediction, and the two parts of it with a range of
 * their own: the read of the weights from storage, whose range is the spread of the measured
 * devices' reads where the device has no measurement of its own ({@link StorageRead}), and a first
 * launch's compile for the Neural Engine, whose range comes from the held-out spread of the
 * published first launches its rate is fitted on ({@code ane_compile_range_p10}, {@code _p90}). The
 * calibration's range is of warm predictions and spreads neither.
 *
 * @param time the whole load, in seconds: storage read, per-layer setup and any compile
 * @param read the storage read's share of {@code time}
 * @param readLow the read at the fastest speed its range allows
 * @param readHigh the read at the slowest
 * @param compile the compile's share of {@code time}; 0 with the compiled model cached
 * @param compileLow the compile at the low end of its 80% range
 * @param compileHigh the compile at the high end
 * @param storage the read speed used and where it comes from
 */
public record Load(
    double time,
    double read,
    double readLow,
    double readHigh,
    double compile,
    double compileLow,
    double compileHigh,
    StorageRead storage) {
  /** The load with both ranged parts at the low ends of their ranges. */
  public double low() {
    return time + (readLow - read) + (compileLow - compile);
  }

  /** The load with both ranged parts at the high ends of their ranges. */
  public double high() {
    return time + (readHigh - read) + (compileHigh - compile);
  }

  /** Whether any part of the load has a range: a generic read, or a first launch's compile. */
  public boolean hasRange() {
    return high() > low();
  }
}
