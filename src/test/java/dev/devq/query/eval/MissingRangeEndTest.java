package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code .low} and {@code .high} of an estimate without an 80% range (a one-pass model under
 * llama.cpp, whose measurements are all of decoder LLMs) are unknown, not an error: a comparison
 * with them is unknown and says why the range is missing, and a quantifier answers for the other
 * items by Kleene's logic, naming these as unknown. The end of a value that never had a range stays
 * an error.
 */
class MissingRangeEndTest {
  /** An estimate outside llama.cpp's measurements: a one-pass model on the GPU. */
  private static final String X = "latency(resnet50, m4_max, runtime = llama_cpp)";

  /**
   * Why an end of its range is unknown: the same words for every one-pass model, so a quantifier's
   * unknown items share one reason.
   */
  private static final String WHY =
      "no 80% range: llama.cpp's measurements on the GPU are all of decoder LLMs (llama_2_7b,"
          + " llama_3_1_8b), none of a one-pass model";

  @ParameterizedTest
  @ValueSource(strings = {"X.high", "X.low", "X.high in us", "X.high * 2 + 1 ms", "-X.low"})
  void anEndIsAnUnknownTimeThatSaysWhy(String shape) {
    String query = shape.replace("X", X);
    Value.QuantityV q = (Value.QuantityV) DevqAssertions.eval(query);
    assertTrue(Double.isNaN(q.quantity().value()), query + " is unknown");
    assertEquals(Dimensions.TIME, q.quantity().dimension(), query);
    assertFalse(q.ranged(), query);
    assertNotNull(q.outOfScope(), query + " says why");
    assertEquals(WHY, q.unknownWhy(query));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          X.high < 1 s                      | unknown
          X.low > 1 us                      | unknown
          1 ms < X.high < 1 s               | unknown
          X.high in us < 1 s                | unknown
          X.high * 2 + 1 ms < 1 s           | unknown
          X.high == 1 ms                    | unknown
          X.high != 1 ms                    | unknown
          [X.high] == [1 ms]                | unknown
          [X.high] != [1 ms]                | unknown
          not (X.high < 1 s)                | unknown
          max(X.high, 1 ms) < 1 s           | unknown
          X.high < 1 s or 1 > 0             | true
          X.high < 1 s and 1 < 0            | false
          """)
  void aComparisonWithAnEndIsUnknownForWantOfTheRange(String shape, String expected) {
    String query = shape.replace("X", X);
    Value.BoolV b = (Value.BoolV) DevqAssertions.eval(query);
    if (expected.equals("unknown")) {
      assertFalse(b.known(), query);
      assertEquals(WHY, b.why(), query);
    } else {
      assertEquals(expected.equals("true"), b.isTrue(), query);
      assertTrue(b.known(), query);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // the unknown figure is the battery's, which no range would have made known
        "X * (mac_mini_m4.battery_wh / 1 Wh) < 1 s",
        "min(mac_mini_m4.battery_wh / 1 Wh * 1 s, X) < 1 s",
      })
  void anUnknownFactBesideTheEstimateIsStillTheFactsReason(String shape) {
    String query = shape.replace("X", X);
    Value.BoolV b = (Value.BoolV) DevqAssertions.eval(query);
    assertFalse(b.known(), query);
    assertTrue(b.why().endsWith(" is unknown"), b.why());
    assertFalse(b.why().contains("80% range"), b.why());
  }

  @Test
  void anAllOverBothKindsAnswersForTheDecodersAndNamesTheOthersAsUnknown() {
    Outcome.Check check =
        check(
            "all m in [llama_3_1_8b, resnet50, qwen3_0_6b, mobilenet_v2]:"
                + " latency(m, m4_max, runtime = llama_cpp).high < 1 s");
    assertFalse(check.pass());
    assertTrue(check.isUnknown(), "no decoder fails, so the one-pass models leave it unknown");
    assertEquals(4, check.cases().tested());
    assertEquals(List.of(), check.cases().decisive());
    assertEquals(
        List.of(WHY, WHY), check.cases().unknown().stream().map(Outcome.Case::unknown).toList());
  }

  @Test
  void aFalseDecoderDecidesAnAllAndATrueOneAnAny() {
    Outcome.Check all =
        check(
            "all m in [resnet50, llama_3_1_8b]: latency(m, m4_max, runtime = llama_cpp).high < 1 us");
    assertFalse(all.pass());
    assertFalse(all.isUnknown(), "false and unknown is false");
    assertEquals(1, all.cases().decisive().size());
    assertEquals(1, all.cases().unknown().size());
    Outcome.Check any =
        check(
            "any m in [resnet50, llama_3_1_8b]: latency(m, m4_max, runtime = llama_cpp).high < 1 s");
    assertTrue(any.pass(), "true or unknown is true");
  }

  @Test
  void aCheckSaysWhyOnceNotAgainUnderItsValue() {
    Outcome.Check check = check(X + ".high < 1 s");
    assertEquals(WHY, check.unknown());
    assertEquals(List.of(), check.rangeOutOfScope(), "the reason already says it");
  }

  /**
   * Where a known number is needed to go on (a duration, a rate, a bit width, a sparsity, a batch,
   * a model's or a SoC's parameter), an end of the missing range is an error at the argument that
   * says why the range is missing, not only that the end is unknown; bound by a {@code let} first
   * too.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "after(X.high)",
        "palettize(resnet50, X.high / 1 ms)",
        "prune(resnet50, X.low / 1 s)",
        "quantize(resnet50(resolution = X.high / 1 us), w8)",
        "latency(resnet50, a16, batch = X.high / 1 ms)",
        "m3_max(gpu_cores = X.high / 1 ms)",
        "battery(resnet50, iphone_15_pro, rate = 30 fps, duration = X.high)",
        "battery(resnet50, iphone_15_pro, rate = 1 / X.high, duration = 1 h)",
        "let h = X.high\nafter(h)",
        "let h = X.high in us\nafter(h + 1 s)",
      })
  void whereANumberIsNeededTheErrorSaysWhyTheRangeIsMissing(String shape) {
    String query = shape.replace("X", X).replace("\\n", "\n");
    String shown = DevqAssertions.assertFails(query, DiagnosticCode.UNKNOWN_FACT);
    assertTrue(shown.contains("is unknown, and a number is needed here"), shown);
    assertTrue(shown.contains("= " + WHY), shown);
  }

  /** An item of a quantifier that needs a number of such an end is unknown for that reason. */
  @Test
  void aQuantifiersItemThatNeedsANumberOfAnEndIsUnknownForWantOfTheRange() {
    Outcome.Check check =
        check(
            "all m in [resnet50]: after(latency(m, m4_max, runtime = llama_cpp).high) == after(1 s)");
    assertTrue(check.isUnknown());
    String why = check.cases().unknown().get(0).unknown();
    assertTrue(why.endsWith("; " + WHY), why);
  }

  /** A frame of a rate made of such an end is unknown and keeps the reason. */
  @Test
  void theFrameOfAnUnknownRateSaysWhy() {
    String query = "frame(1 / " + X + ".high)";
    Value.QuantityV q = (Value.QuantityV) DevqAssertions.eval(query);
    assertTrue(Double.isNaN(q.quantity().value()), query);
    assertEquals(WHY, q.unknownWhy(query));
    Value.BoolV b = (Value.BoolV) DevqAssertions.eval("1 ms < " + query);
    assertFalse(b.known());
    assertEquals(WHY, b.why());
  }

  @ParameterizedTest
  @ValueSource(strings = {"a16.bandwidth.high", "(3 ms).low", "(latency(resnet50, a16) * 0).high"})
  void theEndOfAValueThatNeverHadARangeIsStillAnError(String query) {
    String shown = DevqAssertions.assertFails(query, DiagnosticCode.UNKNOWN_MEMBER);
    assertTrue(shown.contains("this value has no 80% range"), shown);
  }

  private static Outcome.Check check(String query) {
    Interpreter.Run run = DevqAssertions.run(query);
    assertTrue(run.ok(), query);
    return (Outcome.Check) run.outcomes().get(0);
  }
}
