package dev.devq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.Json;
import dev.devq.Outcome;
import dev.devq.doc.FileResult;
import java.util.List;

/**
 * {@code devq check --format json}: every check with its file, line, sides and verdict, then the
 * errors and the warnings, each with its message, file, line and column.
 */
final class CheckJson {
  private CheckJson() {}

  static JsonNode report(List<FileResult> results) {
    ObjectNode root = Json.object();
    root.put("kind", "check_report");
    ArrayNode checks = root.putArray("checks");
    long failed = 0;
    long total = 0;
    for (FileResult r : results) {
      for (Outcome o : r.outcomes()) {
        if (o.isCheck()) {
          ObjectNode n = (ObjectNode) o.json();
          n.put("file", o.source().name());
          n.put("line", o.line());
          checks.add(n);
          total++;
          failed += o.passed() ? 0 : 1;
        }
      }
    }
    root.put("checks_total", total);
    root.put("passed", total - failed);
    root.put("failed", failed);
    ArrayNode unchecked = root.putArray("files_without_checks");
    results.stream().filter(FileResult::checksNothing).forEach(r -> unchecked.add(r.file()));
    ArrayNode errors = root.putArray("errors");
    // what standard error also says of a file that ran: a table column of booleans shown, not
    // checked, which a CI tool reading only this report would otherwise never see
    ArrayNode warnings = root.putArray("warnings");
    for (FileResult r : results) {
      Json.diagnostics(r.diagnostics()).get("errors").forEach(errors::add);
      Json.diagnostics(r.warnings()).get("errors").forEach(warnings::add);
    }
    return root;
  }
}
