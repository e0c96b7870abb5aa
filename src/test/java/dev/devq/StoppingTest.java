package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An evaluation asked to stop ({@link Devq#stoppingWhen}, the REPL's Ctrl-C) ends with one {@code
 * INTERRUPTED} error, even inside the forms that absorb a failure of one item (a table row, a
 * quantifier's item, a hole's candidate, an aggregate's key), and the statements after it do not
 * run. The stop answers true from its hundredth question on, so where it lands does not depend on
 * time.
 */
class StoppingTest {
  private static final List<String> LONG =
      List.of(
          "all d in devices: all m in models: latency(m, d, batch = 4) < 1h",
          "table d in devices, m in models: latency(m, d), fps(m, d)",
          "latency(resnet50, ?, sustained) < 1h",
          "argmin d in devices by latency(resnet50, d)",
          "[latency(m, d) for d in devices, m in models]");

  /** A stop that answers true once it has been asked {@code questions} times. */
  private static BooleanSupplier after(int questions) {
    int[] asked = {0};
    return () -> ++asked[0] > questions;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void aStopEndsTheInputWithOneErrorAndKeepsTheBindings(int which) {
    String query = LONG.get(which);
    Devq devq = DevqAssertions.devq().stoppingWhen(after(100));
    var source = new SourceText("<input>", "let x = 1\n" + query + "\nlet y = 2\n");
    Run atomic = devq.runAtomically(source, Bindings.EMPTY);
    assertEquals(
        List.of(DiagnosticCode.INTERRUPTED),
        atomic.diagnostics().stream().map(Diagnostic::code).toList(),
        query);
    assertTrue(atomic.bindings().names().isEmpty(), query);

    Run file = DevqAssertions.devq().stoppingWhen(after(100)).run(source, Bindings.EMPTY);
    assertEquals(1, file.diagnostics().size(), query);
    assertTrue(file.bindings().binds("x"), query);
    assertFalse(file.bindings().binds("y"), "the statement after the stop ran: " + query);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"latency(mobilenet_v2, a16) + 1 ms", "1 + 1"})
  void anEvaluationNeverAskedToStopIsUnchanged(String query) {
    Devq devq = DevqAssertions.devq();
    Run plain = devq.eval(query);
    Run stoppable = devq.stoppingWhen(() -> false).eval(query);
    assertEquals(plain.outcomes().get(0).text(false), stoppable.outcomes().get(0).text(false));
  }
}
