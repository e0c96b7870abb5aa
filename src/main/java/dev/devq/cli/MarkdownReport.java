package dev.devq.cli;

import dev.devq.Outcome;
import dev.devq.doc.FileResult;
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
              .append(" | `")
              .append(cell(o.name()))
              .append("` | ")
              .append(o.source().name())
              .append(':')
              .append(o.line())
              .append(" | ")
              .append(cell(o.sides()))
              .append(" | ")
              .append(cell(o.margin()))
              .append(" |\n");
        }
      }
    }
    return out.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
