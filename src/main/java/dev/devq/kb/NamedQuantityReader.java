package dev.devq.kb;

import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code budgets.yaml} and {@code constants.yaml}: named quantities, each with a source. */
final class NamedQuantityReader {
  private NamedQuantityReader() {}

  static List<NamedQuantity> read(Fields f, String listKey) {
    List<NamedQuantity> out = new ArrayList<>();
    for (Fields b : f.objects(listKey, true)) {
      String id = b.id("id");
      String description = b.id("description");
      Sourced<Quantity> value = b.quantity("value", anyDimension(b), true);
      b.finish();
      out.add(new NamedQuantity(id, description, value));
    }
    f.finish();
    return out;
  }

  /** Budgets are of any dimension: take the one the value is written in. */
  private static Dimension anyDimension(Fields b) {
    YamlNode raw = b.raw("value");
    YamlNode scalar =
        raw instanceof YamlNode.Mapping m && m.entries().containsKey("value")
            ? m.entries().get("value").value()
            : raw;
    if (scalar instanceof YamlNode.Scalar s) {
      var parsed =
          dev.devq.lang.unit.QuantityParser.parse(new dev.devq.lang.SourceText("", s.text()));
      if (parsed.ok()) {
        return parsed.value().dimension();
      }
    }
    return Dimension.NONE;
  }
}
