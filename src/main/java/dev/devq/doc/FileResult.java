package dev.devq.doc;

import dev.devq.Outcome;
import dev.devq.lang.Diagnostic;
import java.util.List;

/**
 * The outcomes, errors and warnings of one query file or document, in order; a warning (a table of
 * booleans shown, not checked) changes no exit code.
 */
public record FileResult(
    String file, List<Outcome> outcomes, List<Diagnostic> diagnostics, List<Diagnostic> warnings) {
  public FileResult {
    outcomes = List.copyOf(outcomes);
    diagnostics = List.copyOf(diagnostics);
    warnings = List.copyOf(warnings);
  }

  /** A result with no warnings. */
  public FileResult(String file, List<Outcome> outcomes, List<Diagnostic> diagnostics) {
    this(file, outcomes, diagnostics, List.of());
  }

  public long failures() {
    return outcomes.stream().filter(o -> o.isCheck() && !o.passed()).count();
  }

  public long checks() {
    return outcomes.stream().filter(Outcome::isCheck).count();
  }

  /**
   * Whether the file ran without an error and holds no check: it passes whatever it shows, so the
   * reports say so ("no checks in review.md").
   */
  public boolean checksNothing() {
    return diagnostics.isEmpty() && checks() == 0;
  }
}
