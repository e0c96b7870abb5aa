package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Session;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devq eval EXPR...}: evaluate and print. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Evaluate a query and print its value; exit 0, 1 when a check it printed failed, 2 on an"
            + " error.")
final class EvalCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @Parameters(
      arity = "1..*",
      paramLabel = "EXPR",
      description = "the query (several words are joined by spaces)")
  List<String> words;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    var source = new SourceText("<query>", String.join(" ", words));
    Interpreter.Run run = devq.eval(source, Session.EMPTY);
    if (!run.ok()) {
      if (format == Format.json) {
        out.println(JsonRender.write(JsonRender.diagnostics(run.diagnostics())));
      }
      err.print(DiagnosticRenderer.render(run.diagnostics()));
      err.flush();
      out.flush();
      return ExitCodes.BAD_INPUT;
    }
    print(run.outcomes(), source, out);
    out.flush();
    boolean failed =
        run.outcomes().stream().anyMatch(o -> o instanceof Outcome.Check c && !c.pass());
    return failed ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }

  private void print(List<Outcome> outcomes, SourceText source, PrintWriter out) {
    if (format == Format.json) {
      if (outcomes.size() == 1) {
        out.println(JsonRender.write(JsonRender.outcome(outcomes.get(0))));
      } else {
        var array = JsonRender.MAPPER.createArrayNode();
        outcomes.forEach(o -> array.add(JsonRender.outcome(o)));
        out.println(JsonRender.write(array));
      }
      return;
    }
    for (Outcome o : outcomes) {
      out.println(OutcomeText.render(o, source, false));
    }
  }
}
