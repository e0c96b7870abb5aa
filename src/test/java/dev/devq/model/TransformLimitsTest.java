package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import dev.devq.query.eval.Interpreter;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The limits of {@code palettize} and {@code prune} hold alike for the model layer and the query
 * language, which refuses with a positioned message what the model layer would refuse.
 */
class TransformLimitsTest {
  @ParameterizedTest(name = "palettize(m, {0})  =>  {1}")
  @CsvSource({"0, false", "1, true", "4, true", "8, true", "9, false", "2.5, false", "-1, false"})
  void palettizeTakesWholeBitsFromOneToEight(double bits, boolean taken) {
    assertEquals(taken, Transforms.paletteBits(bits));
    assertEquals(taken, answered("palettize(mobilenet_v2, " + bits + ")"), "query " + bits);
    if (bits == Math.rint(bits)) {
      assertEquals(taken, builds(() -> Transforms.palettize(mobilenet(), (int) bits)));
    }
  }

  @ParameterizedTest(name = "prune(m, {0})  =>  {1}")
  @CsvSource({"-0.01, false", "0, true", "0.5, true", "0.99, true", "1, false", "1.5, false"})
  void pruneTakesAFractionBelowOne(double sparsity, boolean taken) {
    assertEquals(taken, Transforms.sparsity(sparsity));
    assertEquals(taken, answered("prune(mobilenet_v2, " + sparsity * 100 + "%)"), "query");
    assertEquals(taken, builds(() -> Transforms.prune(mobilenet(), sparsity)));
  }

  private static Model mobilenet() {
    return ModelZooTest.build("mobilenet_v2", Map.of());
  }

  /** Whether the query is answered; a refusal must be the positioned BAD_VALUE. */
  private static boolean answered(String query) {
    Interpreter.Run run = DevqAssertions.run(query);
    if (!run.ok()) {
      assertEquals(DiagnosticCode.BAD_VALUE, run.diagnostics().get(0).code(), query);
    }
    return run.ok();
  }

  private static boolean builds(Runnable transform) {
    try {
      transform.run();
      return true;
    } catch (IllegalArgumentException refused) {
      return false;
    }
  }
}
