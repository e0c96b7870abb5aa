package dev.devq.cli;

import dev.devq.SearchOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
          + "model (\"iphone 15\", a17_pro) lists those; kind:op forces ops. Two values of one"
          + " field are either (kind:soc kind:device); different fields must all hold."
    })
final class SearchCommand extends DevqCommand {
  @Mixin OutputFormat format;

  @Option(names = "--unit", description = "only this compute unit: ane, gpu or cpu")
  String unit;

  @Option(
      names = "--soc",
      description = "only this SoC's column, e.g. a14, \"A17 Pro\" (a device stands for its SoC)")
  String soc;

  @Option(names = "--os", description = "support as of this OS release, e.g. 'iOS 16', 'macOS 14'")
  String os;

  // more results than a knowledge base has entities (410 shipped) are never read
  @Range(min = 1, max = 1000)
  @Option(
      names = "--limit",
      defaultValue = "5",
      description = "how many results, from 1 to 1000 (default 5)")
  int limit = 5;

  @Parameters(arity = "1..*", paramLabel = "QUERY")
  List<String> words;

  /** The words searched for, as one text. */
  String query() {
    return String.join(" ", words);
  }

  @Override
  boolean json() {
    return format.json();
  }

  @Override
  int run() throws Loader.Failed {
    var options = new SearchOptions(unit, soc, os, limit);
    // wrong options are reported before the knowledge base is loaded
    String problem = options.problem();
    if (!problem.isEmpty()) {
      return fail(problem);
    }
    if (query().isBlank()) {
      // devq search "$TEXT" with the variable unset answered "nothing matches ''", exit 0
      return fail(
          "the search is empty: give words to search for, e.g. " + example("search", "layer norm"));
    }
    return answer(devq().search(query(), options));
  }
}
