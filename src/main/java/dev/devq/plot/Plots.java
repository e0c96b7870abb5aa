package dev.devq.plot;

import dev.devq.Devq;
import dev.devq.cost.Breakdown;
import dev.devq.cost.Prediction;
import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Span;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import java.util.List;

/**
 * Makes the {@link Chart} a {@link PlotRequest} asks for, from devq results only: a sweep evaluates
 * through the facade at each point, a timeline or roofline reads the prediction that {@code
 * explain} shows. Never prints and never throws for bad input: a failure is diagnostics.
 *
 * <pre>{@code
 * var req = PlotRequest.sweep(new SourceText("<expr>", "latency(mobilenet_v2, iphone_12, after(t))"),
 *     over, new Span(0, over.text().length()), "");
 * Plots.Plotted p = Plots.plot(devq, Session.EMPTY, req);
 * }</pre>
 */
public final class Plots {
  private Plots() {}

  /** A chart, or the diagnostics that say why there is none (then {@code chart} is null). */
  public record Plotted(Chart chart, List<Diagnostic> diagnostics) {
    public Plotted {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return diagnostics.isEmpty();
    }
  }

  /** Evaluates a request in a session (whose {@code let} bindings the expression may use). */
  public static Plotted plot(Devq devq, Session session, PlotRequest req) {
    try {
      return new Plotted(chart(devq, session, req), List.of());
    } catch (PlotError e) {
      return new Plotted(null, e.diagnostics());
    } catch (DevqException e) {
      return new Plotted(null, List.of(e.diagnostic()));
    }
  }

  private static Chart chart(Devq devq, Session session, PlotRequest req) {
    return switch (req.kind()) {
      case SWEEP -> Sweep.run(devq, session, req);
      case TIMELINE -> Timelines.of(explained(devq, session, req), title(req, "Timeline"));
      case ROOFLINE -> {
        if (explained(devq, session, req) instanceof Prediction p) {
          yield Rooflines.of(p, title(req, "Roofline"));
        }
        throw new Piece(req.expr(), new Span(0, req.expr().text().length()))
            .error(
                DiagnosticCode.UNSUPPORTED,
                "a roofline shows one model, and this is a pipeline",
                "plot the roofline of each model of the pipeline; --timeline shows the pipeline");
      }
    };
  }

  /** The estimate the expression computes, as {@code devq explain} reads it. */
  private static Breakdown explained(Devq devq, Session session, PlotRequest req) {
    Interpreter.Explained x = devq.interpreter().explain(req.expr(), session);
    if (!x.diagnostics().isEmpty()) {
      throw new PlotError(x.diagnostics());
    }
    return x.estimate();
  }

  private static String title(PlotRequest req, String kind) {
    return req.title().isEmpty()
        ? kind + ": " + Labels.oneLine(req.expr().text(), 80)
        : req.title();
  }
}
