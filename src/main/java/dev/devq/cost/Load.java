package dev.devq.cost;

/**
 * The time to load a model before its first prediction, and the part of it that a first launch's
 * compile for the Neural Engine takes, with that part's own 80% range. The calibration's range is
 * of warm predictions; the compile's comes from the held-out spread of the published first launches
 * its rate is fitted on ({@code ane_compile_range_p10}, {@code _p90}), far wider.
 *
 * @param time the whole load, in seconds: storage read, per-layer setup and any compile
 * @param compile the compile's share of {@code time}; 0 with the compiled model cached
 * @param compileLow the compile at the low end of its 80% range
 * @param compileHigh the compile at the high end
 */
public record Load(double time, double compile, double compileLow, double compileHigh) {
  /** A load without a compile (cached, or a runtime that compiles nothing). */
  static Load cached(double time) {
    return new Load(time, 0, 0, 0);
  }

  /** The load with the compile at the low end of its range. */
  public double low() {
    return time + compileLow - compile;
  }

  /** The load with the compile at the high end of its range. */
  public double high() {
    return time + compileHigh - compile;
  }
}
