package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.LoadException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Loads the knowledge base for a command; profile errors are printed and become exit code 2. */
final class Loader {
  private Loader() {}

  private static final int MAX_SHOWN = 20;

  /**
   * Thrown after the errors were printed to the error stream, carrying them for a command that also
   * prints them as JSON.
   */
  static final class Failed extends Exception {
    private final transient List<Diagnostic> diagnostics;
    private final int exitCode;

    Failed(List<Diagnostic> diagnostics) {
      this(diagnostics, ExitCodes.BAD_INPUT);
    }

    Failed(List<Diagnostic> diagnostics, int exitCode) {
      super(null, null, false, false);
      this.diagnostics = List.copyOf(diagnostics);
      this.exitCode = exitCode;
    }

    List<Diagnostic> diagnostics() {
      return diagnostics;
    }

    /**
     * Bad input (exit 2), or an I/O failure (exit 3) when the system failed to read a profile: a
     * disk error is no mistake in the profiles, and CI should tell the two apart.
     */
    int exitCode() {
      return exitCode;
    }
  }

  /** Where a refusal of the command line as a whole points, for a JSON reader. */
  static final SourceText ARGUMENTS = new SourceText("<arguments>", "");

  static Devq load(CommonOptions options, PrintWriter err) throws Failed {
    if (options.preloaded != null) {
      return options.preloaded;
    }
    var dirs = existingDirs(options, err);
    try {
      return Devq.load(dirs);
    } catch (LoadException e) {
      throw failed(e, err);
    }
  }

  /**
   * The knowledge base for a review document whose front matter names {@code documentProfiles}:
   * those overlays first, then the command line's {@code --profiles}, so the command line has the
   * last word. {@code base} is used as is when the document names none; each distinct list is
   * loaded once per command ({@code cache}).
   */
  static Devq forDocument(
      CommonOptions options,
      Devq base,
      List<Path> documentProfiles,
      Map<List<Path>, Devq> cache,
      PrintWriter err)
      throws Failed {
    if (documentProfiles.isEmpty()) {
      return base;
    }
    List<Path> dirs = documentFirst(documentProfiles, options.profileDirs());
    Devq devq = cache.get(dirs);
    if (devq == null) {
      try {
        devq = Devq.load(dirs);
      } catch (LoadException e) {
        throw failed(e, err);
      }
      cache.put(List.copyOf(dirs), devq);
    }
    return devq;
  }

  /**
   * The overlays of a review document's front matter, then the command line's {@code --profiles},
   * so the command line has the last word: the order of {@code check}, {@code doc} and the REPL's
   * {@code :load}.
   */
  static List<Path> documentFirst(List<Path> document, List<Path> commandLine) {
    List<Path> dirs = new ArrayList<>(document);
    dirs.addAll(commandLine);
    return dirs;
  }

  /**
   * The {@code --profiles} directories; one that names no readable folder is bad input (exit 2),
   * said at its argument before any profile is read.
   */
  static List<Path> existingDirs(CommonOptions options, PrintWriter err) throws Failed {
    var dirs = options.profileDirs();
    List<Diagnostic> missing = FolderArgument.problems("--profiles", dirs, options.mixee, false);
    if (!missing.isEmpty()) {
      err.print(DiagnosticRenderer.render(missing));
      err.flush();
      throw new Failed(missing);
    }
    return dirs;
  }

  /** Prints the first profile errors and their count; the command then ends with exit code 2. */
  static Failed failed(LoadException e, PrintWriter err) {
    {
      // one broken file can yield thousands of errors: the first ones say what is wrong
      int shown = Math.min(MAX_SHOWN, e.diagnostics().size());
      err.println(DiagnosticRenderer.render(e.diagnostics().subList(0, shown)));
      err.println(
          "devq: "
              + e.diagnostics().size()
              + (e.diagnostics().size() == 1 ? " error" : " errors")
              + " in the profiles"
              + (shown < e.diagnostics().size() ? " (the first " + shown + " shown)" : "")
              + "; nothing was evaluated");
      err.flush();
      boolean io = e.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.IO);
      return new Failed(
          e.diagnostics().subList(0, shown), io ? ExitCodes.INTERNAL : ExitCodes.BAD_INPUT);
    }
  }
}
