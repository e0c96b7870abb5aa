package dev.devq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.Devq;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
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

/** {@code devq list socs|devices|models|ops}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the SoCs, devices, models or ops.")
final class ListCommand implements Callable<Integer> {
  enum Kind { socs, devices, models, ops }

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
    List<String[]> rows = rows(devq.kb());
    if (format == Format.json) {
      ArrayNode array = JsonRender.MAPPER.createArrayNode();
      for (String[] r : rows.subList(1, rows.size())) {
        ObjectNode o = array.addObject();
        for (int i = 0; i < r.length; i++) {
          o.put(rows.get(0)[i], r[i]);
        }
      }
      out.println(JsonRender.write(array));
    } else {
      out.println(ExplainTable.table(rows));
      out.println();
      out.println((rows.size() - 1) + " " + kind);
    }
    out.flush();
    return ExitCodes.OK;
  }

  private List<String[]> rows(KnowledgeBase kb) {
    List<String[]> rows = new ArrayList<>();
    switch (kind) {
      case socs -> {
        rows.add(new String[] {"id", "name", "year", "ane_fp16", "ane_int8", "bandwidth", "slc"});
        for (Soc s : kb.socs().values()) {
          rows.add(new String[] {s.id(), s.name(), Integer.toString(s.year().value()),
              QuantityFormat.format(s.ane().peakFp16().value()), QuantityFormat.format(s.ane().peakInt8().value()),
              QuantityFormat.format(s.bandwidth().value()), QuantityFormat.format(s.slc().value())});
        }
      }
      case devices -> {
        rows.add(new String[] {"id", "name", "soc", "year", "form_factor", "ram", "app_memory_limit"});
        for (Device d : kb.devices().values()) {
          rows.add(new String[] {d.id(), d.name(), d.soc(), Integer.toString(d.year().value()), d.formFactor().key(),
              QuantityFormat.format(d.ram().value()), QuantityFormat.format(d.appMemoryLimit().value())});
        }
      }
      case models -> {
        rows.add(new String[] {"id", "name", "task"});
        for (ModelProfile m : kb.models().values()) {
          rows.add(new String[] {m.id(), m.name(), m.task()});
        }
      }
      case ops -> {
        rows.add(new String[] {"id", "name", "category", "ane", "gpu", "cpu"});
        for (Op o : kb.ops().values()) {
          rows.add(new String[] {o.id(), o.name(), o.category(), o.supportOn(dev.devq.kb.ComputeUnit.ANE).status().key(),
              o.supportOn(dev.devq.kb.ComputeUnit.GPU).status().key(), o.supportOn(dev.devq.kb.ComputeUnit.CPU).status().key()});
        }
      }
    }
    return rows;
  }
}
