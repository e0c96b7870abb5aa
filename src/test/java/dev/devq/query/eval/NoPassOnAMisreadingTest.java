package dev.devq.query.eval;

import static dev.devq.DevqAssertions.assertFails;
import static dev.devq.DevqAssertions.eval;
import static dev.devq.DevqAssertions.explained;
import static dev.devq.DevqAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Bindings;
import dev.devq.DevqAssertions;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.query.check.Checker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Queries that once passed a gate on a misreading: a figure of a model that cannot run read through
 * {@code explain(…)}, an unknown truth or figure compared with {@code ==}/{@code !=} or inside a
 * list, {@code max} skipping an unknown argument, {@code supported()} under a release the target
 * never runs, sums of binary fractions compared to their last bit, a plain number against a
 * percentage, a frame rate against a token rate, a clock against either (also as items of one list
 * or arguments of max), an energy times a clock read as a power, a model's arguments in another
 * order or a sparsity rounded. Each is now false, unknown or an error, never a pass.
 */
class NoPassOnAMisreadingTest {

  /** The answer of a check: true, false or unknown; "cannot run" is false, as a check reads it. */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          explain(llama_2_13b, iphone_12, runtime = llama_cpp).latency < 1s        | false
          explain(llama_2_13b, iphone_12, runtime = llama_cpp).energy < 1000 J    | false
          explain(llama_2_13b, iphone_12, runtime = llama_cpp).load_time < 1 h     | false
          explain(llama_2_13b, iphone_12, runtime = llama_cpp).memory > 1 GB      | true
          explain(mobilenet_v2, iphone_12).latency < 1 s                          | true
          supported(gelu, a13, ane) != false                                      | unknown
          supported(gelu, a13, ane) == true                                       | unknown
          (iphone_17e.battery_wh > 10 Wh) != false                                | unknown
          [iphone_17e.battery_wh] != [10 Wh]                                      | unknown
          [iphone_17e.battery_wh, 1 Wh] == [2 Wh, 2 Wh]                            | false
          [latency(llama_2_13b, iphone_12)] != [1 s]                               | false
          not ([latency(llama_2_13b, iphone_12)] == [1 s])                         | false
          [1 ms, 2 ms] == [1 ms, 2 ms]                                             | true
          [1 ms, 2 ms] != [1 ms]                                                   | true
          max(1 Wh, iphone_17e.battery_wh) < 2 Wh                                  | unknown
          max(iphone_17e.battery_wh, 1 Wh) < 2 Wh                                  | unknown
          min(100 Wh, iphone_17e.battery_wh) > 1 Wh                                | unknown
          max(1 Wh, 3 Wh) > 2 Wh                                                   | true
          not supported(gelu, iphone_17, ane, os = "iOS 18")                       | false
          supported(gelu, iphone_17, ane, os = "iOS 18")                           | false
          not supported(conv2d, mac_mini_m1, gpu, os = "iOS 18")                   | false
          supported(conv2d, iphone_15_pro, gpu, os = "iOS 18")                     | true
          100 ms + 200 ms > 0.3 s                                                  | false
          100 ms + 200 ms >= 0.3 s                                                 | true
          100 ms + 200 ms == 0.3 s                                                 | true
          0.1 + 0.2 != 0.3                                                         | false
          1 ms < 1.000001 ms                                                       | true
          7000000000001 > 7000000000000                                            | true
          7000000000001 == 7000000000000                                           | false
          1e-300 s < 1.0000000001e-300 s                                           | true
          throttled == serious                                                     | true
          throttled != serious                                                     | false
          sustained == serious                                                     | false
          mobilenet_v2(width = 0.5, resolution = 160) == mobilenet_v2(resolution = 160, width = 0.5) | true
          prune(mobilenet_v2, 12.5%) == prune(mobilenet_v2, 13%)                   | false
          prune(mobilenet_v2, 0.5) == prune(mobilenet_v2, 50%)                     | true
          """)
  void aCheckPassesOnlyOnWhatItSays(String query, String expected) {
    Value.BoolV b = (Value.BoolV) eval(query);
    assertEquals(expected, b.known() ? Boolean.toString(b.isTrue()) : "unknown", query);
  }

  /**
   * A quantifier over devices some of which lack a fact: {@code max} of the two memory limits is
   * unknown where one is, whichever argument it is.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          max(d.app_memory_limit, d.app_memory_limit_entitled)
          max(d.app_memory_limit_entitled, d.app_memory_limit)
          """)
  void anUnknownArgumentOfMaxIsUnknownWhereverItStands(String max) {
    var check =
        (Outcome.Check)
            run("all d in [iphone_11, iphone_12]: " + max + " < 10 GB").outcomes().get(0);
    assertFalse(check.pass());
    assertTrue(check.isUnknown(), max);
  }

  /** Where a number is needed of a fact no source gives: an error at it, never a crash. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          latency(mobilenet_v2, iphone_12, after(iphone_17e.battery_wh / 1 Wh * 1 min))
          latency(mobilenet_v2(width = iphone_17e.battery_wh / 1 Wh), iphone_12)
          battery(mobilenet_v2, iphone_12, iphone_17e.battery_wh / 1 Wh * 1 fps, 1 h)
          latency(palettize(mobilenet_v2, iphone_17e.battery_wh / 1 Wh), iphone_12)
          """)
  void aNumberNoSourceGivesIsAnErrorWhereItIsNeeded(String query) {
    String text = assertFails(query, DiagnosticCode.UNKNOWN_FACT);
    assertTrue(text.contains("is unknown, and a number is needed here"), text);
  }

  @Test
  void inAQuantifierSuchAnItemIsUnknown() {
    var check =
        (Outcome.Check)
            run("all d in [iphone_17e, iphone_16e]: latency(mobilenet_v2, d,"
                    + " after(d.battery_wh / 1 Wh * 1 min)) < 5 ms")
                .outcomes()
                .get(0);
    assertFalse(check.pass());
    assertTrue(check.isUnknown());
    assertEquals(1, check.cases().unknown().size());
  }

  /**
   * A number that cannot mean what the figure beside it means is refused at the number, by the
   * checker: a model that cannot run (whose rate is never computed) gets the same error. A frame
   * rate is {@code fps(…)} or a rate written in fps, Hz or kHz, a token rate {@code decode_rate(…)}
   * or one written in tok/s, a clock a core's {@code p_core_clock} or a rate written in MHz or GHz;
   * {@code 1 / latency(…)} is either rate, as the user reads it.
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          decode_rate(qwen3_0_6b, iphone_15_pro) > 20 fps        | a token rate compared with a frame rate (fps)
          decode_rate(qwen3_0_6b, iphone_15_pro) > 2 kHz         | a token rate compared with a frame rate (Hz)
          20 Hz < decode_rate(qwen3_0_6b, iphone_15_pro)         | a token rate compared with a frame rate (Hz)
          decode_rate(llama_2_13b, iphone_12, runtime = llama_cpp) > 20 fps | a token rate compared with a frame rate (fps)
          decode_rate(qwen3_0_6b, iphone_15_pro).low * 2 > 20 fps | a token rate compared with a frame rate (fps)
          128 tok / 2 s < 20 Hz                                  | a token rate compared with a frame rate (Hz)
          fps(mobilenet_v2, iphone_12) > 15 tok/s                | a frame rate compared with a token rate (tok/s)
          fps(mobilenet_v2, iphone_12) * 2 > 15 tok/s            | a frame rate compared with a token rate (tok/s)
          decode_rate(qwen3_0_6b, iphone_15_pro) > fps(mobilenet_v2, iphone_12) | a token rate compared with a frame rate
          decode_rate(qwen3_0_6b, iphone_15_pro) + 5 fps > 20 tok/s | a token rate added to a frame rate (fps)
          fps(mobilenet_v2, iphone_12) in tok/s                  | cannot show a frame rate in tok/s
          decode_rate(qwen3_0_6b, iphone_15_pro) in fps          | cannot show a token rate in fps
          a16.cpu.p_core_clock > 15 tok/s                        | a clock compared with a token rate (tok/s)
          a16.cpu.p_core_clock > 30 fps                          | a clock compared with a frame rate (fps)
          60 Hz < a16.cpu.p_core_clock                           | a clock compared with a frame rate (Hz)
          a16.cpu.p_core_clock + 5 tok/s > 3 GHz                 | a clock added to a token rate (tok/s)
          a16.cpu.p_core_clock - 2 fps > 3 GHz                   | a clock subtracted from a frame rate (fps)
          a16.cpu.p_core_clock * 2 > fps(mobilenet_v2, a16)      | a clock compared with a frame rate
          decode_rate(qwen3_0_6b, iphone_15_pro) < a16.cpu.p_core_clock | a clock compared with a token rate
          fps(mobilenet_v2, a16) > 3 GHz                         | a frame rate compared with a clock (GHz)
          decode_rate(qwen3_0_6b, iphone_15_pro) > 2 MHz         | a token rate compared with a clock (MHz)
          a16.cpu.p_core_clock in tok/s                          | cannot show a clock in tok/s (a token rate)
          a16.cpu.p_core_clock in fps                            | cannot show a clock in fps (a frame rate)
          fps(mobilenet_v2, a16) in GHz                          | cannot show a frame rate in GHz (a clock)
          frame(a16.cpu.p_core_clock) < 1 ms                     | of frame is a rate of predictions, found a clock
          battery(mobilenet_v2, iphone_12, 3 GHz, 1 h) < 5%      | of battery is a rate of predictions, found a clock
          max(30 fps, 20 tok/s) > 10 fps                         | a token rate compared with a frame rate (fps)
          min(fps(mobilenet_v2, a16), a16.cpu.p_core_clock) > 1 fps | a clock compared with a frame rate
          all x in [30 fps, 20 tok/s]: x > 10 fps                | a token rate compared with a frame rate (fps)
          all x in [1 fps, 2 fps, 3 GHz, 20 tok/s]: x > 1 fps    | a clock compared with a frame rate (fps)
          all x in [1 ms, 2 fps, 1 fps, 3 tok/s]: x > 1 fps      | a token rate compared with a frame rate (fps)
          any x in [20 tok/s, 3 GHz]: x > 10 tok/s               | a clock compared with a token rate (tok/s)
          (max x in [30 fps, 3 GHz] by x) > 1 fps                | a clock compared with a frame rate (fps)
          min(latency(mobilenet_v2, a16) * a16.cpu.p_core_clock, 128 tok) > 1 | a count of cycles compared with a count of tokens
          energy(mobilenet_v2, a16) * a16.cpu.p_core_clock < 1 W | an energy times a clock is no power
          """)
  void aNumberThatMeansSomethingElseIsRefused(String query, String message) {
    String text = assertFails(query, DiagnosticCode.DIMENSION_MISMATCH);
    assertTrue(text.contains(message), text);
    var source = new SourceText("<q>", query);
    var checked =
        Checker.check(
            DevqAssertions.engine().resolver(),
            source,
            Map.of(),
            AstBuilder.parseExpression(source).value(),
            true);
    assertEquals(
        List.of(DiagnosticCode.DIMENSION_MISMATCH),
        checked.diagnostics().stream().map(Diagnostic::code).toList(),
        "the type check refuses it, before anything is evaluated");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          battery(resnet152, iphone_12, 30fps, 1h) < 6%
          resnet50.top1 > 0.7
          decode_rate(qwen3_0_6b, iphone_15_pro) > 20 tok/s
          fps(mobilenet_v2, a16) > 20 fps
          1 / latency(qwen3_0_6b(phase = decode), iphone_15_pro, runtime = llama_cpp) > 20 tok/s
          1 / latency(qwen3_0_6b(phase = decode), iphone_15_pro, runtime = llama_cpp) + 1 tok/s > 20 tok/s
          (1 / latency(qwen3_0_6b(phase = decode), iphone_15_pro, runtime = llama_cpp) in tok/s) > 20 tok/s
          2 < 3
          a16.cpu.p_core_clock > 3 GHz
          a16.cpu.p_core_clock > 2500 MHz
          (a16.cpu.p_core_clock in MHz) < 4 GHz
          a16.cpu.p_core_clock * 2 - 1 GHz > 3 GHz
          3 GHz / a16.cpu.p_core_clock < 1
          a15(p_core_clock = 2.93 GHz).cpu.p_core_clock < a15.cpu.p_core_clock
          fps(mobilenet_v2, a16) > 1 kHz
          1 / latency(mobilenet_v2, a16) < 3 GHz
          """)
  void theSameWithItsUnitIsAnswered(String query) {
    assertInstanceOf(Value.BoolV.class, eval(query), query);
  }

  /**
   * A plain number above 1 against a percentage would compare with a hundred times it: refused at
   * the number, in a quantifier as alone, rather than passed or failed on 500%.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          resnet50.top1 > 70                                     | 70 | 7000%
          70 < resnet50.top1                                     | 70 | 7000%
          battery(mobilenet_v2, iphone_12, 30 fps, 1 h) < 5      | 5  | 500%
          all d in [iphone_12, iphone_13]: battery(mobilenet_v2, d, 30 fps, 1 h) < 5 | 5 | 500%
          """)
  void aPlainNumberAbove1AgainstAPercentageIsRefused(String query, String number, String read) {
    String text = assertFails(query, DiagnosticCode.BAD_VALUE);
    assertTrue(
        text.contains(
            "a percentage compared with the plain number " + number + ", which is " + read),
        text);
    assertTrue(text.contains("write " + number + "% for a percentage"), text);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          resnet50.top1 > 0.7                                    | true
          resnet50.top1 > 70%                                    | true
          battery(mobilenet_v2, iphone_12, 30 fps, 1 h) < 1      | true
          battery(mobilenet_v2, iphone_12, 30 fps, 1 h) < 5%     | true
          """)
  void aFractionOrAPercentageAgainstAPercentageIsAnswered(String query, boolean expected) {
    assertEquals(expected, ((Value.BoolV) eval(query)).isTrue(), query);
  }

  /** An end of an 80% range that a unit cannot write is an error, as the figure is. */
  @Test
  void aRangeEndTooLargeForItsUnitIsAnError() {
    assertFails(
        "(latency(mobilenet_v2, iphone_12) * 2.09e302 in ns).high > 1 s",
        DiagnosticCode.NOT_FINITE);
  }

  /** explain shows the estimate an aggregate's answer is read from, not the first it tried. */
  @Test
  void explainShowsTheItemMinChose() {
    var chosen = (Value.EntityV) eval("argmin d in devices by latency(mobilenet_v2, d)");
    assertEquals(
        chosen.entity().id(),
        explained("min d in devices by latency(mobilenet_v2, d)").target().label());
  }

  /** explain of an expression made of more than the estimate shown says so first. */
  @Test
  void explainSaysWhenTheExpressionIsMoreThanTheEstimateShown() {
    var devq = DevqAssertions.devq();
    String ttft =
        devq.explain(new SourceText("<q>", "ttft(qwen3_0_6b, iphone_15_pro)"), Bindings.EMPTY)
            .text();
    assertTrue(ttft.startsWith("note: the expression is "), ttft);
    String plain =
        devq.explain(new SourceText("<q>", "latency(mobilenet_v2, a16)"), Bindings.EMPTY).text();
    assertFalse(plain.startsWith("note:"), plain);
  }
}
