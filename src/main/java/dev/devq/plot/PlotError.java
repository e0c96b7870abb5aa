package dev.devq.plot;

import dev.devq.lang.Diagnostic;
import java.util.List;

/** Why a chart cannot be made; {@link Plots} turns it into diagnostics, never a trace. */
final class PlotError extends RuntimeException {
  private final transient List<Diagnostic> diagnostics;

  PlotError(List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "plot failed" : diagnostics.get(0).message());
    this.diagnostics = List.copyOf(diagnostics);
  }

  PlotError(Diagnostic diagnostic) {
    this(List.of(diagnostic));
  }

  List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
