package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement that would make more predictions than its budget stops with a positioned error. The
 * budget is a JVM property, so the test runs devq in a subprocess with a small one.
 */
class EvaluationBudgetTest {
  @Test
  void aSweepOverItsPredictionBudgetIsAnErrorNamingTheCall() throws Exception {
    var run =
        DevqProcess.run(
            List.of("-Ddevq.max.predictions=500"),
            "eval",
            "all a in socs: all d in devices: all m in models: latency(m, d) > 0 ms");
    String out = run.output();
    assertEquals(2, run.code(), out);
    assertTrue(
        out.contains("error[BUDGET]: evaluation budget exceeded after 501 predictions"), out);
    assertTrue(out.contains("^^^^^^^^^^^^^"), out);
  }

  /**
   * The default budget stops a quantifier nested four deep over every device (175 million items)
   * after ten million steps, seconds of one core: at a hundred million it ran for a minute and a
   * half of list building before it stopped.
   */
  @Test
  void theDefaultBudgetStopsAFourDeepSweepInSeconds() throws Exception {
    var run =
        DevqProcess.run(
            List.of(),
            "eval",
            "any a in devices: any b in devices: any c in devices: any e in devices: false");
    assertEquals(2, run.code(), run.output());
    assertTrue(
        run.output()
            .contains(
                "after 0 predictions and 10000001 steps"
                    + " (limits: 100000 predictions, 10000000 steps per statement)"),
        run.output());
  }

  /**
   * The budget counts predictions made, not asked for: a table asking one prediction for three
   * columns pays for it once (a sweep of 18,000 distinct predictions in five columns was refused).
   */
  @Test
  void aPredictionAskedAgainIsNotPaidTwice() throws Exception {
    String table =
        "table d in [a16, a17_pro]: latency(mobilenet_v2, d), fps(mobilenet_v2, d),"
            + " energy(mobilenet_v2, d)";
    var two = DevqProcess.run(List.of("-Ddevq.max.predictions=2"), "eval", table);
    assertEquals(0, two.code(), two.output());
    var one = DevqProcess.run(List.of("-Ddevq.max.predictions=1"), "eval", table);
    assertEquals(2, one.code(), one.output());
    assertTrue(one.output().contains("exceeded after 2 predictions"), one.output());
  }

  /**
   * The budget counts steps, not seconds: a sweep without a single prediction stops at the same
   * step, at the same expression, however loaded the machine is.
   */
  @Test
  void aSweepOverItsStepBudgetStopsAtTheSameStepEveryTime() throws Exception {
    String query = "all a in ops: all b in ops: all c in ops: a == b or 1 ms < 2 ms";
    var first = DevqProcess.run(List.of("-Ddevq.max.steps=5000"), "eval", query);
    var second = DevqProcess.run(List.of("-Ddevq.max.steps=5000"), "eval", query);
    String out = first.output();
    assertEquals(2, first.code(), out);
    assertTrue(
        out.contains(
            "error[BUDGET]: evaluation budget exceeded after 0 predictions and 5001 steps"),
        out);
    assertEquals(out, second.output());
  }

  @Test
  void overflowIsAnErrorNotInfinity() throws IOException {
    Interpreter.Run run =
        DevqAssertions.interpreter()
            .run(new SourceText("<q>", "1e308 * 10 > 1 ms / 1 ms"), Session.EMPTY, false);
    List<DiagnosticCode> codes = run.diagnostics().stream().map(d -> d.code()).toList();
    assertEquals(List.of(DiagnosticCode.NOT_FINITE), codes);
  }
}
