package dev.devq.query.check;

import dev.devq.lang.Diagnostic;
import java.util.List;
import java.util.Set;

/**
 * A checked tree, or every diagnostic the checker found. {@code hasHole}: the expression contains
 * {@code ?} and is evaluated once per candidate target. {@code reads}: the session's {@code let}
 * bindings it reads, known even when checking failed.
 */
public record CheckResult(
    TypedExpr expr, List<Diagnostic> diagnostics, boolean hasHole, Set<String> reads) {
  public CheckResult {
    diagnostics = List.copyOf(diagnostics);
    reads = Set.copyOf(reads);
  }

  public boolean ok() {
    return diagnostics.isEmpty();
  }
}
