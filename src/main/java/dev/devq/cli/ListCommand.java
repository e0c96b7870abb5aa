package dev.devq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.Devq;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq list socs|devices|models|ops}: a table, or with {@code --format json} an array of
 * objects with {@code id} first. Cells are typed so JSON gets numbers and quantities ({@code
 * value}, {@code unit}, {@code text}) where the table shows text.
 */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List the SoCs, devices, models or ops.")
final class ListCommand implements Callable<Integer> {
  enum Kind {
    socs,
    devices,
    models,
    ops
  }

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @Parameters(paramLabel = "KIND", description = "socs, devices, models or ops")
  Kind kind;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    Devq devq = Loader.load(common, spec.commandLine().getErr());
    List<Object[]> rows = rows(devq.kb());
    if (format == Format.json) {
      out.println(JsonRender.write(json(rows)));
    } else {
      List<String[]> text = new ArrayList<>();
      for (Object[] r : rows) {
        String[] cells = new String[r.length];
        for (int i = 0; i < r.length; i++) {
          cells[i] = r[i] instanceof Quantity q ? QuantityFormat.format(q) : String.valueOf(r[i]);
        }
        text.add(cells);
      }
      out.println(ExplainTable.table(text));
      out.println();
      out.println((rows.size() - 1) + " " + kind);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static ArrayNode json(List<Object[]> rows) {
    ArrayNode array = JsonRender.MAPPER.createArrayNode();
    Object[] header = rows.get(0);
    for (Object[] r : rows.subList(1, rows.size())) {
      ObjectNode o = array.addObject();
      for (int i = 0; i < r.length; i++) {
        String key = (String) header[i];
        if (r[i] instanceof Quantity q) {
          o.set(key, JsonRender.quantity(q));
        } else if (r[i] instanceof Integer n) {
          o.put(key, n);
        } else {
          o.put(key, String.valueOf(r[i]));
        }
      }
    }
    return array;
  }

  private List<Object[]> rows(KnowledgeBase kb) {
    List<Object[]> rows = new ArrayList<>();
    switch (kind) {
      case socs -> {
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
      case devices -> {
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
      case models -> {
        rows.add(new Object[] {"id", "name", "task"});
        for (ModelProfile m : kb.models().values()) {
          rows.add(new Object[] {m.id(), m.name(), m.task()});
        }
      }
      case ops -> {
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
    }
    return rows;
  }
}
