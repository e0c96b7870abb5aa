package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.doc.AtomicFile;
import dev.devq.doc.FileResult;
import dev.devq.doc.FrontMatter;
import dev.devq.doc.QueryFiles;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devq check PATH...}: run query files and the devq blocks of Markdown documents. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Run .devq files and ```devq blocks of .md files (directories are searched). "
            + "Exit 0 when every check passes, 1 when one fails, 2 on an error.")
final class CheckCommand extends DevqCommand {
  @Option(
      names = "--format",
      defaultValue = "text",
      description = "text, json, junit, markdown or csv (one record per check)")
  Format format;

  @Mixin DocumentRoot root;

  @Parameters(arity = "1..*", paramLabel = "PATH")
  List<Path> paths;

  @Override
  int run() throws Loader.Failed {
    String emptyArgument = FolderArgument.emptyArgument("PATH", paths);
    if (!emptyArgument.isEmpty()) {
      return fail(emptyArgument);
    }
    String badRoot = root.problem();
    if (!badRoot.isEmpty()) {
      return fail(badRoot);
    }
    Devq devq = devq();
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      List<Path> found;
      try {
        found = QueryFiles.expand(List.of(p));
      } catch (IOException e) {
        // the exception's own message is often the path alone: say what went wrong, in words
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : "";
        return fail("cannot read " + (file.isEmpty() ? p : file) + ": " + AtomicFile.reason(e));
      }
      if (found.isEmpty()) {
        // a CI step pointed at the wrong folder passed, having checked nothing
        return fail(p + " holds no .devq or .md file: there is nothing to check");
      }
      files.addAll(found);
    }
    List<FileResult> results = new ArrayList<>();
    for (Path f : files) {
      FrontMatter front = FrontMatter.read(f, root.dir);
      FileResult result =
          front.diagnostics().isEmpty()
              ? QueryFiles.run(devq(devq, front), f, root.dir)
              : new FileResult(f.toString(), List.of(), front.diagnostics());
      results.add(queryGivenAsPath(f) ? withEvalHint(result) : result);
    }
    CheckReports.write(format, results, out());
    out().flush();
    results.forEach(r -> warnings(r.warnings()));
    boolean errors = false;
    for (FileResult r : results) {
      if (!r.diagnostics().isEmpty()) {
        errors(r.diagnostics());
        errors = true;
      }
    }
    if (errors) {
      return ExitCodes.BAD_INPUT;
    }
    return results.stream().anyMatch(r -> r.failures() > 0) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  /**
   * {@code devq check 'all d in devices: …'}: a constraint typed where a file was expected. A
   * missing path with spaces, brackets or a comparison in it is far likelier a query than a file.
   */
  private static boolean queryGivenAsPath(Path path) {
    String text = path.toString();
    return !Files.exists(path) && text.chars().anyMatch(c -> " ()<>=".indexOf(c) >= 0);
  }

  private static FileResult withEvalHint(FileResult result) {
    String hint =
        "devq check runs query files and Markdown documents; for a query on the command line,"
            + " use devq eval '"
            + result.file()
            + "'";
    return new FileResult(
        result.file(),
        result.outcomes(),
        result.diagnostics().stream().map(d -> d.withNote(hint)).toList(),
        result.warnings());
  }
}
