package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.NumericFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Convolutions and matrix products on the CPU run at the SoC's matrix-unit peak (AMX from A13 and
 * M1, SME from A18 and M4), which Core ML's CPU path reaches through BNNS and Accelerate; other ops
 * (and every op on a chip without a matrix unit) run at the NEON peak. Peaks in GFLOPS, from the
 * profiles: 512 fp32 FLOP per cycle per P-cluster times the P-core clock, the M4's measured.
 */
class CpuMatrixPeakTest {
  @ParameterizedTest(name = "{0}: matrix {1}, vector {2} GFLOPS")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a12     | 220  | 220
      a13     | 1360 | 240
      a16     | 1770 | 350
      a18_pro | 2070 | 410
      m1_max  | 3310 | 890
      m4      | 2300 | 840
      """)
  void matrixWorkOnTheCpuRunsAtTheMatrixUnitPeak(String soc, double matrix, double vector) {
    Soc s = DevqAssertions.kb().socs().get(soc);
    for (NumericFormat format : new NumericFormat[] {NumericFormat.FP16, NumericFormat.FP32}) {
      assertEquals(matrix * 1e9, UnitRates.matrixPeak(s, ComputeUnit.CPU, format), 1e6, soc);
      assertEquals(vector * 1e9, UnitRates.peak(s, ComputeUnit.CPU, format), 1e6, soc);
    }
  }
}
