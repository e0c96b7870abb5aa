package dev.devq.cli;

import dev.devq.lang.Diagnostic;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code --root DIR} of {@code devq check} and {@code devq doc}: how far a review document's {@code
 * ```devq file=…} fences may reach. CI runs both on documents it did not write, so by default a
 * document reads query files only below its own folder; a repository that keeps its queries beside
 * its documents names its top folder instead.
 */
final class DocumentRoot {
  @Option(
      names = "--root",
      paramLabel = "DIR",
      description =
          "a ```devq file=… fence may read query files anywhere below DIR (default: only below"
              + " the document's own folder)")
  Path dir;

  /**
   * Why the given {@code --root} cannot be used, said once before any document is read; empty when
   * it is a folder or not given. A mistyped one made every file= fence "outside the --root folder",
   * and passed a document without one.
   */
  List<Diagnostic> problems(CommandSpec spec, boolean inRepl) {
    return FolderArgument.problems("--root", dir == null ? List.of() : List.of(dir), spec, inRepl);
  }
}
