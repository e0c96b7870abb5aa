package dev.devq.cost;

import dev.devq.lang.unit.QuantityFormat;

/**
 * A thermal condition: a named state, or {@code after(duration)} of continuous load, read from the
 * thermal curve. {@code seconds} is only meaningful for the latter.
 */
public record Thermal(ThermalState state, double seconds, boolean afterLoad) {
  public static final Thermal NOMINAL = of(ThermalState.NOMINAL);

  public static Thermal of(ThermalState state) {
    return new Thermal(state, 0, false);
  }

  public static Thermal after(double seconds) {
    if (!(seconds >= 0) || Double.isInfinite(seconds)) {
      throw new IllegalArgumentException("after() needs a duration of zero or more");
    }
    return new Thermal(ThermalState.NOMINAL, seconds, true);
  }

  // Written out: Java 17 links a record's generated equals and hashCode through a bootstrap that
  // spins method-handle classes on first use, tens of ms of a one-shot start, and every one-shot
  // prediction hashes these (docs/history/performance-log.md).
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Thermal t
            && state == t.state
            && Double.compare(seconds, t.seconds) == 0
            && afterLoad == t.afterLoad;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * state.hashCode() + Double.hashCode(seconds)) + Boolean.hashCode(afterLoad);
  }

  /**
   * {@code throttled}, {@code after(10min)}, {@code after(90s)}: the condition as the query
   * language writes it, with the seconds' exact digits ({@code after(0.0001s)}, never Java's {@code
   * 1.0E-4}).
   */
  public String describe() {
    if (!afterLoad) {
      return state.key();
    }
    return seconds > 0 && seconds % 60 == 0
        ? "after(" + QuantityFormat.exact(seconds / 60) + "min)"
        : "after(" + QuantityFormat.exact(seconds) + "s)";
  }
}
