package dev.devq.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Entity;
import dev.devq.kb.Fact;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.Support;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.Unit;
import dev.devq.lang.unit.UnitRegistry;
import dev.devq.query.eval.Engine;
import java.util.Map;

/** {@code devq info --format json}. */
public final class InfoJson {
  private InfoJson() {}

  public static JsonNode entity(Engine engine, Entity e) {
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
      value(n, f);
      n.put("confidence", f.provenance().confidence().label());
      n.put("source", f.provenance().source());
      if (!f.provenance().note().isEmpty()) {
        n.put("note", f.provenance().note());
      }
    }
    if (e instanceof ModelProfile m) {
      ModelJson.write(
          engine.model(m, Map.of(), new SourceText("info", ""), Span.at(0)), o.putObject("model"));
    }
    if (e instanceof Op op) {
      o.put("category", op.category());
      o.put("op_class", op.opClass());
      ObjectNode ecosystems = o.putObject("aliases_by_ecosystem");
      for (String eco : Op.ECOSYSTEMS) {
        ArrayNode names = ecosystems.putArray(eco);
        op.aliasesByEcosystem().getOrDefault(eco, java.util.List.of()).forEach(names::add);
      }
      ObjectNode support = o.putObject("support");
      for (ComputeUnit u : ComputeUnit.values()) {
        Support s = op.supportOn(u);
        ObjectNode n = support.putObject(u.key());
        n.put("status", s.status().key());
        n.put("since_soc", s.sinceSoc());
        n.put("since_os", s.sinceOs());
        n.put("limits", s.limits().describe());
        n.put("source", s.provenance().source());
        n.put("confidence", s.provenance().confidence().label());
        ArrayNode notes = n.putArray("notes");
        for (Support.Note note : s.notes()) {
          notes.addObject().put("text", note.text()).put("source", note.source());
        }
      }
    }
    return o;
  }

  /**
   * Numbers as JSON numbers with their unit and text, as quantities are everywhere else; words as
   * text.
   */
  private static void value(ObjectNode n, Fact f) {
    try {
      double v = Double.parseDouble(f.value().replace("_", ""));
      Unit unit = f.unit().isEmpty() ? null : UnitRegistry.standard().find(f.unit());
      if (unit == null && !f.unit().isEmpty()) {
        // a unit the registry does not know stays as the profile wrote it
        n.put("value", v);
        n.put("unit", f.unit());
        n.put("text", f.text());
        return;
      }
      // the profile's unit (TOPS, GB/s, min) becomes JSON's one unit for the dimension; a
      // percentage stays one, as a percentage written in a query does (JsonUnits)
      JsonNode q =
          JsonRender.quantity(
              unit == null
                  ? Quantity.number(v)
                  : new Quantity(
                      v * unit.factor(),
                      unit.dimension(),
                      Quantity.literalDisplay(f.unit(), unit)));
      n.setAll((ObjectNode) q);
      n.put("text", f.text());
    } catch (NumberFormatException e) {
      n.put("value", f.text());
    }
  }
}
