package dev.devq.cost;

import dev.devq.kb.Calibration;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * The cost model of llama.cpp and ExecuTorch, which run a whole model on one unit rather than
 * placing layers as Core ML does: llama.cpp offloads every layer to the GPU through Metal ({@code
 * units = cpu_and_gpu} or {@code all}) or computes on the CPU's P- and E-cores ({@code cpu_only});
 * ExecuTorch's XNNPACK backend computes on the CPU.
 *
 * <p>Each layer is a roofline with the runtime's own fitted constants ({@link RuntimeConstants}):
 * prefill is matrix work at {@code eff × peak}, decode streams every weight and the KV cache at
 * {@code bw_eff × bandwidth}, and each op pays a dispatch overhead. GGUF weights cost their
 * dequantization as a multiplier of compute time; ExecuTorch's int8 models compute at its int8
 * rate.
 */
final class RuntimeCost {
  private final KnowledgeBase kb;
  private final Coefficients k;
  private final FactsCache facts;

  /** The energy rule of the cost model's coefficients: one rule for Core ML and the runtimes. */
  private final UnitEnergy energy;

  private final LoadTime load;

  RuntimeCost(KnowledgeBase kb, Coefficients k, FactsCache facts, UnitEnergy energy) {
    this.kb = kb;
    this.k = k;
    this.facts = facts;
    this.energy = energy;
    this.load = new LoadTime(kb, k);
  }

  Prediction estimate(Model model, Target target, Conditions c) {
    ComputeUnit unit = unit(c);
    Soc soc = target.soc();
    double thermal = ThermalFactor.of(soc, target.device().formFactor(), c.thermal());
    LayerFacts layers = facts.of(model);
    var constants =
        RuntimeConstants.timer(
            k, c.runtime(), unit, model.format().scheme(), "int8".equals(model.format().compute()));
    var moves = new DataMovement(layers, constants, soc, model, c.batch(), 1, unit);
    var timer =
        new LayerTimer(
            layers, constants, soc, model, c.batch(), thermal, moves, matrixUnit(c, soc));
    List<LayerCost> costs = new ArrayList<>(layers.size());
    for (int i = 0; i < layers.size(); i++) {
      // one unit runs every layer, so each fold the graph has is taken
      boolean fused = timer.folded(i, unit, i > 0 ? unit : null);
      var cost =
          new LayerCost(
              layers.layers.get(i),
              unit,
              timer.computeTime(i, unit, fused),
              fused ? 0 : timer.memoryTime(i, unit),
              timer.outputTime(i, unit),
              fused ? 0 : timer.overhead(unit),
              fused ? 0 : timer.dramBytes(i),
              timer.fold(i, unit, fused),
              false,
              "",
              0); // one segment: a runtime runs every layer on one unit
      costs.add(cost);
    }
    Calibration fit = kb.runtimeCalibration();
    // the rows the range comes from say nothing of a kind of model they never measured
    OutOfScope outside = OutOfScope.of(fit, c, model);
    return new Prediction(
        model,
        target,
        c,
        costs,
        0,
        0,
        k.get(c.runtime().key() + ".fixed"),
        thermal,
        // both runtimes map the weights from storage and build their graph per layer; none compiles
        load.cached(model, layers.totalWeightBytes, target),
        // llama.cpp's compute buffer is its peak of live activations; its cache is never copied
        MemoryParts.of(
            model,
            layers.totalWeightBytes,
            model.stateBytes(),
            c.batch(),
            CacheCopies.NONE,
            k.get("runtime_memory_overhead")),
        energy.parts(soc, costs, CacheCopies.NONE, thermal),
        outside == null ? range(c, "p10", fit.residualLow()) : 1,
        outside == null ? range(c, "p90", fit.residualHigh()) : 1,
        List.of(), // the converter's lowering and its cache copies are Core ML's
        CacheCopies.NONE,
        outside);
  }

  /**
   * The held-out residual quantile of this runtime on this unit setting ({@code
   * range.llama_cpp.cpu_and_gpu.p10}), or the runtimes' pooled one when the fit had too few rows of
   * the setting to hold out.
   */
  private double range(Conditions c, String quantile, double pooled) {
    Double v = k.values().get("range." + c.runtimeRangeKey() + "." + quantile);
    return v == null ? pooled : v;
  }

  /**
   * Whether the runtime's convolutions and matrix products reach the CPU's matrix unit:
   * ExecuTorch's XNNPACK issues SME through KleidiAI's kernels where the CPU takes SME (A18, M4
   * on). Its fp32 rows on an A19 Pro run faster than the NEON peak allows, and Whisper tiny's
   * encoder takes 4.5 times as long on an A15 (no SME) as on an A19 Pro, whose NEON peaks differ by
   * 1.3 times. AMX (before SME) serves Apple's Accelerate only, and ggml's CPU kernels are its own
   * NEON code: both stay at the NEON peak.
   */
  static boolean matrixUnit(Conditions c, Soc soc) {
    return c.runtime() == Runtime.EXECUTORCH && soc.cpuSme();
  }

  /** The unit a runtime computes on under the allowed units. */
  static ComputeUnit unit(Conditions c) {
    if (c.runtime() == Runtime.EXECUTORCH) {
      if (c.units() == UnitSet.CPU_AND_NE || c.units() == UnitSet.CPU_AND_GPU) {
        // devq's ExecuTorch is its XNNPACK backend: a query that asks for an accelerator would
        // otherwise get the CPU's figure under its name
        throw new DevqException(
            Diagnostic.error(
                    DiagnosticCode.UNSUPPORTED,
                    "ExecuTorch's XNNPACK backend runs on the CPU only (units = "
                        + c.units().key()
                        + ")",
                    new SourceText("runtime", ""),
                    Span.at(0))
                .withNote("use units = cpu_only, or leave units out"));
      }
      return ComputeUnit.CPU;
    }
    return switch (c.units()) {
      case ALL, CPU_AND_GPU -> ComputeUnit.GPU;
      case CPU_ONLY -> ComputeUnit.CPU;
      case CPU_AND_NE ->
          throw new DevqException(
              Diagnostic.error(
                      DiagnosticCode.UNSUPPORTED,
                      "llama.cpp does not run on the Neural Engine (units = cpu_and_ne)",
                      new SourceText("runtime", ""),
                      Span.at(0))
                  .withNote("use units = cpu_and_gpu (Metal) or units = cpu_only"));
    };
  }
}
