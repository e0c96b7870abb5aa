package dev.devq.query.eval;

import static dev.devq.DevqAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code let fits = memory(m, d) < 4 GB} then {@code check "fits": fits} printed PASS or FAIL and
 * nothing else, where the comparison's own check shows both sides, the margin and the pessimistic
 * end of an estimate's range. The let now keeps what its comparison said with the boolean, so the
 * check of the name is the comparison's check, from the one evaluation of the let.
 */
class NamedComparisonCheckTest {

  private static Outcome.Check lastCheck(Interpreter.Run r) {
    assertTrue(r.ok(), r.diagnostics().toString());
    return (Outcome.Check) r.outcomes().get(r.outcomes().size() - 1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          memory(mobilenet_v2, iphone_12) < 4 GB
          latency(mobilenet_v2, iphone_12) < 0.9 ms
          latency(resnet50, iphone_12) < 1 ms
          1 ms < latency(mobilenet_v2, iphone_12) < 5 ms
          iphone_17e.battery_wh > 10 Wh
          iphone_12.year == 2020
          """)
  void aCheckOfANameSaysWhatTheComparisonsCheckSays(String comparison) {
    Outcome.Check named = lastCheck(run("let x = " + comparison + "\ncheck \"c\": x"));
    Outcome.Check written = lastCheck(run("check \"c\": " + comparison));
    assertEquals(written.pass(), named.pass(), comparison);
    assertEquals(written.operands(), named.operands(), comparison);
    assertEquals(written.ops(), named.ops(), comparison);
    assertEquals(written.margin(), named.margin(), comparison);
    assertEquals(written.dominated(), named.dominated(), comparison);
    assertEquals(written.unknown(), named.unknown(), comparison);
    assertEquals(written.leftOut(), named.leftOut(), comparison);
    assertEquals(written.rangeAllowsFor(), named.rangeAllowsFor(), comparison);
  }

  @Test
  void thePessimisticEndIsSaidOfTheName() {
    Outcome.Check named =
        lastCheck(run("let fast = latency(mobilenet_v2, iphone_12) < 0.9 ms\nfast"));
    assertTrue(named.pass());
    assertTrue(named.margin().onlyAtEstimate(), named.margin().toString());
    assertEquals(2, named.operands().size());
  }

  /**
   * A side whose model cannot run makes the let "cannot run", as the comparison evaluates to (so
   * {@code not x} cannot pass on it): its check fails and says why, as the comparison's does.
   */
  @Test
  void aNameWhoseModelCannotRunFailsSayingWhy() {
    String comparison = "latency(llama_2_13b, iphone_12, runtime = llama_cpp) < 1s";
    Outcome.Check named = lastCheck(run("let x = " + comparison + "\ncheck \"c\": x"));
    Outcome.Check written = lastCheck(run("check \"c\": " + comparison));
    assertEquals(false, named.pass());
    assertEquals(written.dominated(), named.dominated());
    assertTrue(named.dominated().startsWith("cannot run: llama_2_13b needs"), named.dominated());
    assertEquals(false, lastCheck(run("let x = " + comparison + "\nnot x")).pass());
  }

  /**
   * A chain decided by a false link before the side that cannot run is false, as the chain written
   * out is: {@code not x} passes where {@code not (…)} does, and the check of the name still fails
   * saying why, as the check of the chain does.
   */
  @Test
  void aChainFalseBeforeItsSideThatCannotRunIsFalseByName() {
    String chain = "5 ms < 1 ms < latency(llama_2_13b, iphone_12, runtime = llama_cpp)";
    assertEquals(true, lastCheck(run("not (" + chain + ")")).pass());
    assertEquals(true, lastCheck(run("let x = " + chain + "\nnot x")).pass());
    Outcome.Check named = lastCheck(run("let x = " + chain + "\ncheck \"c\": x"));
    Outcome.Check written = lastCheck(run("check \"c\": " + chain));
    assertEquals(written.pass(), named.pass());
    assertEquals(written.dominated(), named.dominated());
  }

  /**
   * What is computed from the name ({@code and}, {@code not}) is no comparison: a verdict alone.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          fits and fits
          not fits
          fits or 1 ms > 2 ms
          """)
  void whatIsComputedFromTheNameIsNoComparison(String check) {
    Outcome.Check c = lastCheck(run("let fits = memory(mobilenet_v2, iphone_12) < 4 GB\n" + check));
    assertEquals(List.of(), c.operands(), check);
    assertEquals(Margin.NONE, c.margin(), check);
  }

  /** A name bound to what is computed from a comparison keeps no sides either. */
  @Test
  void aLetOfALogicalAnswerKeepsNoSides() {
    Outcome.Check c =
        lastCheck(
            run(
                "let fits = memory(mobilenet_v2, iphone_12) < 4 GB\n"
                    + "let both = fits and fits\nboth"));
    assertEquals(List.of(), c.operands());
  }
}
