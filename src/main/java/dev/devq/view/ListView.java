package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.NamedQuantity;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.Source;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code devq list socs|devices|models|ops|budgets|sources}: a table, or an array of objects with
 * {@code id} first. Budgets are the named rules of thumb {@code budget(name)} reads (their value,
 * source and description); sources are what every number of the profiles cites (their evidence, the
 * date read, the title). Cells are typed so JSON gets numbers and quantities ({@code value}, {@code
 * unit}, {@code text}) where the table shows text.
 */
public final class ListView {
  /** The kinds there are lists of. */
  public static final List<String> KINDS =
      List.of("socs", "devices", "models", "ops", "budgets", "sources");

  private final String kind;
  private final List<Object[]> rows;

  public ListView(KnowledgeBase kb, String kind) {
    this.kind = kind;
    this.rows = rows(kb, kind);
  }

  /** The table, a blank line and the count. */
  public String text() {
    List<String[]> text = new ArrayList<>();
    for (Object[] r : rows) {
      String[] cells = new String[r.length];
      for (int i = 0; i < r.length; i++) {
        cells[i] =
            r[i] instanceof Quantity q ? QuantityFormat.format(q) : cut(String.valueOf(r[i]));
      }
      text.add(cells);
    }
    return ExplainTable.table(text) + "\n\n" + (rows.size() - 1) + " " + kind + "\n";
  }

  /** The longest cell a text table shows whole: a source's title runs to hundreds of characters. */
  private static final int TEXT_CELL = 100;

  /** {@code text} whole, or its first characters and {@code …}; JSON keeps every character. */
  private static String cut(String text) {
    int n = text.codePointCount(0, text.length());
    return n <= TEXT_CELL
        ? text
        : text.substring(0, text.offsetByCodePoints(0, TEXT_CELL - 1)) + "…";
  }

  public ArrayNode json() {
    ArrayNode array = JsonRender.MAPPER.createArrayNode();
    Object[] header = rows.get(0);
    for (Object[] r : rows.subList(1, rows.size())) {
      ObjectNode o = array.addObject();
      for (int i = 0; i < r.length; i++) {
        String key = (String) header[i];
        if (r[i] instanceof Quantity q) {
          // the value in JSON's one unit per dimension (FLOP/s), the text as marketed (TOPS)
          ObjectNode n = (ObjectNode) JsonRender.quantity(q.withDisplayUnit(""));
          o.set(key, n.put("text", QuantityFormat.format(q)));
        } else if (r[i] instanceof Integer n) {
          o.put(key, n);
        } else {
          o.put(key, String.valueOf(r[i]));
        }
      }
    }
    return array;
  }

  private static List<Object[]> rows(KnowledgeBase kb, String kind) {
    List<Object[]> rows = new ArrayList<>();
    switch (kind) {
      case "socs" -> {
        rows.add(new Object[] {"id", "name", "year", "ane_fp16", "ane_int8", "bandwidth", "slc"});
        for (Soc s : kb.socs().values()) {
          // Neural Engine figures are marketed in TOPS; keep that unit rather than the nearest
          // prefix.
          rows.add(
              new Object[] {
                s.id(),
                s.name(),
                s.year().value(),
                s.ane().peakFp16().value().withDisplayUnit("TOPS"),
                s.ane().peakInt8().value().withDisplayUnit("TOPS"),
                s.bandwidth().value(),
                s.slc().value()
              });
        }
      }
      case "devices" -> {
        rows.add(
            new Object[] {"id", "name", "soc", "year", "form_factor", "ram", "app_memory_limit"});
        for (Device d : kb.devices().values()) {
          rows.add(
              new Object[] {
                d.id(),
                d.name(),
                d.soc(),
                d.year().value(),
                d.formFactor().key(),
                d.ram().value(),
                d.appMemoryLimit().value()
              });
        }
      }
      case "models" -> {
        rows.add(new Object[] {"id", "name", "task"});
        for (ModelProfile m : kb.models().values()) {
          rows.add(new Object[] {m.id(), m.name(), m.task()});
        }
      }
      case "ops" -> {
        rows.add(new Object[] {"id", "name", "category", "ane", "gpu", "cpu"});
        for (Op o : kb.ops().values()) {
          rows.add(
              new Object[] {
                o.id(),
                o.name(),
                o.category(),
                o.supportOn(ComputeUnit.ANE).status().key(),
                o.supportOn(ComputeUnit.GPU).status().key(),
                o.supportOn(ComputeUnit.CPU).status().key()
              });
        }
      }
      case "budgets" -> {
        rows.add(new Object[] {"id", "value", "source", "description"});
        for (NamedQuantity b : kb.budgets().values()) {
          rows.add(
              new Object[] {
                b.id(), b.value().value(), b.value().provenance().source(), b.description()
              });
        }
      }
      case "sources" -> {
        rows.add(new Object[] {"id", "evidence", "read", "title"});
        for (Source src : kb.sources().values()) {
          rows.add(new Object[] {src.id(), src.evidence().label(), src.read(), src.title()});
        }
      }
      default -> throw new IllegalArgumentException("no list of " + kind);
    }
    return rows;
  }
}
