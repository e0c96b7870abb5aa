package dev.devq.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.Devq;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.search.Hit;
import dev.devq.search.Resolution;
import dev.devq.search.SearchIndex;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq search QUERY...}: which units run an op, on which SoC generations, with limits and
 * notes. Ops by default; a query that names a device, SoC or model better than any op lists those
 * instead, and {@code kind:op}, {@code kind:device}, {@code kind:soc} or {@code kind:model}
 * chooses.
 */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = {
      "Keyword search of operator support, in any spelling: 'layer norm', torch.nn.LayerNorm, "
          + "LayerNormalization, sdpa, layrnorm.",
      "Field filters: category:normalization, kind:op|soc|device|model. A query naming a device, SoC or "
          + "model (\"iphone 15\", a17_pro) lists those; kind:op forces ops."
    })
final class SearchCommand implements Callable<Integer> {
  private static final Map<String, ComputeUnit> UNIT_WORDS =
      Map.of(
          "ane",
          ComputeUnit.ANE,
          "ne",
          ComputeUnit.ANE,
          "neural engine",
          ComputeUnit.ANE,
          "npu",
          ComputeUnit.ANE,
          "gpu",
          ComputeUnit.GPU,
          "cpu",
          ComputeUnit.CPU);
  private static final List<String> NOT_OPS = List.of("soc", "device", "model");

  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @Option(names = "--unit", description = "only this compute unit: ane, gpu or cpu")
  String unit;

  @Option(
      names = "--soc",
      description = "only this SoC's column, e.g. a14, \"A17 Pro\" (a device stands for its SoC)")
  String soc;

  @Option(names = "--os", description = "support as of this OS release, e.g. 'iOS 16', 'macOS 14'")
  String os;

  @Option(names = "--limit", defaultValue = "5", description = "how many results (default 5)")
  int limit;

  @Parameters(arity = "1..*", paramLabel = "QUERY")
  List<String> words;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (limit < 1) {
      return bad(err, "--limit must be 1 or more, found " + limit);
    }
    ComputeUnit onlyUnit =
        unit == null ? null : UNIT_WORDS.get(unit.strip().toLowerCase(Locale.ROOT));
    if (unit != null && onlyUnit == null) {
      return bad(err, "--unit must be ane, gpu or cpu, found '" + unit + "'");
    }
    OsVersion release = null;
    if (os != null) {
      try {
        release = OsVersion.parse(os);
      } catch (IllegalArgumentException e) {
        return bad(err, "--os " + e.getMessage());
      }
    }
    Devq devq = Loader.load(common, err);
    KnowledgeBase kb = devq.kb();
    Soc onlySoc = null;
    if (soc != null) {
      onlySoc = soc(devq, soc);
      if (onlySoc == null) {
        return bad(err, "--soc must name a SoC or device, found '" + soc + "'" + hint(devq, soc));
      }
    }
    String query = String.join(" ", words);
    List<Hit> hits =
        devq.engine().index().search(query, kinds(devq.engine().index(), query), limit);
    var grid = new SupportGrid(kb, onlyUnit, onlySoc, release);
    if (format == Format.json) {
      out.println(JsonRender.write(json(devq, hits, grid)));
    } else {
      out.print(
          SearchText.render(
              kb, query, hits, grid, devq.engine().index().suggest(query, List.of("op"), 1)));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * The kinds to search: what a {@code kind:} filter says, ops when a grid option is given, else
   * ops unless the best match of all is another entity ("iphone 15", a17_pro).
   */
  private List<String> kinds(SearchIndex index, String query) {
    for (String w : query.split("\\s+")) {
      if (w.toLowerCase(Locale.ROOT).startsWith("kind:")) {
        return List.of();
      }
    }
    if (unit != null || soc != null || os != null) {
      return List.of("op");
    }
    List<Hit> best = index.search(query, List.of(), 1);
    return best.isEmpty() || best.get(0).kind().equals("op") ? List.of("op") : NOT_OPS;
  }

  /** The SoC named by {@code --soc}: a SoC or a device (its SoC), by any of its names. */
  private static Soc soc(Devq devq, String name) {
    KnowledgeBase kb = devq.kb();
    Entity e = kb.lookup(name);
    if (e == null) {
      Resolution r = devq.engine().index().resolve(name, List.of("soc", "device"), true);
      e = r.resolved() ? kb.entity(r.id()) : null;
    }
    if (e instanceof Soc s) {
      return s;
    }
    return e instanceof dev.devq.kb.Device d ? kb.socs().get(d.soc()) : null;
  }

  private static String hint(Devq devq, String name) {
    String note = devq.engine().resolver().suggest(name, List.of("soc", "device"), List.of());
    return note.isEmpty() ? "" : "; " + note;
  }

  private static ArrayNode json(Devq devq, List<Hit> hits, SupportGrid grid) {
    ArrayNode array = JsonRender.MAPPER.createArrayNode();
    for (Hit h : hits) {
      Entity e = devq.kb().entity(h.id());
      ObjectNode o;
      if (e instanceof Op op) {
        o = array.addObject();
        o.put("id", op.id());
        o.put("kind", op.kind());
        o.put("name", op.name());
        o.put("category", op.category());
        o.put("score", Math.round(h.score() * 1000) / 1000.0);
        ArrayNode aliases = o.putArray("aliases");
        op.aliases().forEach(aliases::add);
        grid.json(op, o);
        ObjectNode sources = o.putObject("sources");
        grid.sources(op).forEach(id -> sources.put(id, SearchText.where(devq.kb(), id)));
      } else {
        o = (ObjectNode) InfoJson.entity(devq, e);
        o.put("score", Math.round(h.score() * 1000) / 1000.0);
        array.add(o);
      }
    }
    return array;
  }

  private static int bad(PrintWriter err, String message) {
    err.println("devq: " + message);
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
