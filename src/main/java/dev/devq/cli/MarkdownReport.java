package dev.devq.cli;

import dev.devq.Outcome;
import dev.devq.doc.FileResult;
import dev.devq.lang.CharacterNames;
import dev.devq.lang.Diagnostic;
import java.util.List;

/** {@code devq check --format markdown}: a table for pull-request comments. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(List<FileResult> results) {
    var out = new StringBuilder("| | check | where | values | margin |\n|---|---|---|---|---|\n");
    for (FileResult r : results) {
      for (Outcome o : r.outcomes()) {
        if (o.isCheck()) {
          out.append("| ")
              .append(o.passed() ? "✅ PASS" : "❌ FAIL")
              .append(" | ")
              .append(code(cell(o.name())))
              .append(" | ")
              // a file name is the user's too: a pipe in it split the row, a line break ended it
              .append(cell(CharacterNames.visible(o.source().name()) + ":" + o.line()))
              .append(" | ")
              .append(cell(o.sides()))
              .append(" | ")
              .append(cell(o.marginWithNotes(Integer.MAX_VALUE))) // every counterexample
              .append(" |\n");
        }
      }
      // an error is a row too: a pull-request comment of passing rows alone read as all green
      // while the run failed (exit 2)
      for (Diagnostic d : r.diagnostics()) {
        out.append("| ⛔ ERROR | ")
            .append(cell(CheckReports.errorText(d)))
            .append(" | ")
            .append(cell(CharacterNames.visible(d.position())))
            .append(" | | |\n");
      }
    }
    return out.toString();
  }

  /**
   * A code span that holds {@code s} whole: fenced by more backticks than any run in it (a label's
   * own backtick closed a one-backtick span, and what followed rendered as Markdown or HTML), with
   * a space inside the fence where {@code s} starts or ends with a backtick (CommonMark).
   */
  static String code(String s) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = s.startsWith("`") || s.endsWith("`") ? " " : "";
    return fence + pad + s + pad + fence;
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
