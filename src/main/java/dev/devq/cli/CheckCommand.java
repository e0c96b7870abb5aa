package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.doc.FileResult;
import dev.devq.doc.QueryFiles;
import dev.devq.lang.DiagnosticRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devq check PATH...}: run query files and the devq blocks of Markdown documents. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description =
        "Run .devq files and ```devq blocks of .md files (directories are searched). "
            + "Exit 0 when every check passes, 1 when one fails, 2 on an error.")
final class CheckCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text, json, junit or markdown")
  Format format;

  @Parameters(arity = "1..*", paramLabel = "PATH")
  List<Path> paths;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    List<Path> files;
    try {
      files = QueryFiles.expand(paths);
    } catch (IOException e) {
      err.println("devq: cannot read " + e.getMessage());
      return ExitCodes.BAD_INPUT;
    }
    List<FileResult> results = new ArrayList<>();
    for (Path f : files) {
      results.add(QueryFiles.run(devq, f));
    }
    CheckReports.write(format, results, out);
    boolean errors = results.stream().anyMatch(r -> !r.diagnostics().isEmpty());
    for (FileResult r : results) {
      if (!r.diagnostics().isEmpty()) {
        err.print(DiagnosticRenderer.render(r.diagnostics()));
      }
    }
    out.flush();
    err.flush();
    if (errors) {
      return ExitCodes.BAD_INPUT;
    }
    return results.stream().anyMatch(r -> r.failures() > 0) ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }
}
