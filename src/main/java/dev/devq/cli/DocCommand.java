package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.Outcome;
import dev.devq.doc.DocReport;
import dev.devq.doc.FileResult;
import dev.devq.doc.FrontMatter;
import dev.devq.doc.InputPath;
import dev.devq.doc.ReviewDocuments;
import dev.devq.lang.Diagnostic;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
final class DocCommand extends DevqCommand {
  @Option(
      names = "--check",
      description = "change nothing; exit 1 when a result is stale or a check fails")
  boolean check;

  @Mixin DocumentRoot root;

  @Parameters(arity = "1..*", paramLabel = "FILE.md")
  List<Path> files;

  @Override
  int run() throws Loader.Failed {
    String emptyArgument = FolderArgument.emptyArgument("FILE.md", files);
    if (!emptyArgument.isEmpty()) {
      return fail(emptyArgument);
    }
    List<Diagnostic> badRoot = root.problems(spec, inRepl);
    if (!badRoot.isEmpty()) {
      return errors(badRoot);
    }
    Devq devq = devq();
    int code = ExitCodes.OK;
    for (Path file : files) {
      List<Diagnostic> unreadable = unreadable(List.of(file), InputPath.Kind.FILE);
      if (!unreadable.isEmpty()) {
        code = Math.max(code, errors(unreadable));
        continue;
      }
      String name = file.getFileName() == null ? "" : file.getFileName().toString();
      if (!name.endsWith(".devq") && !name.endsWith(".md") && !name.endsWith(".markdown")) {
        // a CSV or /proc file has no ```devq blocks either: "results up to date" said nothing
        code =
            Math.max(
                code,
                fail(
                    file + " is not a Markdown review (.md): doc writes results under its blocks"));
        continue;
      }
      if (name.endsWith(".devq")) {
        // a query file has no ```devq blocks: doc would report "up to date; 0 checks passed" for
        // a file whose checks fail or do not parse
        code =
            Math.max(
                code,
                fail(
                    file
                        + " is a query file, not a Markdown review: run devq check "
                        + file
                        + " (doc writes results under the ```devq blocks of a .md file)"));
        continue;
      }
      FrontMatter front = FrontMatter.read(file, root.dir);
      DocReport report =
          front.diagnostics().isEmpty()
              ? ReviewDocuments.run(devq(devq, front), file, !check, root.dir)
              : new DocReport(
                  new FileResult(file.toString(), List.of(), front.diagnostics()),
                  List.of(),
                  false,
                  "");
      code = Math.max(code, report(report, out(), err()));
    }
    return code;
  }

  /** Prints one document's report and returns its exit code. */
  private int report(DocReport report, PrintWriter out, PrintWriter err) {
    FileResult result = report.result();
    String file = result.file();
    if (!result.diagnostics().isEmpty()) {
      errors(ImportedModelHint.added(result.diagnostics(), Path.of(file).getParent()));
      if (!check) {
        err.println("devq: " + file + " left unchanged"); // --check never changes a file
      }
      return ExitCodes.BAD_INPUT;
    }
    if (!report.writeError().isEmpty()) {
      err.println("devq: " + report.writeError());
      return ExitCodes.INTERNAL;
    }
    warnings(result.warnings());
    for (DocReport.Stale s : report.stale()) {
      String what = check ? "stale result" : s.orphan() ? "result removed" : "result written";
      out.println(file + ":" + s.line() + ": " + what + ": " + s.reason());
    }
    if (report.stale().stream().anyMatch(DocReport.Stale::overlays)) {
      // by design (the answers may differ), but a CI run without the author's --profiles, or
      // with them, must not make every result stale again
      err.println(
          "devq: results computed with other profiles are stale by design; to have every run of "
              + file
              + " load the same profiles, list their folders in its front matter,"
              + " devq: {profiles: [FOLDER]}, rather than in --profiles"
              + " (docs/review-documents.md, \"Profiles in front matter\")");
    }
    for (Outcome o : result.outcomes()) {
      if (o.isCheck() && !o.passed()) {
        out.println(o.text(true));
      }
    }
    long failed = result.failures();
    out.println(
        file
            + ": "
            + summary(report)
            + "; "
            + (result.checksNothing()
                ? "no checks"
                : result.checks()
                    + plural(result.checks(), " check")
                    + (failed == 0 ? " passed" : ", " + failed + " failed")));
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

  private static String plural(long n, String word) {
    return n == 1 ? word : word + "s";
  }
}
