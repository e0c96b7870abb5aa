package dev.devq.cli;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The step a new user misses after {@code devq import model.onnx}: the description goes into {@code
 * ./devq-profiles}, which a later {@code devq doc} or {@code check} does not read unless told to.
 * The unknown name then only suggested the nearest zoo model; it now also names the file that
 * describes it and how to load it.
 */
final class ImportedModelHint {
  /** Where {@code devq import} writes when no {@code --out} is given. */
  static final String DEFAULT_FOLDER = "devq-profiles";

  private ImportedModelHint() {}

  /**
   * {@code diagnostics} with a note on each unknown name that a model description in {@code
   * devq-profiles/models/} (beside the document in {@code documentDir}, or in the current folder)
   * defines.
   */
  static List<Diagnostic> added(List<Diagnostic> diagnostics, Path documentDir) {
    return diagnostics.stream().map(d -> added(d, documentDir)).toList();
  }

  private static Diagnostic added(Diagnostic d, Path documentDir) {
    if (d.code() != DiagnosticCode.UNKNOWN_NAME) {
      return d;
    }
    String text = d.source().text();
    int end = Math.min(d.span().end(), text.length());
    String name = text.substring(Math.min(d.span().start(), end), end);
    if (!name.matches("[A-Za-z0-9_]+")) {
      return d;
    }
    Path beside = (documentDir == null ? Path.of("") : documentDir).resolve(DEFAULT_FOLDER);
    for (Path folder : List.of(beside, Path.of(DEFAULT_FOLDER))) {
      Path file = folder.resolve("models").resolve(name + ".yaml");
      if (Files.isRegularFile(file)) {
        // front matter names folders relative to the document, and only below it
        String frontMatter =
            folder == beside
                ? ", or name it in the review's front matter: devq: {profiles: ["
                    + DEFAULT_FOLDER
                    + "]}"
                : "";
        return d.withNote(
            file + " describes it (devq import wrote it): pass --profiles " + folder + frontMatter);
      }
    }
    return d;
  }
}
