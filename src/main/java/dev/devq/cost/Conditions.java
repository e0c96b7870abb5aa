package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.OsVersion;

/**
 * What a prediction is run under: thermal state, allowed compute units, batch size, how it starts
 * ({@link Start}: loaded, loaded from the compile cache, or compiled on a first launch), the OS
 * release, which decides what the support rule lets each unit run, and the runtime that runs it
 * ({@link Runtime}: Core ML, llama.cpp or ExecuTorch).
 *
 * @param os the OS release; null stands for the newest release the SoC runs ({@code os = newest},
 *     the default), which {@link dev.devq.kb.SupportRule} works out per SoC
 */
public record Conditions(
    Thermal thermal, UnitSet units, int batch, Start start, OsVersion os, Runtime runtime) {
  public static final Conditions DEFAULT =
      new Conditions(Thermal.NOMINAL, UnitSet.ALL, 1, Start.WARM);

  /** Conditions under Core ML and the newest OS the SoC runs. */
  public Conditions(Thermal thermal, UnitSet units, int batch, Start start) {
    this(thermal, units, batch, start, null, Runtime.COREML);
  }

  public Conditions {
    if (batch < 1) {
      throw new IllegalArgumentException("batch must be at least 1");
    }
  }

  // Written out: Java 17 links a record's generated equals and hashCode through a bootstrap that
  // spins method-handle classes on first use, tens of ms of a one-shot start, and every one-shot
  // prediction hashes these (docs/history/performance-log.md).
  @Override
  public boolean equals(Object o) {
    return o == this
        || o instanceof Conditions c
            && thermal.equals(c.thermal)
            && units == c.units
            && batch == c.batch
            && start == c.start
            && java.util.Objects.equals(os, c.os)
            && runtime == c.runtime;
  }

  @Override
  public int hashCode() {
    int h = thermal.hashCode();
    h = 31 * h + units.hashCode();
    h = 31 * h + batch;
    h = 31 * h + start.hashCode();
    h = 31 * h + (os == null ? 0 : os.hashCode());
    return 31 * h + runtime.hashCode();
  }

  /** The same conditions with another start. */
  public Conditions withStart(Start other) {
    return new Conditions(thermal, units, batch, other, os, runtime);
  }

  /** The same conditions under another runtime. */
  public Conditions withRuntime(Runtime other) {
    return new Conditions(thermal, units, batch, start, os, other);
  }

  /**
   * The runtime and the unit setting it computes under, as its range is fitted and read ({@code
   * llama_cpp.cpu_and_gpu}): the setting the runtime runs, not the one written, so {@code units =
   * all} (the default) reads the range of the unit it chooses, Metal's for llama.cpp and the CPU's
   * for ExecuTorch. For llama.cpp and ExecuTorch only.
   */
  public String runtimeRangeKey() {
    UnitSet ran =
        RuntimeCost.unit(this) == ComputeUnit.GPU ? UnitSet.CPU_AND_GPU : UnitSet.CPU_ONLY;
    return runtime.key() + "." + ran.key();
  }
}
