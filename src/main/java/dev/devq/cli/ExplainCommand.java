package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Interpreter;
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

/** {@code devq explain EXPR}: the per-layer breakdown of an estimate. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Show the per-layer breakdown (unit, FLOPs, bytes, compute and memory time, bound, reason) "
            + "of the estimate in EXPR, e.g. 'latency(mobilenet_v2, a16, throttled)'.")
final class ExplainCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @Parameters(arity = "1..*", paramLabel = "EXPR")
  List<String> words;

  /** The bindings the expression may use: none on the command line, the session's in the REPL. */
  Session session = Session.EMPTY;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    var source = new SourceText("<query>", String.join(" ", words));
    Interpreter.Explained x = devq.interpreter().explain(source, session);
    if (x.estimate() == null) {
      err.print(DiagnosticRenderer.render(x.diagnostics()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    out.println(
        format == Format.json
            ? JsonRender.write(JsonRender.estimate(x.estimate()))
            : ExplainTable.render(x.estimate(), false));
    out.flush();
    return ExitCodes.OK;
  }
}
