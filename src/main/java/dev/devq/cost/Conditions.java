package dev.devq.cost;

/**
 * What a prediction is run under: thermal state, allowed compute units, batch size, and whether the
 * model is already loaded ({@code warm}) or must be loaded first ({@code cold}).
 */
public record Conditions(Thermal thermal, UnitSet units, int batch, boolean cold) {
  public static final Conditions DEFAULT = new Conditions(Thermal.NOMINAL, UnitSet.ALL, 1, false);

  public Conditions {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1");
    }
  }
}
