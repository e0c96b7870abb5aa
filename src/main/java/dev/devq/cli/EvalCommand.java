package dev.devq.cli;

import dev.devq.Bindings;
import dev.devq.Devq;
import dev.devq.Json;
import dev.devq.Outcome;
import dev.devq.Run;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code devq eval EXPR...}: evaluate and print. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Evaluate a query and print its value; exit 0, 1 when a check it printed failed, 2 on an"
          + " error.",
      "Each argument is one query; several are evaluated in order, later ones seeing the let"
          + " bindings of earlier ones: devq eval 'let m = resnet50' 'latency(m, a16)'. Quote a"
          + " query that has spaces."
    })
final class EvalCommand extends DevqCommand {
  @Mixin TableFormat format;

  @Parameters(
      arity = "1..*",
      paramLabel = "EXPR",
      completionCandidates = EntityIds.class,
      description = "a query; several are evaluated in order (quote each one)")
  List<String> queries;

  @Override
  boolean json() {
    return format.json();
  }

  @Override
  int run() throws Loader.Failed {
    // devq eval "$QUERY" with the variable unset printed nothing (or [ ] in json), exit 0
    String empty = emptyQuery(queries, "eval", "latency(mobilenet_v2, a16)");
    if (!empty.isEmpty()) {
      return fail(empty);
    }
    Devq devq = devq();
    Bindings bindings = Bindings.EMPTY;
    List<Outcome> outcomes = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      String name = queries.size() == 1 ? "<query>" : "<query " + (i + 1) + ">";
      Run run = devq.run(new SourceText(name, queries.get(i)), bindings);
      bindings = run.bindings();
      outcomes.addAll(run.outcomes());
      diagnostics.addAll(run.diagnostics());
    }
    if (!diagnostics.isEmpty()) {
      String joined = String.join(" ", queries);
      if (queries.size() > 1 && devq.run(new SourceText("<query>", joined), Bindings.EMPTY).ok()) {
        // `devq eval 1 + 2` unquoted: the shell split one query into words
        return fail(
            "each argument of devq eval is one query, and these "
                + queries.size()
                + " arguments are not; together they are one query: quote it, as in devq eval '"
                + joined
                + "'");
      }
      return errors(diagnostics);
    }
    print(outcomes);
    return new Run(bindings, outcomes, diagnostics).failedChecks() > 0
        ? ExitCodes.CHECK_FAILED
        : ExitCodes.OK;
  }

  private void print(List<Outcome> outcomes) {
    if (format.json()) {
      if (outcomes.size() == 1) {
        out().println(Json.write(outcomes.get(0).json()));
      } else {
        var array = Json.array();
        outcomes.forEach(o -> array.add(o.json()));
        out().println(Json.write(array));
      }
      return;
    }
    OutcomePrinter.print(outcomes, format.format(), out());
  }
}
