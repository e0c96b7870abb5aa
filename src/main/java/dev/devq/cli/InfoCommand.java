package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.kb.Entity;
import dev.devq.kb.NamedQuantity;
import dev.devq.kb.Source;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devq info ID}: an entity with every field, its source and confidence. */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description =
        "Show a SoC, device, op, model, budget or source with every field and where it comes from.")
final class InfoCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  @Parameters(paramLabel = "ID", description = "an id, name or alias")
  String id;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    var kb = devq.kb();
    Entity e = kb.lookup(id);
    if (e == null && id.contains("(")) {
      // a binned SoC part is a call: devq info 'm3_max(gpu_cores = 30)'
      Interpreter.Run run = devq.eval(id);
      if (!run.ok()) {
        err.print(DiagnosticRenderer.render(run.diagnostics()));
        err.flush();
        return ExitCodes.BAD_INPUT;
      }
      if (run.outcomes().size() == 1
          && run.outcomes().get(0) instanceof Outcome.Shown shown
          && shown.value() instanceof Value.EntityV part) {
        e = part.entity();
      }
    }
    if (e == null) {
      List<Entity> found =
          devq.engine().index().search(id, List.of(), 1).stream()
              .map(h -> kb.entity(h.id()))
              .toList();
      e = found.isEmpty() ? null : found.get(0);
      if (e != null && !SearchMatch.close(id, e)) {
        e = null;
      }
    }
    if (e == null) {
      return other(devq, out, err);
    }
    if (format == Format.json) {
      out.println(JsonRender.write(InfoJson.entity(devq, e)));
    } else {
      out.print(InfoText.entity(devq, e));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** Budgets, constants and sources have ids too. */
  private int other(Devq devq, PrintWriter out, PrintWriter err) {
    var kb = devq.kb();
    NamedQuantity named =
        kb.budgets().containsKey(id) ? kb.budgets().get(id) : kb.constants().get(id);
    if (named != null) {
      out.println(named.id() + " = " + QuantityFormat.format(named.value().value()));
      out.println("  " + named.description());
      out.println("  " + InfoText.provenance(named.value().provenance()));
      out.flush();
      return ExitCodes.OK;
    }
    Source s = kb.sources().get(id);
    if (s != null) {
      out.println(s.id() + "\n  " + s.title() + "\n  " + s.url() + "\n  read " + s.read());
      out.flush();
      return ExitCodes.OK;
    }
    Set<String> names = new LinkedHashSet<>();
    kb.entities().forEach(x -> names.add(x.id()));
    names.addAll(kb.budgets().keySet());
    names.addAll(kb.sources().keySet());
    List<String> near = new ArrayList<>(devq.engine().index().suggest(id, List.of(), 3));
    String close = Suggestions.closest(id, names);
    if (!close.isEmpty() && !near.contains(close)) {
      near.add(0, close);
    }
    err.println(
        "devq: nothing is called '"
            + id
            + "'"
            + (near.isEmpty()
                ? ""
                : "; did you mean "
                    + String.join(", ", near.stream().map(n -> "'" + n + "'").toList())
                    + "?"));
    err.println("try 'devq list socs|devices|models|ops' or 'devq search " + id + "'");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }
}
