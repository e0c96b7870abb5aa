package dev.devq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.doc.FileResult;
import dev.devq.query.eval.Outcome;
import java.util.List;

/** {@code devq check --format json}: every check with its file, line, sides and verdict. */
final class CheckJson {
  private CheckJson() {}

  static JsonNode report(List<FileResult> results) {
    ObjectNode root = JsonRender.MAPPER.createObjectNode();
    ArrayNode checks = root.putArray("checks");
    long failed = 0;
    long total = 0;
    for (FileResult r : results) {
      for (FileResult.Entry e : r.entries()) {
        if (e.outcome() instanceof Outcome.Check c) {
          ObjectNode n = (ObjectNode) JsonRender.outcome(c);
          n.put("file", e.source().name());
          n.put("line", e.source().line(c.span().start()));
          n.put("expr", e.source().slice(c.span()).replaceAll("\\s+", " ").strip());
          checks.add(n);
          total++;
          failed += c.pass() ? 0 : 1;
        }
      }
    }
    root.put("checks_total", total);
    root.put("passed", total - failed);
    root.put("failed", failed);
    ArrayNode errors = root.putArray("errors");
    for (FileResult r : results) {
      JsonRender.diagnostics(r.diagnostics()).get("errors").forEach(errors::add);
    }
    return root;
  }
}
