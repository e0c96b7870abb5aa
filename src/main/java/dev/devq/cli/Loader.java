package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.LoadException;
import dev.devq.lang.DiagnosticRenderer;
import java.io.PrintWriter;

/** Loads the knowledge base for a command; profile errors are printed and become exit code 2. */
final class Loader {
  private Loader() {}

  /** Thrown after the errors were printed, carrying the exit code. */
  static final class Failed extends Exception {
    Failed() {
      super(null, null, false, false);
    }
  }

  static Devq load(CommonOptions options, PrintWriter err) throws Failed {
    try {
      return Devq.load(options.profiles());
    } catch (LoadException e) {
      err.println(DiagnosticRenderer.render(e.diagnostics()));
      err.println("devq: " + e.diagnostics().size() + (e.diagnostics().size() == 1 ? " error" : " errors")
          + " in the profiles; nothing was evaluated");
      err.flush();
      throw new Failed();
    }
  }
}
