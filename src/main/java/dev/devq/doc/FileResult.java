package dev.devq.doc;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Outcome;
import java.util.List;

/** The outcomes and errors of one query file or document, in order. */
public record FileResult(String file, List<Entry> entries, List<Diagnostic> diagnostics) {
  public FileResult {
    entries = List.copyOf(entries);
    diagnostics = List.copyOf(diagnostics);
  }

  /** One statement's outcome with the source it came from, for positions. */
  public record Entry(SourceText source, Outcome outcome) {}

  public long failures() {
    return entries.stream()
        .filter(e -> e.outcome() instanceof Outcome.Check c && !c.pass())
        .count();
  }

  public long checks() {
    return entries.stream().filter(e -> e.outcome() instanceof Outcome.Check).count();
  }
}
