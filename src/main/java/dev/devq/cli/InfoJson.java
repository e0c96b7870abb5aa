package dev.devq.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.Devq;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Entity;
import dev.devq.kb.Fact;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.Support;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.util.Map;

/** {@code devq info --format json}. */
final class InfoJson {
  private InfoJson() {}

  static JsonNode entity(Devq devq, Entity e) {
    ObjectNode o = JsonRender.MAPPER.createObjectNode();
    o.put("id", e.id());
    o.put("name", e.name());
    o.put("kind", e.kind());
    ArrayNode aliases = o.putArray("aliases");
    e.aliases().forEach(aliases::add);
    ArrayNode facts = o.putArray("fields");
    for (Fact f : e.facts()) {
      ObjectNode n = facts.addObject();
      n.put("path", f.path());
      n.put("value", f.text());
      n.put("confidence", f.provenance().confidence().label());
      n.put("source", f.provenance().source());
      if (!f.provenance().note().isEmpty()) {
        n.put("note", f.provenance().note());
      }
    }
    if (e instanceof ModelProfile m) {
      ModelJson.write(devq.engine().model(m, Map.of(), new SourceText("info", ""), Span.at(0)), o.putObject("model"));
    }
    if (e instanceof Op op) {
      ObjectNode support = o.putObject("support");
      for (ComputeUnit u : ComputeUnit.values()) {
        Support s = op.supportOn(u);
        ObjectNode n = support.putObject(u.key());
        n.put("status", s.status().key());
        n.put("since_soc", s.sinceSoc());
        n.put("since_os", s.sinceOs());
        n.put("limits", s.limits().describe());
        n.put("source", s.provenance().source());
        ArrayNode notes = n.putArray("notes");
        for (Support.Note note : s.notes()) {
          notes.addObject().put("text", note.text()).put("source", note.source());
        }
      }
    }
    return o;
  }
}
