package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.kb.UnitSpec;
import dev.devq.model.NumericFormat;

/**
 * Peak throughput of a unit for a model's compute precision: the Neural Engine computes fp16 and
 * takes the int8 path for W8A8 only where the SoC has a faster one; the GPU runs fp16 or fp32; the
 * CPU computes fp32. The Neural Engine's figures are the part one Core ML prediction reaches
 * ({@link Soc#coremlAneShare()}).
 */
final class UnitRates {
  private UnitRates() {}

  /** FLOP/s, or NaN when the profile lacks the figure. */
  static double peak(Soc soc, ComputeUnit unit, NumericFormat format) {
    UnitSpec spec = soc.unit(unit);
    return switch (unit) {
      case ANE ->
          ("int8".equals(format.compute()) && soc.int8FastPath()
                  ? spec.peakInt8().value().value()
                  : spec.peakFp16().value().value())
              * share(soc, unit);
      case GPU ->
          "fp32".equals(format.compute())
              ? spec.peakFp32().value().value()
              : spec.peakFp16().value().value();
      case CPU -> spec.peakFp32().value().value();
    };
  }

  /**
   * FLOP/s of matrix work (convolutions, matrix products) on a unit: the GPU's matrix hardware
   * where the SoC has it (A19, M5 "neural accelerators") for fp16 work, the CPU's matrix unit (AMX,
   * SME) where the SoC has one (Core ML's CPU path runs GEMMs through BNNS/Accelerate, which use
   * it), else {@link #peak}.
   */
  static double matrixPeak(Soc soc, ComputeUnit unit, NumericFormat format) {
    double matrix = soc.unit(unit).peakMatrix().value().value();
    boolean usable =
        switch (unit) {
          case GPU -> !"fp32".equals(format.compute());
          case CPU -> true;
          case ANE -> false;
        };
    return usable && !Double.isNaN(matrix) ? matrix : peak(soc, unit, format);
  }

  static double power(Soc soc, ComputeUnit unit) {
    double w = soc.unit(unit).power().value().value() * share(soc, unit);
    return Double.isNaN(w) ? 0 : w;
  }

  /**
   * The part of a unit's profile figures (peak, power, DRAM bandwidth) one Core ML prediction
   * reaches: an Ultra's profile quotes both dies' Neural Engines, and a prediction runs on one.
   */
  static double share(Soc soc, ComputeUnit unit) {
    return unit == ComputeUnit.ANE ? soc.coremlAneShare() : 1;
  }

  /**
   * DRAM bandwidth a unit reaches before the fitted efficiency, B/s: the SoC's, one die's share of
   * it for an Ultra's Neural Engine, and for the CPU its own {@code cpu.bandwidth} where a profile
   * gives one (the big chips' CPU clusters reach only part of the SoC's DRAM bandwidth: an M1 Max's
   * cores about 243 of 400 GB/s). Every timer and the roofline chart read it here.
   */
  static double bandwidth(Soc soc, ComputeUnit unit) {
    double own = soc.unit(unit).bandwidth().value().value();
    return Double.isNaN(own) ? soc.bandwidth().value().value() * share(soc, unit) : own;
  }
}
