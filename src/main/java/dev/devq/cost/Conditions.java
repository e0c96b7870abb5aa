package dev.devq.cost;

/**
 * What a prediction is run under: thermal state, allowed compute units, batch size, how it starts
 * ({@link Start}: loaded, loaded from the compile cache, or compiled on a first launch) and the
 * runtime that runs it ({@link Runtime}: Core ML, llama.cpp or ExecuTorch).
 */
public record Conditions(Thermal thermal, UnitSet units, int batch, Start start, Runtime runtime) {
  public static final Conditions DEFAULT =
      new Conditions(Thermal.NOMINAL, UnitSet.ALL, 1, Start.WARM);

  public Conditions {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1");
    }
  }

  /** Conditions under Core ML, the default runtime. */
  public Conditions(Thermal thermal, UnitSet units, int batch, Start start) {
    this(thermal, units, batch, start, Runtime.COREML);
  }

  /** The same conditions with another start. */
  public Conditions withStart(Start other) {
    return new Conditions(thermal, units, batch, other, runtime);
  }

  /** The same conditions under another runtime. */
  public Conditions withRuntime(Runtime other) {
    return new Conditions(thermal, units, batch, start, other);
  }
}
