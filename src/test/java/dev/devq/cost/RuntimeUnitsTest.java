package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A runtime's estimate and its 80% range follow the unit it runs on, not the setting written: the
 * default {@code units = all} reads Metal's range for llama.cpp and the CPU's for ExecuTorch, and
 * an ExecuTorch query that asks for an accelerator is refused rather than answered by the CPU.
 */
class RuntimeUnitsTest {
  @ParameterizedTest(name = "{0} ≡ {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          latency(qwen3_0_6b, iphone_15_pro, runtime = executorch) | latency(qwen3_0_6b, iphone_15_pro, runtime = executorch, units = cpu_only)
          latency(qwen3_0_6b, m1_max, runtime = llama_cpp)         | latency(qwen3_0_6b, m1_max, runtime = llama_cpp, units = cpu_and_gpu)
          """)
  void theDefaultUnitsReadTheRangeOfTheUnitTheRuntimeRuns(String byDefault, String written) {
    Prediction a = DevqAssertions.explained(byDefault);
    Prediction b = DevqAssertions.explained(written);
    assertEquals(b.latency(), a.latency(), 0);
    assertEquals(b.rangeLow(), a.rangeLow(), 0);
    assertEquals(b.rangeHigh(), a.rangeHigh(), 0);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cpu_and_ne", "cpu_and_gpu"})
  void executorchOnAnAcceleratorIsRefused(String units) {
    DevqAssertions.assertFails(
        "latency(qwen3_0_6b, iphone_15_pro, runtime = executorch, units = " + units + ")",
        DiagnosticCode.UNSUPPORTED);
  }
}
