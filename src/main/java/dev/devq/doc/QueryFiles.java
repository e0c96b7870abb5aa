package dev.devq.doc;

import dev.devq.Bindings;
import dev.devq.Devq;
import dev.devq.Outcome;
import dev.devq.Run;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs query files: {@code .devq} files whole, Markdown documents block by block with {@code let}
 * bindings shared across the blocks of one document. Directories are searched for both.
 */
public final class QueryFiles {
  private QueryFiles() {}

  /** Expands directories into their .devq and .md files, sorted; plain files are kept as given. */
  public static List<Path> expand(List<Path> paths) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        try (Stream<Path> walk = Files.walk(p)) {
          walk.filter(Files::isRegularFile)
              .filter(QueryFiles::isQueryFile)
              .sorted()
              .forEach(out::add);
        } catch (UncheckedIOException e) {
          // a folder below p the walk cannot open (no permission): said as any unreadable path
          throw e.getCause();
        }
      } else {
        out.add(p);
      }
    }
    return out;
  }

  static boolean isQueryFile(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".devq") || name.endsWith(".md");
  }

  /**
   * Runs one file; unreadable files become a diagnostic, never an exception. A Markdown fence's
   * {@code file=} may read query files below {@code root}, or below the document's folder when
   * {@code root} is null.
   */
  public static FileResult run(Devq devq, Path path, Path root) {
    Run run = run(devq, path, root, Bindings.EMPTY).ended();
    return new FileResult(path.toString(), run.outcomes(), run.diagnostics(), run.warnings());
  }

  /**
   * Runs one file in a session that already holds {@code bindings} (the REPL's {@code :load}), a
   * Markdown document block by block as {@link #run(Devq, Path, Path)} does; the caller keeps the
   * returned bindings only when the run has no error.
   */
  public static Run run(Devq devq, Path path, Path root, Bindings bindings) {
    String name = path.toString();
    String text;
    try {
      text = InputPath.text(path, name, UserFile.MAX_BYTES);
    } catch (InputPath.Unreadable e) {
      return failed(bindings, e.problem().atStart(name));
    } catch (UserFile.Refused e) {
      return failed(bindings, InputPath.refused(name, e));
    }
    if (!name.endsWith(".md")) {
      return runBlocks(
          List.of(new QueryBlock(name, new SourceText(name, text))),
          new PlotFences(devq, path),
          bindings);
    }
    Diagnostic tooDeep = MarkdownDepth.check(new SourceText(name, text));
    if (tooDeep != null) {
      return new Run(bindings, List.of(), List.of(tooDeep));
    }
    Diagnostic conflict =
        HandEdits.conflict(
            new SourceText(name, text), Lines.split(text), "devq check will not run it");
    if (conflict != null) {
      return new Run(bindings, List.of(), List.of(conflict));
    }
    MarkdownBlocks.Found found = MarkdownBlocks.find(name, text, path.getParent(), root);
    Run r = runBlocks(found.blocks(), new PlotFences(devq, path), bindings);
    List<Diagnostic> all = new ArrayList<>(found.diagnostics());
    all.addAll(r.diagnostics());
    return new Run(r.bindings(), r.outcomes(), all, r.warnings());
  }

  private static Run runBlocks(List<QueryBlock> blocks, PlotFences fences, Bindings bindings) {
    List<Outcome> outcomes = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Diagnostic> warnings = new ArrayList<>();
    for (QueryBlock block : blocks) {
      Run run = fences.run(block, bindings);
      bindings = run.bindings();
      outcomes.addAll(run.outcomes());
      diagnostics.addAll(run.diagnostics());
      warnings.addAll(run.warnings());
    }
    return new Run(bindings, outcomes, diagnostics, warnings);
  }

  private static Run failed(Bindings bindings, Diagnostic refusal) {
    return new Run(bindings, List.of(), List.of(refusal));
  }
}
