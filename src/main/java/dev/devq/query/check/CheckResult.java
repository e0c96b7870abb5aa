package dev.devq.query.check;

import dev.devq.lang.Diagnostic;
import java.util.List;

/** A checked tree, or every diagnostic the checker found. */
/**
 * {@code hasHole}: the expression contains {@code ?} and is evaluated once per candidate target.
 */
public record CheckResult(TypedExpr expr, List<Diagnostic> diagnostics, boolean hasHole) {
  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
  }

  public boolean ok() {
    return diagnostics.isEmpty();
  }
}
