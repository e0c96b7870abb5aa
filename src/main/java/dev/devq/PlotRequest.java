package dev.devq;

import dev.devq.lang.SourceText;
import dev.devq.lang.Span;

/**
 * What {@link Devq#plot} draws: an expression and how. A sweep binds the variable of {@code over}
 * ({@code t in 0min..30min}, a span of {@code overSource}) to each point in turn; a timeline or a
 * roofline shows the estimate the expression computes. Both texts keep their own names and lines,
 * so every error points into what the user wrote (a command-line argument, or a fence of a review
 * document).
 *
 * <pre>{@code
 * var over = new SourceText("--over", "t in 0min..30min");
 * var req = PlotRequest.sweep(new SourceText("<query>", "latency(mobilenet_v2, iphone_12, after(t))"),
 *     over, new Span(0, over.text().length()), "");
 * }</pre>
 *
 * @param title the chart's title, or empty for one made from the expression
 */
public record PlotRequest(
    Kind kind, SourceText expr, SourceText overSource, Span over, String title) {
  /** The three kinds of picture. */
  public enum Kind {
    SWEEP,
    TIMELINE,
    ROOFLINE
  }

  /** {@code EXPR --over VAR in RANGE}. */
  public static PlotRequest sweep(SourceText expr, SourceText over, Span span, String title) {
    return new PlotRequest(Kind.SWEEP, expr, over, span, title);
  }

  /** {@code --timeline EXPR} or {@code --roofline EXPR}. */
  public static PlotRequest of(Kind kind, SourceText expr, String title) {
    return new PlotRequest(kind, expr, new SourceText("<over>", ""), Span.at(0), title);
  }
}
