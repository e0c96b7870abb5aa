package dev.devq.cli;

import dev.devq.Bindings;
import dev.devq.Json;
import dev.devq.Outcome;
import dev.devq.Run;
import dev.devq.lang.SourceText;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code devq eval EXPR...}: evaluate and print. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate a query and print its value; exit 0, 1 when a check it printed failed, 2 on an"
            + " error.")
final class EvalCommand extends DevqCommand {
  @Mixin TableFormat format;

  @Parameters(
      arity = "1..*",
      paramLabel = "EXPR",
      description = "the query (several words are joined by spaces)")
  List<String> words;

  @Override
  int run() throws Loader.Failed {
    if (!format.valid()) {
      return fail(format.problem());
    }
    Run run = devq().run(new SourceText("<query>", String.join(" ", words)), Bindings.EMPTY);
    if (!run.ok()) {
      if (format.json()) {
        out().println(Json.write(Json.diagnostics(run.diagnostics())));
      }
      return errors(run.diagnostics());
    }
    print(run.outcomes());
    return run.failedChecks() > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
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
    OutcomePrinter.print(outcomes, format.format, out());
  }
}
