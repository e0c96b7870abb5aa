package dev.devq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.Devq;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Entity;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.search.Hit;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devq search QUERY...}: which units run an op, on which SoC generations, with limits and notes. */
@Command(name = "search", mixinStandardHelpOptions = true,
    description = "Keyword search of operator support (any spelling: 'layer norm', torch.nn.LayerNorm, sdpa). "
        + "Field filters: category:normalization, kind:soc.")
final class SearchCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @Option(names = "--unit", description = "only this compute unit: ane, gpu or cpu")
  String unit;

  @Option(names = "--soc", description = "only this SoC's column, e.g. a14")
  String soc;

  @Option(names = "--os", description = "only support available by this OS, e.g. 'iOS 17'")
  String os;

  @Option(names = "--limit", defaultValue = "5", description = "how many results (default 5)")
  int limit;

  @Parameters(arity = "1..*", paramLabel = "QUERY")
  List<String> words;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    var kb = devq.kb();
    ComputeUnit onlyUnit = null;
    if (unit != null) {
      try {
        onlyUnit = ComputeUnit.valueOf(unit.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        err.println("devq: --unit must be ane, gpu or cpu, found '" + unit + "'");
        return ExitCodes.BAD_INPUT;
      }
    }
    Soc onlySoc = null;
    if (soc != null) {
      Entity e = kb.lookup(soc);
      if (!(e instanceof Soc s)) {
        err.println("devq: --soc must name a SoC, found '" + soc + "'"
            + dev.devq.lang.Suggestions.didYouMean(soc, kb.socs().keySet()).replace("did you mean", "; did you mean"));
        return ExitCodes.BAD_INPUT;
      }
      onlySoc = s;
    }
    String query = String.join(" ", words);
    List<Hit> hits = devq.engine().index().search(query, List.of("op"), Math.max(1, limit));
    var grid = new SupportGrid(kb, onlyUnit, onlySoc, os);
    if (format == Format.json) {
      ArrayNode array = JsonRender.MAPPER.createArrayNode();
      for (Hit h : hits) {
        ObjectNode o = (ObjectNode) InfoJson.entity(devq, kb.entity(h.id()));
        o.put("score", h.score());
        o.set("grid", grid.json((Op) kb.entity(h.id())));
        array.add(o);
      }
      out.println(JsonRender.write(array));
    } else if (hits.isEmpty()) {
      out.println("no op matches '" + query + "'");
    } else {
      for (Hit h : hits) {
        out.println(grid.text((Op) kb.entity(h.id())));
      }
    }
    out.flush();
    return ExitCodes.OK;
  }
}
