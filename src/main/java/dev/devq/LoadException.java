package dev.devq;

import dev.devq.lang.Diagnostic;
import java.util.List;

/** The knowledge base could not be loaded; the diagnostics say every reason with its position. */
public final class LoadException extends Exception {
  private final transient List<Diagnostic> diagnostics;

  public LoadException(List<Diagnostic> diagnostics) {
    super(diagnostics.size() + " problem(s) in the profiles");
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
