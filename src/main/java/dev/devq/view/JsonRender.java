package dev.devq.view;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.cost.Breakdown;
import dev.devq.cost.CannotRun;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.LeftOut;
import dev.devq.query.eval.Margin;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import java.math.BigDecimal;
import java.util.List;

/**
 * Values, outcomes and diagnostics as JSON for other tools. A quantity is {@code {value, unit,
 * text}}.
 */
public final class JsonRender {
  public static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          // plain decimals: 2000, not 2E+3
          .enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .setDefaultPrettyPrinter(
              new com.fasterxml.jackson.core.util.DefaultPrettyPrinter()
                  .withSeparators(
                      com.fasterxml.jackson.core.util.Separators.createDefaultInstance()
                          .withObjectFieldValueSpacing(
                              com.fasterxml.jackson.core.util.Separators.Spacing.AFTER)));
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private JsonRender() {}

  /**
   * The tree as text, every floating-point number first made a plain decimal ({@code 0.0000484},
   * never {@code 4.84E-5}; {@link #decimal}) and every non-finite one {@code null}, so no renderer
   * can leak Java's number format.
   */
  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(plain(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }

  private static JsonNode plain(JsonNode n) {
    if (n.isDouble() || n.isFloat()) {
      return Double.isFinite(n.doubleValue())
          ? F.numberNode(decimal(n.doubleValue()))
          : F.nullNode();
    }
    if (n instanceof ObjectNode o) {
      o.fields().forEachRemaining(e -> e.setValue(plain(e.getValue())));
    } else if (n instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        a.set(i, plain(a.get(i)));
      }
    }
    return n;
  }

  public static JsonNode quantity(Quantity q) {
    QuantityFormat.Scaled s = JsonUnits.of(q);
    ObjectNode o = F.objectNode();
    if (Double.isFinite(s.value())) {
      o.put("value", decimal(s.value()));
    } else {
      o.putNull("value");
    }
    o.put("unit", s.unit());
    o.put("text", QuantityFormat.format(q));
    return o;
  }

  public static JsonNode value(Value v) {
    if (v instanceof Value.QuantityV q) {
      JsonNode node = quantity(q.quantity());
      if (node instanceof ObjectNode o) {
        RangeJson.add(o, q);
        if (q.ranged()) {
          o.put("text", QuantityFormat.brief(q.quantity())); // as the text output writes it
        }
      }
      return node;
    }
    if (v instanceof Value.CannotRunV c) {
      return cannotRun(c.why());
    }
    if (v instanceof Value.BoolV b) {
      // unknown is null, as an unknown cell of a table is
      return b.known() ? F.booleanNode(b.isTrue()) : F.nullNode();
    }
    if (v instanceof Value.ListV l) {
      ArrayNode a = F.arrayNode();
      l.items().forEach(i -> a.add(value(i)));
      return a;
    }
    if (v instanceof Value.RecordV r) {
      ObjectNode o = F.objectNode();
      o.put("kind", r.kind());
      o.put("id", r.title());
      ObjectNode fields = o.putObject("fields");
      for (Value.Field f : r.fields()) {
        if (f.source().isEmpty()) {
          fields.set(f.name(), value(f.value()));
        } else {
          ObjectNode field = fields.putObject(f.name());
          field.set("value", value(f.value()));
          field.put("source", f.source());
        }
      }
      return o;
    }
    if (v instanceof Value.TableV t) {
      return new TableView(t).json();
    }
    if (v instanceof Value.ExplainV x) {
      return estimate(x.estimate());
    }
    return F.textNode(TextRender.value(v));
  }

  /**
   * "Cannot run", where a quantity would stand: {@code {"cannot_run": true, "model", "target", …,
   * "text"}} ({@code "op"} for the op {@code supported()} asked of, in place of {@code "model"}).
   * For memory, {@code needs} and {@code allows} are quantities in bytes and {@code limit} the
   * device field that allows ({@code app_memory_limit}, {@code app_memory_limit_entitled}, {@code
   * gpu_working_set}, or for a bare SoC's larger configuration a field of it, {@code ram_max},
   * {@code gpu_working_set_max}, {@code variant_ram_max}, … ({@link
   * dev.devq.cost.MemoryLimit#field})); for an OS release the target never runs, {@code release} is
   * the release asked for and {@code cause} the support rule's ({@code other_platform}, {@code
   * after_last_os} or {@code before_first_os}).
   */
  public static JsonNode cannotRun(CannotRun c) {
    ObjectNode o = F.objectNode();
    o.put("cannot_run", true);
    // What cannot run is a model, or for supported() an op: named under its own kind.
    o.put(c instanceof CannotRun.Release r ? r.kind() : "model", c.model());
    o.put("target", c.target());
    if (c instanceof CannotRun.Memory m) {
      o.set("needs", quantity(m.needsQuantity()));
      o.set("allows", quantity(m.allowsQuantity()));
      o.put("limit", m.limit().field());
    } else if (c instanceof CannotRun.Release r) {
      o.put("release", r.release().toString());
      o.put("cause", r.cause().name().toLowerCase(java.util.Locale.ROOT));
    }
    o.put("text", CannotRunText.value(c));
    return o;
  }

  /**
   * What a value, a binding, a check or a hole left out, when anything was: "cannot run" objects,
   * and for a table cell whose row failed {@code {"unknown": true, "row": {VAR: VALUE, …},
   * "column", "part", "code", "message", "notes", "text"}}, for an item left out unknown its row
   * with the filter or key and the reason, and for a hole's unknown target the target and reason.
   */
  private static void leftOut(ObjectNode n, List<LeftOut> leftOut) {
    if (leftOut.isEmpty()) {
      return;
    }
    ArrayNode a = n.putArray("left_out");
    LeftOut.Visitor<JsonNode> item =
        new LeftOut.Visitor<>() {
          @Override
          public JsonNode visitRefused(LeftOut.Refused r) {
            return cannotRun(r.why());
          }

          @Override
          public JsonNode visitFailedCell(LeftOut.FailedCell f) {
            ObjectNode o = unknownRow(f.row());
            o.put("column", f.column());
            o.put("part", f.part().name().toLowerCase(java.util.Locale.ROOT));
            o.put("code", f.error().code().label());
            o.put("message", f.error().message());
            ArrayNode notes = o.putArray("notes");
            f.error().notes().forEach(notes::add);
            o.put("text", LeftOutText.failed(f));
            return o;
          }

          @Override
          public JsonNode visitUnknownItem(LeftOut.UnknownItem u) {
            ObjectNode o = unknownRow(u.row());
            o.put(u.of() == LeftOut.Of.FILTER ? "filter" : "key", u.expr());
            o.put("reason", u.why());
            o.put("text", LeftOutText.unknownItems(List.of(u)));
            return o;
          }

          @Override
          public JsonNode visitUnknownTarget(LeftOut.UnknownTarget u) {
            ObjectNode o = F.objectNode();
            o.put("unknown", true);
            o.put("target", u.target().entity().id());
            o.put("reason", u.why());
            o.put("text", LeftOutText.unknownTargets(List.of(u)));
            return o;
          }
        };
    leftOut.forEach(l -> a.add(l.accept(item)));
  }

  /**
   * {@code {"unknown": true, "row": {"d": "iphone_17e"}}}: what left-out unknown items open with.
   */
  private static ObjectNode unknownRow(List<LeftOut.Binding> bindings) {
    ObjectNode o = F.objectNode();
    o.put("unknown", true);
    ObjectNode row = o.putObject("row");
    bindings.forEach(b -> row.set(b.name(), value(b.value())));
    return o;
  }

  public static JsonNode estimate(Breakdown est) {
    return ExplainJson.of(est);
  }

  /**
   * One statement's outcome; {@code source} is the statement's text, which a check reports beside
   * its label.
   */
  public static JsonNode outcome(Outcome o, String source) {
    ObjectNode n = F.objectNode();
    if (o instanceof Outcome.Let let) {
      n.put("kind", "let");
      n.put("let", let.name());
      n.set("value", value(let.value()));
      leftOut(n, let.leftOut());
    } else if (o instanceof Outcome.Shown s) {
      if (s.leftOut().isEmpty()) {
        return value(s.value());
      }
      // the value alone would lose what the text's line under it says: wrapped, it keeps it
      n.put("kind", "value");
      n.set("value", value(s.value()));
      leftOut(n, s.leftOut());
    } else if (o instanceof Outcome.Check c) {
      n.put("kind", "check");
      if (c.label().isEmpty()) {
        n.putNull("label");
      } else {
        n.put("label", c.label());
      }
      n.put("source", source);
      sides(n, c.pass(), c.operands(), c.ops(), c.margin());
      if (!c.dominated().isEmpty()) {
        n.put("dominated", c.dominated());
      }
      if (c.isUnknown()) {
        n.put("unknown", c.unknown());
      }
      if (c.cases().quantified()) {
        n.set("cases", cases(c.cases()));
      }
      leftOut(n, c.leftOut());
    } else if (o instanceof Outcome.HoleFill h) {
      n.put("kind", "targets");
      ArrayNode a = n.putArray("targets");
      for (int i = 0; i < h.targets().size(); i++) {
        Value v = h.values().get(i);
        if (h.isCheck()) {
          if (v instanceof Value.BoolV b && b.isTrue()) {
            a.add(h.targets().get(i).entity().id());
          }
        } else {
          ObjectNode t = a.addObject();
          t.put("id", h.targets().get(i).entity().id());
          t.set("value", value(v));
        }
      }
      leftOut(n, h.leftOut());
    }
    return n;
  }

  /**
   * A margin as numbers: the gap as a quantity (positive: to spare) and relative to the limit; and
   * {@code only_at_estimate}, why a comparison that holds at the estimate does not at the
   * pessimistic end of its 80% range, or null.
   */
  private static void margin(ObjectNode n, Margin m) {
    if (m.onlyAtEstimate()) {
      n.put("only_at_estimate", m.caveat());
    } else {
      n.putNull("only_at_estimate");
    }
    if (m.present()) {
      n.set("margin", quantity(m.gap()));
      if (Double.isNaN(m.fraction())) {
        n.putNull("margin_fraction"); // a limit of zero: the gap has no relative size
      } else {
        n.put("margin_fraction", decimal(m.fraction()));
      }
    } else {
      n.putNull("margin");
      n.putNull("margin_fraction");
    }
  }

  /** Every counterexample of a failing {@code all}, or the witness of a passing {@code any}. */
  private static JsonNode cases(Outcome.Cases cases) {
    ObjectNode o = F.objectNode();
    o.put("quantifier", cases.kind().name().toLowerCase(java.util.Locale.ROOT));
    o.put("tested", cases.tested());
    boolean any = cases.kind() == dev.devq.lang.Expr.QuantifierKind.ANY;
    if (!any) {
      o.put("failed", cases.decisive().size());
    }
    if (!cases.outOfScope().isEmpty()) {
      // a passing check names no item, yet rests on estimates without a range
      o.set("no_range_80", RangeJson.outOfScope(cases.outOfScope()));
    }
    ArrayNode a = o.putArray(any ? "witness" : "counterexamples");
    for (Outcome.Case c : cases.decisive()) {
      ObjectNode item = a.addObject();
      item.set("item", caseItem(c));
      sides(item, c.pass(), c.operands(), c.ops(), c.margin());
    }
    if (!any) {
      // the items that hold only at the estimate: a passing all is as sure as its weakest item
      ArrayNode near = o.putArray("only_at_estimate");
      for (Outcome.Case c : cases.onlyAtEstimate()) {
        ObjectNode item = near.addObject();
        item.set("item", caseItem(c));
        sides(item, c.pass(), c.operands(), c.ops(), c.margin());
      }
    }
    if (!cases.unknown().isEmpty()) {
      ArrayNode unknown = o.putArray("unknown");
      for (Outcome.Case c : cases.unknown()) {
        ObjectNode item = unknown.addObject();
        item.set("item", caseItem(c));
        item.put("reason", c.unknown());
      }
    }
    return o;
  }

  /** A case's item: an entity by its id, anything else as its value. */
  private static JsonNode caseItem(Outcome.Case c) {
    return c.item() instanceof Value.EntityV e ? F.textNode(e.entity().id()) : value(c.item());
  }

  /** The verdict, both sides with their operators, and the margin of a check or of one case. */
  private static void sides(
      ObjectNode n,
      boolean pass,
      List<Value> operands,
      List<dev.devq.lang.Expr.CompareOp> ops,
      Margin margin) {
    n.put("pass", pass);
    ArrayNode values = n.putArray("operands");
    operands.forEach(v -> values.add(value(v)));
    ArrayNode symbols = n.putArray("ops");
    ops.forEach(op -> symbols.add(op.symbol));
    margin(n, margin);
  }

  /**
   * The number as a plain decimal, the one the text's three digits round ({@link
   * QuantityFormat#decimal}: a whole number in full, a fraction to 12 significant digits), so a
   * tool reads the figure the text was rounded from.
   */
  public static BigDecimal decimal(double x) {
    return QuantityFormat.decimal(x).stripTrailingZeros();
  }

  public static JsonNode diagnostics(List<Diagnostic> ds) {
    ArrayNode a = F.arrayNode();
    for (Diagnostic d : ds) {
      ObjectNode o = a.addObject();
      o.put("severity", d.severity().label());
      o.put("code", d.code().label());
      o.put("message", d.message());
      o.put("file", d.source().name());
      o.put("line", d.source().line(d.span().start()));
      o.put("column", d.source().column(d.span().start()));
      ArrayNode notes = o.putArray("notes");
      d.notes().forEach(notes::add);
    }
    ObjectNode wrap = F.objectNode();
    wrap.put("kind", "errors");
    wrap.set("errors", a);
    return wrap;
  }
}
