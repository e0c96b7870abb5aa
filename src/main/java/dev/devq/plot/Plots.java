package dev.devq.plot;

import dev.devq.cost.Breakdown;
import dev.devq.cost.CannotRun;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.Prediction;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Makes the {@link Chart}s of {@code devq plot}, from the interpreter's results only: a sweep
 * evaluates the expression at each point, a timeline or roofline reads the estimate that {@code
 * explain} shows. Never prints and never throws for bad input: a failure is diagnostics. The facade
 * ({@code Devq.plot}) is the only caller.
 *
 * <pre>{@code
 * Plots.Plotted p = Plots.sweep(interpreter, Session.EMPTY,
 *     new SourceText("<query>", "latency(mobilenet_v2, iphone_12, after(t))"),
 *     over, new Span(0, over.text().length()), "");
 * }</pre>
 */
public final class Plots {
  private Plots() {}

  /**
   * A chart, or the diagnostics that say why there is none (then {@code chart} is null); {@code
   * leftOut} are the points of a sweep left out because the model cannot run there; {@code reads}
   * the session's {@code let}s the plot names, whether it was drawn or not ({@link
   * Interpreter#reads}), so that a {@code let} of a boolean a review reads only in a plot counts as
   * read.
   */
  public record Plotted(
      Chart chart, List<Diagnostic> diagnostics, List<CannotRun> leftOut, Set<String> reads) {
    public Plotted {
      diagnostics = List.copyOf(diagnostics);
      leftOut = List.copyOf(leftOut);
      reads = Set.copyOf(reads);
    }

    public boolean ok() {
      return diagnostics.isEmpty();
    }
  }

  /**
   * {@code EXPR --over VAR in RANGE}: the variable of {@code over} (a span of {@code overSource})
   * bound to each point in turn; both texts keep their own names and lines, so every error points
   * into what the user wrote.
   *
   * @param title the chart's title, or empty for one made from the expression
   */
  public static Plotted sweep(
      Interpreter interpreter,
      Session session,
      SourceText expr,
      SourceText overSource,
      Span over,
      String title) {
    Set<String> reads = new LinkedHashSet<>();
    Domain.Spec spec = Domain.Spec.of(overSource, over);
    // the swept variable is the plot's own: a let of its name is hidden, not read
    reads.addAll(interpreter.reads(expr, session, spec == null ? "" : spec.var()));
    if (spec != null) {
      for (String range : spec.expressions()) {
        reads.addAll(interpreter.reads(new SourceText(overSource.name(), range), session, ""));
      }
    }
    return attempt(
        reads,
        () -> {
          Sweep.Swept swept = Sweep.run(interpreter, session, expr, overSource, over, title);
          return new Plotted(swept.chart(), List.of(), swept.leftOut(), reads);
        });
  }

  /** {@code --timeline EXPR}: the per-layer schedule of the estimate per compute unit. */
  public static Plotted timeline(
      Interpreter interpreter, Session session, SourceText expr, String title) {
    Set<String> reads = interpreter.reads(expr, session, "");
    return attempt(
        reads,
        () -> {
          Breakdown b = explained(interpreter, session, expr);
          return drawn(Timelines.of(b, title(expr, title, "Timeline")), b, reads);
        });
  }

  /**
   * {@code --roofline EXPR}: every layer of one model at its arithmetic intensity, under the roof
   * of each compute unit that runs it, as the cost model rates the unit.
   */
  public static Plotted roofline(
      Interpreter interpreter, Session session, SourceText expr, String title) {
    Set<String> reads = interpreter.reads(expr, session, "");
    return attempt(
        reads,
        () -> {
          var whole = new Piece(expr, new Span(0, expr.text().length()));
          if (explained(interpreter, session, expr) instanceof Prediction p) {
            return drawn(
                Rooflines.of(
                    p, interpreter.engine().costModel(), title(expr, title, "Roofline"), whole),
                p,
                reads);
          }
          throw whole.error(
              DiagnosticCode.UNSUPPORTED,
              "a roofline shows one model, and this is a pipeline",
              "plot the roofline of each model of the pipeline; --timeline shows the pipeline");
        });
  }

  /**
   * The chart of one estimate, and as explain says first, that its model cannot run on the target
   * when it does not fit: the chart shows what it would do if it fitted.
   */
  private static Plotted drawn(Chart chart, Breakdown b, Set<String> reads) {
    return new Plotted(chart, List.of(), MemoryLimit.refusal(b).stream().toList(), reads);
  }

  /**
   * The plot, or the diagnostics of why there is none: never an exception. What it reads counts
   * either way, as a statement's does: its error is the one to fix.
   */
  private static Plotted attempt(Set<String> reads, Supplier<Plotted> plot) {
    try {
      return plot.get();
    } catch (PlotError e) {
      return new Plotted(null, e.diagnostics(), List.of(), reads);
    } catch (DevqException e) {
      return new Plotted(null, List.of(e.diagnostic()), List.of(), reads);
    }
  }

  /** The estimate the expression computes, as {@code devq explain} reads it. */
  private static Breakdown explained(Interpreter interpreter, Session session, SourceText expr) {
    Interpreter.Explained x = interpreter.explain(expr, session);
    if (!x.diagnostics().isEmpty()) {
      throw new PlotError(x.diagnostics());
    }
    return x.estimate();
  }

  private static String title(SourceText expr, String title, String kind) {
    return title.isEmpty() ? kind + ": " + Labels.oneLine(expr.text(), 80) : Labels.title(title);
  }
}
