package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Hostile model files and parameters (issue #13): each fails fast with one positioned error naming
 * the value and the limit, never a hang, a wrapped count or a stack overflow. The fixtures are in
 * {@code src/test/resources/models-hostile/models}.
 */
class ModelLimitsTest {
  private static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    kb = DevqAssertions.knowledgeBaseWith("models-hostile");
  }

  @ParameterizedTest(name = "{0}: {1} at {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      huge_out        | 'out' is 9.223372036854776e18, above the limit of 16777216 | huge_out.yaml:8:5
      billion_repeat  | repeat 1000000000 is above the limit of 50000               | billion_repeat.yaml:8:13
      nested_repeat   | more than 50000 layers, the limit                           | nested_repeat.yaml:14:17
      self_block      | block 'again' includes itself: again → again                | self_block.yaml:11:9
      cycle_blocks    | block 'ping' includes itself: ping → pong → ping            | cycle_blocks.yaml:13:9
      doubling_blocks | more than 50000 layers, the limit                           | doubling_blocks.yaml:166:9
      """)
  void hostileModelFailsFastWithOnePositionedError(String id, String message, String position) {
    List<Diagnostic> ds =
        assertTimeoutPreemptively(
                Duration.ofSeconds(20),
                () -> ModelBuilder.build(kb.models().get(id), Map.of(), kb.ops().keySet()))
            .diagnostics();
    assertEquals(1, ds.size(), DiagnosticRenderer.render(ds));
    assertTrue(ds.get(0).message().contains(message), ds.get(0).message());
    assertTrue(ds.get(0).position().contains(position), ds.get(0).position());
  }

  @ParameterizedTest(name = "{0} = {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      mobilenet_v2   | resolution | 1e9        | input size 'resolution' is 1000000000, above the limit of 16777216
      resnet50       | resolution | 2147483647 | input size 'resolution' is 2147483647, above the limit of 16777216
      convnext_tiny  | resolution | 2147483648 | input size 'resolution' is 2147483648, above the limit of 16777216
      densenet121    | resolution | 1e300      | input size 'resolution' is 1e300, above the limit of 16777216
      mobilenet_v2   | resolution | 1e6        | has more than 1099511627776 elements (2^40), the limit
      resnet18       | resolution | 2e6        | has more than 1099511627776 elements (2^40), the limit
      """)
  void oversizedParameterIsAnErrorNamingItAndTheLimit(
      String id, String param, double value, String message) {
    ModelBuilder.Result r =
        ModelBuilder.build(kb.models().get(id), Map.of(param, value), kb.ops().keySet());
    assertFalse(r.ok());
    assertTrue(r.diagnostics().get(0).message().contains(message), r.diagnostics().toString());
  }

  @Test
  void wordParameterOutsideItsSetListsTheAcceptedWords() {
    for (Object bad : List.of("x", 3.0)) {
      ModelBuilder.Result r =
          ModelBuilder.build(kb.models().get("opt_1_3b"), Map.of("phase", bad), kb.ops().keySet());
      assertFalse(r.ok(), "phase = " + bad);
      assertTrue(
          r.diagnostics()
              .get(0)
              .message()
              .contains("'phase' of 'opt_1_3b' is one of decode, prefill"),
          r.diagnostics().toString());
    }
    assertTrue(
        ModelBuilder.build(
                kb.models().get("opt_1_3b"), Map.of("phase", "prefill"), kb.ops().keySet())
            .ok());
  }

  @Test
  void countsNeverWrapAround() {
    assertEquals(6, ModelLimits.mul(1, 2, 3));
    org.junit.jupiter.api.Assertions.assertThrows(
        ArithmeticException.class, () -> ModelLimits.mul(1L << 40, 1L << 30));
  }
}
