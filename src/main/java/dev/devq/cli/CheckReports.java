package dev.devq.cli;

import dev.devq.Csv;
import dev.devq.Json;
import dev.devq.Outcome;
import dev.devq.doc.FileResult;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.Diagnostic;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** The report of {@code devq check} in each format. */
final class CheckReports {
  private CheckReports() {}

  static void write(Format format, List<FileResult> results, PrintWriter out) {
    switch (format) {
      case json -> out.println(Json.write(CheckJson.report(results)));
      case junit -> out.print(JunitReport.render(results));
      case markdown -> out.print(MarkdownReport.render(results));
      case csv -> out.print(csv(results));
      default -> text(results, out);
    }
  }

  /** One record per check: its verdict, name, place, sides and margin (as the Markdown report). */
  private static String csv(List<FileResult> results) {
    var out = new StringBuilder(Csv.row(List.of("result", "check", "where", "values", "margin")));
    for (FileResult r : results) {
      for (Outcome o : r.outcomes()) {
        if (o.isCheck()) {
          out.append(
              Csv.row(
                  List.of(
                      o.passed() ? "PASS" : "FAIL",
                      o.name(),
                      o.source().name() + ":" + o.line(),
                      o.sides(),
                      o.marginWithNotes(Outcome.CASES_SHOWN))));
        }
      }
      // an error is a record too: a spreadsheet of passing rows alone read as a passing run
      for (Diagnostic d : r.diagnostics()) {
        out.append(Csv.row(List.of("ERROR", errorText(d), d.position(), "", "")));
      }
    }
    return out.toString();
  }

  /**
   * An error on one line, as the Markdown and CSV reports show it: {@code error[CODE]: message},
   * then its notes, separated by {@code ; }.
   */
  static String errorText(Diagnostic d) {
    var parts = new ArrayList<String>();
    parts.add("error[" + d.code().label() + "]: " + d.message());
    parts.addAll(d.notes());
    return String.join("; ", parts);
  }

  private static void text(List<FileResult> results, PrintWriter out) {
    long checks = 0;
    long failed = 0;
    long errors = 0;
    for (FileResult r : results) {
      for (Outcome o : r.outcomes()) {
        if (o.isCheck()) {
          out.println(o.text(true));
        }
      }
      checks += r.checks();
      failed += r.failures();
      errors += r.diagnostics().size();
    }
    if (checks > 0) {
      out.println(); // parts the results from the summary; with no result there is nothing to part
    }
    for (FileResult r : results) {
      if (r.checksNothing()) {
        out.println("no checks in " + CharacterNames.visible(r.file()));
      }
    }
    out.println(
        checks
            + (checks == 1 ? " check: " : " checks: ")
            + (checks - failed)
            + " passed, "
            + failed
            + " failed"
            + (errors > 0 ? ", " + errors + (errors == 1 ? " error" : " errors") : "")
            + " in "
            + results.size()
            + (results.size() == 1 ? " file" : " files"));
  }
}
