package dev.devq.view;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.kb.Sourced;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import java.util.Map;
import java.util.TreeMap;

/** The computed figures of {@code devq info MODEL --format json}, the same as the text shows. */
public final class ModelJson {
  private ModelJson() {}

  public static void write(Model m, ObjectNode o) {
    o.set("params", JsonRender.quantity(Quantity.number(m.params())));
    o.set("macs", JsonRender.quantity(Quantity.number(m.macs())));
    o.set("flops", JsonRender.quantity(Quantity.number(m.flops())));
    o.set("weights", JsonRender.quantity(Quantity.of(m.weightBytes(), Dimensions.BYTES)));
    o.put("precision", m.format().label());
    o.set(
        "peak_activations",
        JsonRender.quantity(Quantity.of(m.peakActivationBytes(), Dimensions.BYTES)));
    o.set("kv_cache", JsonRender.quantity(Quantity.of(m.stateBytes(), Dimensions.BYTES)));
    o.put("layers", m.layers().size());
    var input = o.putArray("input");
    m.input().dims().forEach(input::add);
    ObjectNode settings = o.putObject("settings");
    m.parameters()
        .forEach(
            (k, v) -> {
              if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
                settings.put(k, d.longValue());
              } else if (v instanceof Double d) {
                settings.put(k, d);
              } else {
                settings.put(k, String.valueOf(v));
              }
            });
    Map<String, Integer> counts = new TreeMap<>();
    for (Layer l : m.layers()) {
      counts.merge(l.op(), 1, Integer::sum);
    }
    ObjectNode ops = o.putObject("ops");
    counts.forEach(ops::put);
    ObjectNode ref = o.putObject("reference");
    figure(ref, "params", m.reference().params());
    figure(ref, "macs", m.reference().macs());
    figure(ref, "top1", m.reference().top1());
    if (!m.reference().largest().isEmpty()) {
      ObjectNode largest = ref.putObject("largest");
      m.reference().largest().forEach((k, v) -> figure(largest, k, v));
    }
    if (!m.reference().note().isEmpty()) {
      ref.put("note", m.reference().note().strip());
    }
  }

  private static void figure(ObjectNode ref, String key, Sourced<Quantity> figure) {
    if (!figure.present()) {
      return;
    }
    ObjectNode n = ref.putObject(key);
    n.set("published", JsonRender.quantity(figure.value()));
    n.put("confidence", figure.provenance().confidence().label());
    n.put("source", figure.provenance().source());
    if (!figure.provenance().note().isEmpty()) {
      n.put("note", figure.provenance().note().strip());
    }
  }
}
