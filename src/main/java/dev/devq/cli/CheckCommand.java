package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.doc.FileResult;
import dev.devq.doc.FrontMatter;
import dev.devq.doc.InputPath;
import dev.devq.doc.QueryFiles;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.Span;
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

  /**
   * A refusal of the command line (a --root or --profiles folder that is not there) is a JSON
   * errors object with {@code --format json}, as every command's; the files' own errors are in the
   * report.
   */
  @Override
  boolean json() {
    return format == Format.json;
  }

  @Override
  int run() throws Loader.Failed {
    String emptyArgument = FolderArgument.emptyArgument("PATH", paths);
    if (!emptyArgument.isEmpty()) {
      return fail(emptyArgument);
    }
    List<Diagnostic> badRoot = root.problems(spec, inRepl);
    if (!badRoot.isEmpty()) {
      return errors(badRoot);
    }
    Devq devq;
    try {
      devq = devq();
    } catch (Loader.Failed e) {
      if (format == Format.text || format == Format.json) {
        throw e;
      }
      // a CI step reading a JUnit, Markdown or CSV report must not get an empty file and read
      // it as nothing failed: the profiles' errors are the report's one record
      String where =
          e.diagnostics().isEmpty() ? "profiles" : e.diagnostics().get(0).source().name();
      CheckReports.write(format, List.of(new FileResult(where, List.of(), e.diagnostics())), out());
      out().flush();
      return e.exitCode();
    }
    // a path naming nothing readable is reported in its place among the files' results, so a CI
    // report still shows every file: refused holds, for each of files, its refusal or null
    List<Path> files = new ArrayList<>();
    List<FileResult> refused = new ArrayList<>();
    for (Path p : paths) {
      List<Diagnostic> unreadable = unreadable(List.of(p), InputPath.Kind.FILE_OR_FOLDER);
      if (!unreadable.isEmpty()) {
        files.add(p);
        refused.add(new FileResult(p.toString(), List.of(), unreadable));
        continue;
      }
      List<Path> found;
      try {
        found = QueryFiles.expand(List.of(p));
      } catch (IOException e) {
        // a folder below p the walk cannot open (no permission)
        String file = e instanceof FileSystemException f && f.getFile() != null ? f.getFile() : "";
        return errors(
            List.of(
                InputPath.of(e, file.isEmpty() ? p.toString() : file)
                    .at(Loader.ARGUMENTS, Span.at(0))));
      }
      if (found.isEmpty()) {
        // a CI step pointed at the wrong folder passed, having checked nothing
        return fail(p + " holds no .devq or .md file: there is nothing to check");
      }
      files.addAll(found);
      found.forEach(f -> refused.add(null));
    }
    List<FileResult> results = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      FileResult result = refused.get(i) != null ? refused.get(i) : run(devq, files.get(i));
      results.add(queryGivenAsPath(files.get(i)) ? withEvalHint(result) : result);
    }
    CheckReports.write(format, results, out());
    out().flush();
    results.forEach(r -> warnings(r.warnings()));
    boolean errors = false;
    for (FileResult r : results) {
      if (!r.diagnostics().isEmpty()) {
        errors(r.diagnostics(), false); // the report above holds them
        errors = true;
      }
    }
    if (errors) {
      return ExitCodes.BAD_INPUT;
    }
    return results.stream().anyMatch(r -> r.failures() > 0) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  private FileResult run(Devq devq, Path file) throws Loader.Failed {
    FrontMatter front = FrontMatter.read(file, root.dir);
    if (!front.diagnostics().isEmpty()) {
      return new FileResult(file.toString(), List.of(), front.diagnostics());
    }
    FileResult r = QueryFiles.run(devq(devq, front), file, root.dir);
    return new FileResult(
        r.file(),
        r.outcomes(),
        ImportedModelHint.added(r.diagnostics(), file.getParent()),
        r.warnings());
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
