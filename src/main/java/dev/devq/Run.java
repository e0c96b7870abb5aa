package dev.devq;

import dev.devq.lang.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * What running some query text produced: one outcome per statement that succeeded, the diagnostics
 * of those that did not, the bindings after it, and warnings about what ran but may not do what its
 * author meant (a file's table of booleans is shown, not checked).
 *
 * <pre>{@code
 * Run r = devq.eval("latency(mobilenet_v2, a16, throttled) < 33ms");
 * r.failedChecks()   // 0
 * }</pre>
 */
public record Run(
    Bindings bindings,
    List<Outcome> outcomes,
    List<Diagnostic> diagnostics,
    List<Diagnostic> warnings) {
  public Run {
    outcomes = List.copyOf(outcomes);
    diagnostics = List.copyOf(diagnostics);
    warnings = List.copyOf(warnings);
  }

  /** A run with no warnings. */
  public Run(Bindings bindings, List<Outcome> outcomes, List<Diagnostic> diagnostics) {
    this(bindings, outcomes, diagnostics, List.of());
  }

  /**
   * This run as the whole of a query file, review document or piped input, whose every {@code let}
   * of booleans some later statement must read: an error is added for each that none read. A REPL
   * session reads on and never ends so.
   */
  public Run ended() {
    List<Diagnostic> errors = new ArrayList<>(diagnostics);
    errors.addAll(bindings.session().neverRead());
    return new Run(bindings, outcomes, errors, warnings);
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
