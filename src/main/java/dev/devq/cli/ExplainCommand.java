package dev.devq.cli;

import dev.devq.Bindings;
import dev.devq.Explanation;
import dev.devq.Json;
import dev.devq.ShellWords;
import dev.devq.lang.SourceText;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code devq explain EXPR}: the per-layer breakdown of an estimate. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Show the per-layer breakdown (unit, FLOPs, DRAM bytes, compute and memory time, bound,"
            + " reason) of the estimate in EXPR, e.g. 'latency(mobilenet_v2, a16, throttled)'.")
final class ExplainCommand extends DevqCommand {
  @Mixin TableFormat format;

  @Range(min = 0, max = Explanation.MAX_LAYERS, note = "0 shows every layer")
  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "0",
      description =
          "Show only the N slowest layers (or groups), slowest first, in every format; N from 0 to"
              + " "
              + Explanation.MAX_LAYERS
              + " (0 shows every layer).")
  int top;

  /** How {@code --group} gathers layers. */
  enum Group {
    op,
    unit,
    block
  }

  @Option(
      names = "--group",
      paramLabel = "op|unit|block",
      description =
          "Sum the layers of each op, compute unit or block, largest first, in every format.")
  Group group;

  @Parameters(arity = "1..*", paramLabel = "EXPR", completionCandidates = EntityIds.class)
  List<String> words;

  /** The bindings the expression may use: none on the command line, the session's in the REPL. */
  Bindings bindings = Bindings.EMPTY;

  @Override
  boolean json() {
    return format.json();
  }

  @Override
  int run() throws Loader.Failed {
    // options first (--top's range is checked before run): a usage error should not wait for the
    // knowledge base and the estimate
    if (words.size() > 1) {
      // eval takes one query per argument; explain shows one estimate, so a second is a mistake
      return fail(
          "explain takes one query, found "
              + words.size()
              + " arguments ("
              + String.join(", ", words.stream().map(ShellWords::quoted).toList())
              + "): quote the query as one argument, e.g. "
              + example("explain", "latency(mobilenet_v2, a16)")
              + ", and explain each estimate in turn");
    }
    String empty = emptyQuery(words, "explain", "latency(mobilenet_v2, a16)");
    if (!empty.isEmpty()) {
      return fail(empty);
    }
    var source = new SourceText("<query>", words.get(0));
    Explanation x = devq().explain(source, bindings);
    if (!x.ok()) {
      return errors(x.diagnostics());
    }
    x = x.cut(top, group == null ? "" : group.name());
    switch (format.format) {
      case json -> out().println(Json.write(x.json()));
      case csv -> out().print(x.csv());
      case markdown -> out().print(x.markdown());
      case text -> out().println(x.text());
    }
    return ExitCodes.OK;
  }
}
