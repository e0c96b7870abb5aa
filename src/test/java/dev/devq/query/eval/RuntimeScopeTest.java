package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cost.ModelKind;
import dev.devq.cost.OutOfScope;
import dev.devq.cost.Runtime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A llama.cpp or ExecuTorch estimate of a kind of model its runtime's measurements never covered
 * (on the unit setting its range reads) keeps its figure but shows no 80% range, and carries why
 * ({@link OutOfScope}) through what is computed from it; one its measurements cover keeps its
 * range. The shipped fit's rows: llama.cpp on the GPU and the CPU, decoder LLMs only; ExecuTorch on
 * the CPU, one-pass models only.
 */
class RuntimeScopeTest {
  @ParameterizedTest(name = "{0}: in scope {1}")
  @CsvSource({
    // runtime × kind, on each unit setting a runtime's range is read for
    "'latency(resnet50, m4_max, runtime = llama_cpp)', false, one_pass, llama_cpp, cpu_and_gpu",
    "'latency(resnet50, m4_max, runtime = llama_cpp, units = cpu_only)', false, one_pass, llama_cpp, cpu_only",
    "'latency(whisper_tiny_encoder, m2_max, runtime = llama_cpp)', false, one_pass, llama_cpp, cpu_and_gpu",
    "'latency(quantize(llama_2_7b(context = 64), q4_0), m2_max, runtime = llama_cpp)', true, decoder, llama_cpp, cpu_and_gpu",
    "'latency(qwen3_0_6b, m2_max, runtime = llama_cpp, units = cpu_only)', true, decoder, llama_cpp, cpu_only",
    "'latency(efficientnet_v2_s, iphone_17_pro, runtime = executorch)', true, one_pass, executorch, cpu_only",
    "'latency(resnet50, iphone_15_pro, runtime = executorch)', true, one_pass, executorch, cpu_only",
    "'latency(qwen3_0_6b, iphone_15_pro, runtime = executorch)', false, decoder, executorch, cpu_only",
    // Core ML's range is not judged by kind: its rows hold both
    "'latency(resnet50, m4_max)', true, one_pass, coreml, ''",
    "'latency(opt_1_3b(phase = decode, context = 64), iphone_15_pro)', true, decoder, coreml, ''",
  })
  void aRangeOnlyWhereTheRuntimesMeasurementsCoverTheModelsKind(
      String query, boolean inScope, String kind, String runtime, String units) {
    Value.QuantityV q = (Value.QuantityV) DevqAssertions.eval(query);
    assertTrue(q.quantity().value() > 0, "the estimate stands either way");
    assertEquals(inScope, q.ranged(), query + " has a range");
    if (inScope) {
      assertNull(q.outOfScope(), query);
      return;
    }
    OutOfScope why = q.outOfScope();
    assertNotNull(why, query);
    assertEquals(Runtime.parse(runtime), why.runtime());
    assertEquals(units, why.units());
    assertEquals(kind, why.kind().key());
    assertFalse(why.measured().containsKey(why.kind()), "the rows measured another kind");
    assertFalse(why.measured().isEmpty(), "the setting has rows, of the other kind");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "X",
        "X * 2",
        "2 * X",
        "X + 1 ms",
        "1 s / X",
        "-X",
        "X in us",
        "X + latency(resnet50, m4_max)",
        "max(X, 1 ms)",
        "min(1 s, X)",
      })
  void whatIsComputedFromItKeepsWhyAndHasNoRange(String shape) {
    String query = shape.replace("X", "latency(resnet50, m4_max, runtime = llama_cpp)");
    Value.QuantityV q = (Value.QuantityV) DevqAssertions.eval(query);
    assertFalse(q.ranged(), query);
    assertNotNull(q.outOfScope(), query);
    assertEquals("resnet50", q.outOfScope().model());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fps(resnet50, m4_max, runtime = llama_cpp)",
        "energy(resnet50, m4_max, runtime = llama_cpp)",
        "ttft(qwen3_0_6b, iphone_15_pro, runtime = executorch)",
        "decode_rate(qwen3_0_6b, iphone_15_pro, runtime = executorch)",
      })
  void everyRangedFigureOfTheEstimateSaysSo(String query) {
    Value.QuantityV q = (Value.QuantityV) DevqAssertions.eval(query);
    assertFalse(q.ranged(), query);
    assertNotNull(q.outOfScope(), query);
  }

  @Test
  void aPassingAllNamesNoItemYetCarriesWhy() {
    Interpreter.Run run =
        DevqAssertions.run(
            "all d in [m1, m4_max]: latency(resnet50, d, runtime = llama_cpp) < 1 s");
    Outcome.Check check = (Outcome.Check) run.outcomes().get(0);
    assertTrue(check.pass());
    assertEquals(List.of(), check.cases().decisive());
    assertEquals(1, check.rangeOutOfScope().size(), "each reason once, for both devices");
  }

  @Test
  void aCheckWithinScopeSaysNothing() {
    Interpreter.Run run =
        DevqAssertions.run(
            "latency(quantize(llama_2_7b(context = 64), q4_0), m2_max, runtime = llama_cpp) < 1 s");
    assertEquals(List.of(), run.outcomes().get(0).rangeOutOfScope());
  }

  @Test
  void theMeasuredModelsAreTheFitsOwn() {
    OutOfScope why =
        ((Value.QuantityV) DevqAssertions.eval("latency(resnet50, m4_max, runtime = llama_cpp)"))
            .outOfScope();
    assertEquals(Map.of(ModelKind.DECODER, List.of("llama_2_7b", "llama_3_1_8b")), why.measured());
  }
}
