package dev.devq.cli;

import dev.devq.doc.FileResult;
import dev.devq.query.eval.Outcome;
import java.util.List;

/** {@code devq check --format markdown}: a table for pull-request comments. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(List<FileResult> results) {
    var out = new StringBuilder("| | check | where | values | margin |\n|---|---|---|---|---|\n");
    for (FileResult r : results) {
      for (FileResult.Entry e : r.entries()) {
        if (e.outcome() instanceof Outcome.Check c) {
          String what =
              c.label().isEmpty()
                  ? e.source().slice(c.span()).replaceAll("\\s+", " ").strip()
                  : c.label();
          var sides = new StringBuilder();
          for (int i = 0; i < c.operands().size(); i++) {
            if (i > 0 && i - 1 < c.ops().size()) {
              sides.append(' ').append(c.ops().get(i - 1).symbol).append(' ');
            }
            sides.append(TextRender.value(c.operands().get(i)));
          }
          out.append("| ")
              .append(c.pass() ? "✅ PASS" : "❌ FAIL")
              .append(" | `")
              .append(cell(what))
              .append("` | ")
              .append(e.source().name())
              .append(':')
              .append(e.source().line(c.span().start()))
              .append(" | ")
              .append(cell(sides.toString()))
              .append(" | ")
              .append(cell(marginCell(c)))
              .append(" |\n");
        }
      }
    }
    return out.toString();
  }

  /** The margin, or for a quantified check its counterexamples (or witness). */
  private static String marginCell(Outcome.Check c) {
    if (c.cases().quantified()) {
      return CaseText.summary(c.cases(), OutcomeText.CASES_SHOWN);
    }
    return c.margin().text();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
