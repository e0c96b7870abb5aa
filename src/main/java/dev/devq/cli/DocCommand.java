package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.doc.DocReport;
import dev.devq.doc.FileResult;
import dev.devq.doc.ReviewDocuments;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Outcome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq doc FILE.md...}: write each devq block's results under it, or with {@code --check}
 * report stale results and failing checks without changing anything.
 */
@Command(
    name = "doc",
    mixinStandardHelpOptions = true,
    description = {
      "Write the results of each ```devq block of a Markdown review right under it, "
          + "between <!-- devq:result … --> and <!-- devq:end --> markers. Only stale results are "
          + "rewritten; everything else in the file is kept byte for byte.",
      "Exit 0 all checks pass, 1 a check failed (or, with --check, a result is stale), "
          + "2 an error (bad query, result region edited by hand), 3 the file could not be written."
    })
final class DocCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--check",
      description = "change nothing; exit 1 when a result is stale or a check fails")
  boolean check;

  @Parameters(arity = "1..*", paramLabel = "FILE.md")
  List<Path> files;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    int code = ExitCodes.OK;
    for (Path file : files) {
      DocReport report = ReviewDocuments.run(devq, file, DocCommand::result, !check);
      code = Math.max(code, report(report, out, err));
    }
    out.flush();
    err.flush();
    return code;
  }

  /** Prints one document's report and returns its exit code. */
  private int report(DocReport report, PrintWriter out, PrintWriter err) {
    FileResult result = report.result();
    String file = result.file();
    if (!result.diagnostics().isEmpty()) {
      err.print(DiagnosticRenderer.render(result.diagnostics()));
      err.println("devq: " + file + " left unchanged");
      return ExitCodes.BAD_INPUT;
    }
    if (!report.writeError().isEmpty()) {
      err.println("devq: " + report.writeError() + "; the document is unchanged");
      return ExitCodes.INTERNAL;
    }
    for (DocReport.Stale s : report.stale()) {
      String what = check ? "stale result" : s.orphan() ? "result removed" : "result written";
      out.println(file + ":" + s.line() + ": " + what + ": " + s.reason());
    }
    for (FileResult.Entry e : result.entries()) {
      if (e.outcome() instanceof Outcome.Check c && !c.pass()) {
        out.println(OutcomeText.check(c, e.source(), true));
      }
    }
    long failed = result.failures();
    out.println(
        file
            + ": "
            + summary(report)
            + "; "
            + result.checks()
            + plural(result.checks(), " check")
            + (failed == 0 ? " passed" : ", " + failed + " failed"));
    boolean stale = check && !report.stale().isEmpty();
    return failed > 0 || stale ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  private String summary(DocReport report) {
    int n = report.stale().size();
    if (n == 0) {
      return "results up to date";
    }
    if (check) {
      return n + plural(n, " result") + " to update (run devq doc " + report.result().file() + ")";
    }
    return n + plural(n, " result") + " updated";
  }

  /**
   * One outcome in a result region: as {@code devq check} prints it but without positions, and a
   * plain value after the expression it came from, which sits a few lines up.
   */
  static String result(Outcome o, SourceText source) {
    String text = OutcomeText.render(o, source, false);
    if (o instanceof Outcome.Shown) {
      return source.slice(o.span()).replaceAll("\\s+", " ").strip() + " = " + text;
    }
    return text;
  }

  private static String plural(long n, String word) {
    return n == 1 ? word : word + "s";
  }
}
