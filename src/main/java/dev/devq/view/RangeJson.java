package dev.devq.view;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.OutOfScope;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.eval.Caveat;
import dev.devq.query.eval.Value;
import java.util.List;

/**
 * What a quantity's JSON says of its 80% range: {@code range_80} ({@code low}, {@code high}, and
 * {@code allows_for} where its top allows for an older release), or {@code no_range_80} where an
 * estimate has none because its runtime's measurements never covered a model of its kind; and
 * {@code caveats}, what the figure rests on that it does not show ({@link Caveat}). Each holds
 * {@code text}, the line the text prints under the value ({@link RangeNote}).
 */
final class RangeJson {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private RangeJson() {}

  /** Adds to {@code o}, the quantity {@code q} as JSON, what {@code q} says of its range. */
  static void add(ObjectNode o, Value.QuantityV q) {
    if (q.ranged()) {
      // the same field name as explain's summary gives its total's range
      ObjectNode range = o.putObject("range_80");
      range.set("low", JsonRender.quantity(q.low()));
      range.set("high", JsonRender.quantity(q.high()));
      if (q.allowsFor() != null) {
        ObjectNode allows = range.putObject("allows_for");
        allows.put("release", q.allowsFor().toString());
        allows.put("text", RangeNote.line(q.allowsFor()));
      }
    }
    if (q.outOfScope() != null) {
      o.set("no_range_80", outOfScope(q.outOfScope()));
    }
    if (!q.caveats().isEmpty()) {
      ArrayNode caveats = o.putArray("caveats");
      q.caveats().forEach(c -> caveats.add(caveat(c)));
    }
  }

  /**
   * One caveat ({@link Caveat}): {@code kind} ({@code entitlement}: the model fits only with the
   * increased-memory-limit entitlement, with its key and the memory against both limits; {@code
   * assumed}: an argument the function filled in), and {@code text}, the line text prints.
   */
  static ObjectNode caveat(Caveat c) {
    ObjectNode n = F.objectNode();
    if (c instanceof Caveat.Entitled e) {
      n.put("kind", "entitlement");
      n.put("entitlement", MemoryLimit.Entitlement.KEY);
      n.set("needs", bytes(e.need().needs()));
      n.set("default_limit", bytes(e.need().defaultBytes()));
      n.set("entitled_limit", bytes(e.need().entitledBytes()));
    } else if (c instanceof Caveat.Assumed a) {
      n.put("kind", "assumed");
      n.put("function", a.function());
      n.put("parameter", a.parameter());
      n.put("value", a.value());
    }
    n.put("text", c.text());
    return n;
  }

  private static JsonNode bytes(double b) {
    return JsonRender.quantity(Quantity.of(b, Dimensions.BYTES));
  }

  /**
   * Why an estimate has no range: the runtime and unit setting, the model and its kind, the kinds
   * the runtime's measurements are of with their models, and the line text prints.
   */
  static JsonNode outOfScope(OutOfScope why) {
    ObjectNode n = F.objectNode();
    n.put("runtime", why.runtime().key());
    n.put("units", why.units());
    n.put("model", why.model());
    n.put("kind", why.kind().key());
    ObjectNode measured = n.putObject("measured");
    why.measured()
        .forEach(
            (kind, models) -> {
              ArrayNode a = measured.putArray(kind.key());
              models.forEach(a::add);
            });
    n.put("text", RangeNote.line(why));
    return n;
  }

  /** {@link #outOfScope} of each, for a quantified check's items. */
  static ArrayNode outOfScope(List<OutOfScope> all) {
    ArrayNode a = F.arrayNode();
    all.forEach(why -> a.add(outOfScope(why)));
    return a;
  }
}
