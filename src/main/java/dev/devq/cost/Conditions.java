package dev.devq.cost;

/**
 * What a prediction is run under: thermal state, allowed compute units, batch size, and how it
 * starts ({@link Start}: loaded, loaded from the compile cache, or compiled on a first launch).
 */
public record Conditions(Thermal thermal, UnitSet units, int batch, Start start) {
  public static final Conditions DEFAULT =
      new Conditions(Thermal.NOMINAL, UnitSet.ALL, 1, Start.WARM);

  public Conditions {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1");
    }
  }

  /** The same conditions with another start. */
  public Conditions withStart(Start other) {
    return new Conditions(thermal, units, batch, other);
  }
}
