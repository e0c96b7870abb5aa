package dev.devq.view;

import static dev.devq.DevqAssertions.explained;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.cost.Bound;
import dev.devq.cost.Prediction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A thermal state slows arithmetic only (docs/cost-model.md, Heat and memory-bound layers): the
 * time bound by memory is the same hot as cold, and explain's thermal line says so wherever a state
 * takes anything off, so its percentage does not read as the whole step's.
 */
class MemoryUnderHeatTest {
  private static final String DECODE =
      "latency(quantize(qwen3_0_6b(phase = decode), q4_k_m), iphone_15_pro, %s, runtime ="
          + " llama_cpp)";

  @ParameterizedTest(name = "{0}")
  @CsvSource({"sustained, true", "throttled, true", "critical, true", "nominal, false"})
  void theThermalLineSaysTheMemoryBoundTimeIsNotSlowed(String state, boolean said) {
    Prediction hot = explained(DECODE.replace("%s", state));
    Prediction cold = explained(DECODE.replace("%s", "nominal"));
    double memory = hot.timePerBound().get(Bound.MEMORY);
    assertTrue(memory > 0, "a decode step is bound by memory");
    assertEquals(cold.timePerBound().get(Bound.MEMORY), memory, 1e-12, "heat leaves it as it is");
    String note = ExplainNotes.memoryUnderHeat(hot);
    assertEquals(said, note.contains("bound by memory is not slowed"), note);
    if (said) {
      assertTrue(note.contains(ExplainTable.time(memory)), note);
    }
  }
}
