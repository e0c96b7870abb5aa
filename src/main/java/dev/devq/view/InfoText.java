package dev.devq.view;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.kb.Fact;
import dev.devq.kb.FormFactor;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.Provenance;
import dev.devq.kb.Soc;
import dev.devq.kb.SocParameter;
import dev.devq.kb.Sourced;
import dev.devq.kb.Support;
import dev.devq.kb.ThermalModel;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import dev.devq.query.eval.Engine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code devq info} as text: every field with its value, confidence and source. */
public final class InfoText {
  private InfoText() {}

  public static String entity(Engine engine, Entity e) {
    var out = new StringBuilder();
    out.append(e.label())
        .append(" — ")
        .append(e.name())
        .append(" (")
        .append(e.kind())
        .append(")\n");
    if (!e.aliases().isEmpty() && !(e instanceof Op)) {
      out.append("aliases: ").append(String.join(", ", e.aliases())).append('\n');
    }
    if (e instanceof Op op) {
      op(op, out);
    } else if (e instanceof Soc soc) {
      variants(engine.kb().variants(soc.id()), soc, out);
      thermal(soc, out);
    } else if (e instanceof ModelProfile m) {
      model(engine.model(m, Map.of(), new SourceText("info", ""), Span.at(0)), out);
    }
    facts(e.facts(), out);
    if (e instanceof Device d) {
      entitledUnknown(d, out);
    }
    out.append("\n(").append(e.origin().position()).append(")\n");
    return out.toString();
  }

  /**
   * The limits with the increased-memory-limit entitlement no source gives, of the base
   * configuration and of the largest one: said rather than left out, so a reader does not assume
   * the default limit (or the largest configuration's {@code app_memory_limit_max}) also applies
   * with the entitlement.
   */
  private static void entitledUnknown(Device d, StringBuilder out) {
    if (d.entitledLimitUnknown()) {
      out.append("app_memory_limit_entitled: unknown (no source gives it for this device)\n");
    }
    double largest = d.ramMax().value().value();
    if (largest > d.ram().value().value() && d.entitledLimitUnknown(largest)) {
      out.append("app_memory_limit_entitled_max: unknown (no source gives it for the ")
          .append(QuantityFormat.format(d.ramMax().value()))
          .append(" configuration)\n");
    }
  }

  private static void facts(List<Fact> facts, StringBuilder out) {
    if (facts.isEmpty()) {
      return;
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"field", "value", "unit", "confidence", "source"});
    // One number per distinct note: a note set on a mapping explains every value inside it.
    Map<String, Integer> notes = new LinkedHashMap<>();
    for (Fact f : facts) {
      String source = f.provenance().source();
      String note = f.provenance().note().strip();
      if (!note.isEmpty()) {
        source += " [" + notes.computeIfAbsent(note, n -> notes.size() + 1) + "]";
      }
      rows.add(
          new String[] {
            f.path(), f.value(), f.unit(), f.provenance().confidence().label(), source
          });
    }
    out.append('\n').append(ExplainTable.table(rows)).append('\n');
    notes.forEach((note, n) -> out.append("  [").append(n).append("] ").append(note).append('\n'));
  }

  /**
   * The full part and each binned part with what sets them apart, one line each; the part shown
   * ({@code devq info 'm3_max(gpu_cores = 30)'}) is marked.
   */
  private static void variants(List<Soc> parts, Soc soc, StringBuilder out) {
    if (parts.size() < 2) {
      return;
    }
    out.append("\nvariants (GPU peak scales with the GPU cores)\n");
    List<String[]> rows = new ArrayList<>();
    rows.add(
        new String[] {"part", "gpu cores", "cpu cores", "p-core clock", "gpu fp16", "bandwidth"});
    for (Soc part : parts) {
      rows.add(
          new String[] {
            part.label()
                + (part.variant().isEmpty() ? " (full)" : "")
                + (part.equals(soc) && !soc.variant().isEmpty() ? " (this part)" : ""),
            Integer.toString(part.gpu().cores().value()),
            Integer.toString(part.cpu().cores().value()),
            SocParameter.P_CORE_CLOCK.format(part.cpu().clock().value()),
            // FLOP/s would format as TOPS; a GPU's fp16 peak is quoted in TFLOPS.
            QuantityFormat.number(part.gpu().peakFp16().value().value() / 1e12) + " TFLOPS",
            QuantityFormat.format(part.bandwidth().value())
          });
    }
    out.append(ExplainTable.table(rows)).append('\n');
  }

  /** The thermal model per form factor on one line each, before the field-by-field table. */
  private static void thermal(Soc soc, StringBuilder out) {
    if (soc.thermal().isEmpty()) {
      return;
    }
    out.append("\nthermal (fraction of peak after continuous load; last point = sustained)\n");
    for (FormFactor ff : FormFactor.values()) {
      ThermalModel t = soc.thermal().get(ff);
      if (t == null) {
        continue;
      }
      List<String> points = new ArrayList<>();
      for (ThermalModel.Point p : t.curve()) {
        points.add(
            QuantityFormat.number(p.at().value() / 60)
                + " min "
                + QuantityFormat.percent(p.fraction()));
      }
      out.append("  ")
          .append(TextRender.pad(ff.key(), 15))
          .append(String.join(", ", points))
          .append("; fair ")
          .append(QuantityFormat.percent(t.fair()))
          .append(", serious ")
          .append(QuantityFormat.percent(t.serious()))
          .append(", critical ")
          .append(QuantityFormat.percent(t.critical()))
          .append("   (")
          .append(t.provenance().confidence().label())
          .append(", ")
          .append(t.provenance().source())
          .append(")\n");
    }
  }

  private static void op(Op op, StringBuilder out) {
    out.append("category: ")
        .append(op.category())
        .append("   cost class: ")
        .append(op.opClass())
        .append('\n');
    if (!op.description().isEmpty()) {
      out.append(op.description().strip()).append('\n');
    }
    out.append("\naliases\n");
    for (String eco : Op.ECOSYSTEMS) {
      List<String> names = op.aliasesByEcosystem().getOrDefault(eco, List.of());
      if (!names.isEmpty()) {
        out.append("  ")
            .append(TextRender.pad(eco, 8))
            .append(String.join(", ", names))
            .append('\n');
      }
    }
    out.append("\nsupport\n");
    int note = 0;
    for (ComputeUnit u : ComputeUnit.values()) {
      Support s = op.supportOn(u);
      out.append("  ").append(TextRender.pad(u.title(), 14)).append(s.status().key());
      if (!s.since().isEmpty()) {
        out.append(", ").append(s.since());
      }
      if (!s.limits().isNone()) {
        out.append("; ").append(s.limits().describe());
      }
      out.append("   (").append(provenance(s.provenance())).append(")\n");
      for (Support.Note n : s.notes()) {
        out.append("      ")
            .append(++note)
            .append(". ")
            .append(n.text().strip())
            .append("  [")
            .append(n.source())
            .append("]\n");
      }
    }
  }

  /** Width of the op list before it wraps. */
  private static final int OPS_WIDTH = 96;

  private static void model(Model m, StringBuilder out) {
    out.append("parameters   ").append(count(m.params())).append('\n');
    out.append("MACs         ")
        .append(count(m.macs()))
        .append(" per call (")
        .append(QuantityFormat.format(Quantity.number(m.flops())))
        .append(" FLOPs)\n");
    out.append("weights      ")
        .append(ExplainTable.bytes(m.weightBytes()))
        .append(" at ")
        .append(m.format().label())
        .append('\n');
    out.append("activations  ")
        .append(ExplainTable.bytes(m.peakActivationBytes()))
        .append(" peak\n");
    if (m.stateBytes() > 0) {
      out.append("KV cache     ").append(ExplainTable.bytes(m.stateBytes())).append('\n');
    }
    out.append("layers       ").append(m.layers().size()).append('\n');
    out.append("input        ").append(m.input()).append('\n');
    if (!m.parameters().isEmpty()) {
      List<String> settings = new ArrayList<>();
      m.parameters()
          .forEach(
              (k, v) ->
                  settings.add(k + " = " + (v instanceof Double d ? QuantityFormat.exact(d) : v)));
      out.append("settings     ").append(String.join(", ", settings)).append('\n');
    }
    m.reference()
        .largest()
        .forEach(
            (k, v) ->
                out.append("largest      ")
                    .append(k)
                    .append(" = ")
                    .append(QuantityFormat.exact(v.value().value()))
                    .append("   (")
                    .append(provenance(v.provenance()))
                    .append(")\n"));
    out.append("ops          ").append(histogram(m)).append('\n');
    out.append("\nreference\n");
    reference(out, "params", m.reference().params(), m.params());
    reference(out, "MACs", m.reference().macs(), m.macs());
    if (m.reference().top1().present()) {
      out.append("  top-1    ")
          .append(QuantityFormat.format(m.reference().top1().value().withDisplayUnit("%")))
          .append("   (")
          .append(provenance(m.reference().top1().provenance()))
          .append(")\n");
    }
    if (!m.reference().note().isEmpty()) {
      out.append("  note     ").append(m.reference().note().strip()).append('\n');
    }
  }

  /**
   * {@code 8.03G (8.03 billion)}: the query language's count, and in words for readers who say B.
   */
  private static String count(long n) {
    String q = QuantityFormat.format(Quantity.number(n));
    if (n >= 1e9) {
      return q + " (" + QuantityFormat.number(n / 1e9) + " billion)";
    }
    return n >= 1e6 ? q + " (" + QuantityFormat.number(n / 1e6) + " million)" : q;
  }

  /** Ops by how many layers run them, most first, wrapped under the label. */
  private static String histogram(Model m) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Layer l : m.layers()) {
      counts.merge(l.op(), 1, Integer::sum);
    }
    List<Map.Entry<String, Integer>> byCount = new ArrayList<>(counts.entrySet());
    byCount.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    var text = new StringBuilder();
    int lineStart = 0;
    for (Map.Entry<String, Integer> e : byCount) {
      String item = e.getKey() + " ×" + e.getValue();
      if (text.length() > lineStart && text.length() - lineStart + item.length() > OPS_WIDTH) {
        text.append(",\n             ");
        lineStart = text.length();
      } else if (text.length() > lineStart) {
        text.append(", ");
      }
      text.append(item);
    }
    return text.toString();
  }

  private static void reference(
      StringBuilder out, String what, Sourced<Quantity> ref, long computed) {
    if (!ref.present()) {
      return;
    }
    double published = ref.value().value();
    double diff = (computed - published) / published * 100;
    out.append("  ")
        .append(TextRender.pad(what, 8))
        .append(' ')
        .append(QuantityFormat.format(ref.value()))
        .append(" published, ")
        .append(QuantityFormat.format(Quantity.number(computed)))
        .append(" computed (")
        .append(diff >= 0 ? "+" : "")
        .append(QuantityFormat.number(diff))
        .append("%)   (")
        .append(provenance(ref.provenance()))
        .append(")\n");
  }

  public static String provenance(Provenance p) {
    return p.confidence().label()
        + ", "
        + p.source()
        + (p.note().isEmpty() ? "" : "; " + p.note().strip());
  }
}
