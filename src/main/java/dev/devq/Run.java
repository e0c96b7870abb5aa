package dev.devq;

import dev.devq.lang.Diagnostic;
import java.util.List;

/**
 * What running some query text produced: one outcome per statement that succeeded, the diagnostics
 * of those that did not, and the bindings after it.
 *
 * <pre>{@code
 * Run r = devq.eval("latency(mobilenet_v2, a16, throttled) < 33ms");
 * r.failedChecks()   // 0
 * }</pre>
 */
public record Run(Bindings bindings, List<Outcome> outcomes, List<Diagnostic> diagnostics) {
  public Run {
    outcomes = List.copyOf(outcomes);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether every statement ran without an error. */
  public boolean ok() {
    return diagnostics.isEmpty();
  }

  /** How many of the outcomes are checks that failed. */
  public long failedChecks() {
    return outcomes.stream().filter(o -> o.isCheck() && !o.passed()).count();
  }
}
