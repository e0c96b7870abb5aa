package dev.devq.doc;

import dev.devq.Outcome;
import dev.devq.lang.Diagnostic;
import java.util.List;

/** The outcomes and errors of one query file or document, in order. */
public record FileResult(String file, List<Outcome> outcomes, List<Diagnostic> diagnostics) {
  public FileResult {
    outcomes = List.copyOf(outcomes);
    diagnostics = List.copyOf(diagnostics);
  }

  public long failures() {
    return outcomes.stream().filter(o -> o.isCheck() && !o.passed()).count();
  }

  public long checks() {
    return outcomes.stream().filter(Outcome::isCheck).count();
  }
}
