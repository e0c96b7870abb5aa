package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.model.NumericFormat;
import org.junit.jupiter.api.Test;

/** Matrix work on the GPU runs at the neural accelerators' rate where a SoC has them (A19, M5). */
class GpuMatrixRateTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @Test
  void fp16MatrixWorkUsesTheAcceleratorsOnM5() {
    Soc m5 = KB.socs().get("m5");
    double vector = UnitRates.peak(m5, ComputeUnit.GPU, NumericFormat.FP16);
    double matrix = UnitRates.matrixPeak(m5, ComputeUnit.GPU, NumericFormat.FP16);
    assertEquals(m5.gpu().peakMatrix().value().value(), matrix, 1);
    // four times the M4's GPU (Apple's comparison), and so well above the M5's own vector rate
    double m4 = UnitRates.peak(KB.socs().get("m4"), ComputeUnit.GPU, NumericFormat.FP16);
    assertEquals(4.0, matrix / m4, 0.01);
    assertTrue(matrix / vector > 3.5, () -> matrix / vector + "");
  }

  @Test
  void withoutAcceleratorsOrInFp32MatrixWorkRunsAtThePlainPeak() {
    Soc m4 = KB.socs().get("m4");
    assertEquals(
        UnitRates.peak(m4, ComputeUnit.GPU, NumericFormat.FP16),
        UnitRates.matrixPeak(m4, ComputeUnit.GPU, NumericFormat.FP16));
    Soc m5 = KB.socs().get("m5");
    assertEquals(
        UnitRates.peak(m5, ComputeUnit.GPU, NumericFormat.FP32),
        UnitRates.matrixPeak(m5, ComputeUnit.GPU, NumericFormat.FP32));
    assertEquals(
        UnitRates.peak(m5, ComputeUnit.ANE, NumericFormat.FP16),
        UnitRates.matrixPeak(m5, ComputeUnit.ANE, NumericFormat.FP16));
  }
}
