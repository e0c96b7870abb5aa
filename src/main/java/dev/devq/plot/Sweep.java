package dev.devq.plot;

import dev.devq.cost.Prediction;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code devq plot EXPR --over VAR in RANGE}: binds the variable to each point of the {@link
 * Domain} in a session, as a {@code let} would, and evaluates the expression there through the
 * facade. A list {@code [a, b]} gives one series per item; a comparison {@code a < b} plots {@code
 * a} and draws {@code b} as the budget line. A {@code latency(…)} series carries the 80% range of
 * its prediction. Quantities over the variable make a line chart; targets, models or other names
 * make bars.
 */
final class Sweep {
  private Sweep() {}

  /** A value and its 80% range, in base units. */
  private record Sample(Quantity value, double low, double high) {}

  /** The parts of the expression: the series, and the budget with its operator (or none). */
  private record Shape(List<Piece> series, List<Expr> roots, Piece budget, String op) {}

  static Chart run(
      Interpreter interpreter,
      Session session,
      SourceText expr,
      SourceText overSource,
      Span over,
      String title) {
    Shape shape = shape(expr);
    Domain domain = Domain.read(interpreter, session, overSource, over);
    List<List<Sample>> series = new ArrayList<>();
    shape.series().forEach(s -> series.add(new ArrayList<>()));
    List<Sample> budget = new ArrayList<>();
    Dimension[] dim = {null};
    for (Domain.Point p : domain.points()) {
      Session at = session.bind(domain.var(), p.type(), p.value());
      for (int i = 0; i < shape.series().size(); i++) {
        Piece piece = shape.series().get(i);
        series
            .get(i)
            .add(sample(interpreter, at, piece, isLatency(shape.roots().get(i)), domain, p, dim));
      }
      if (shape.budget() != null) {
        budget.add(sample(interpreter, at, shape.budget(), false, domain, p, dim));
      }
    }
    Quantity first = series.get(0).get(0).value();
    String unit =
        first.displayUnit().isEmpty()
            ? Axes.unitFor(dim[0], maxAbs(series, budget))
            : first.displayUnit();
    var y = new Chart.Axis(yLabel(shape.roots(), dim[0]), unit);
    List<Chart.Series> lines = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      lines.add(
          line(
              Labels.oneLine(shape.series().get(i).text(), 60),
              domain,
              series.get(i),
              unit,
              dim[0]));
    }
    List<Chart.Series> budgets = new ArrayList<>();
    if (shape.budget() != null) {
      String name = shape.op() + " " + Labels.oneLine(shape.budget().text(), 40);
      budgets.add(line(name, domain, budget, unit, dim[0]));
    }
    String heading = title.isEmpty() ? Labels.oneLine(expr.text(), 90) : title;
    boolean banded = lines.stream().anyMatch(Chart.Series::banded);
    String subtitle =
        "over "
            + Labels.oneLine(domain.text(), 70)
            + (banded
                ? (domain.numeric() ? "; shaded" : "; error bars") + ": 80% range of the prediction"
                : "");
    if (domain.numeric()) {
      return new Chart.Lines(heading, subtitle, domain.x(), y, lines, budgets);
    }
    List<String> categories = domain.points().stream().map(Domain.Point::label).toList();
    return new Chart.Bars(heading, subtitle, domain.x(), categories, y, lines, budgets);
  }

  private static Shape shape(SourceText expr) {
    ParseResult<Expr> parsed = AstBuilder.parseExpression(expr);
    if (!parsed.ok()) {
      throw new PlotError(parsed.diagnostics());
    }
    Expr root = parsed.value();
    Piece budget = null;
    String op = "";
    if (root instanceof Expr.Compare c) {
      if (c.operands().size() != 2) {
        throw new Piece(expr, c.span())
            .error(
                DiagnosticCode.UNSUPPORTED,
                "a plot shows one comparison, not a chain",
                "e.g. latency(m, d, after(t)) < 33ms: the left side is plotted, the right is the budget");
      }
      budget = new Piece(expr, c.operands().get(1).span());
      op = c.ops().get(0).symbol;
      root = c.operands().get(0);
    }
    List<Expr> roots = root instanceof Expr.ListLit l ? l.elements() : List.of(root);
    if (roots.isEmpty()) {
      throw new Piece(expr, root.span())
          .error(DiagnosticCode.BAD_VALUE, "nothing to plot: the list is empty", "");
    }
    List<Piece> pieces = roots.stream().map(e -> new Piece(expr, e.span())).toList();
    return new Shape(pieces, roots, budget, op);
  }

  private static Sample sample(
      Interpreter interpreter,
      Session at,
      Piece piece,
      boolean latency,
      Domain domain,
      Domain.Point p,
      Dimension[] dim) {
    Interpreter.Explained x = piece.evaluate(interpreter, at);
    String where = "at " + domain.var() + " = " + p.label();
    if (!x.diagnostics().isEmpty()) {
      throw new PlotError(x.diagnostics().stream().map(d -> d.withNote(where)).toList());
    }
    if (!(x.value() instanceof Value.QuantityV v)) {
      throw new PlotError(
          piece
              .error(
                  DiagnosticCode.TYPE_MISMATCH,
                  "a plot needs a number at each point, and this is " + Labels.kind(x.value()),
                  "plot a quantity such as latency(m, d, after(t)), a list of them, or a"
                      + " comparison (its right side is drawn as the budget)")
              .diagnostics()
              .get(0)
              .withNote(where));
    }
    Quantity q = v.quantity();
    if (dim[0] == null) {
      dim[0] = q.dimension();
    } else if (!dim[0].equals(q.dimension())) {
      Diagnostic d =
          piece
              .error(
                  DiagnosticCode.DIMENSION_MISMATCH,
                  "one chart has one y axis, but this is "
                      + Axes.describe(q.dimension())
                      + " and the first series is "
                      + Axes.describe(dim[0]),
                  "plot them separately")
              .diagnostics()
              .get(0);
      throw new PlotError(d);
    }
    if (latency
        && x.estimate() instanceof Prediction pr
        && Math.abs(pr.latency() - q.value()) <= 1e-9 * Math.abs(q.value())) {
      return new Sample(q, pr.latencyLow(), pr.latencyHigh());
    }
    return new Sample(q, q.value(), q.value());
  }

  private static Chart.Series line(
      String name, Domain domain, List<Sample> samples, String unit, Dimension dim) {
    List<Chart.Point> points = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      points.add(
          new Chart.Point(
              domain.points().get(i).x(),
              Axes.scale(s.value().value(), unit, dim),
              Axes.scale(s.low(), unit, dim),
              Axes.scale(s.high(), unit, dim),
              ""));
    }
    return new Chart.Series(name, points);
  }

  /** Whether a series is a {@code latency(…)} call, whose prediction carries an 80% range. */
  private static boolean isLatency(Expr e) {
    if (e instanceof Expr.Convert c) {
      return isLatency(c.value());
    }
    return e instanceof Expr.Call c && c.callee().equals("latency");
  }

  /** The estimate function all series call ({@code latency}), or the dimension's name. */
  private static String yLabel(List<Expr> roots, Dimension dim) {
    String common = null;
    for (Expr e : roots) {
      Expr inner = e instanceof Expr.Convert c ? c.value() : e;
      String callee = inner instanceof Expr.Call c ? c.callee() : "";
      common = common == null || common.equals(callee) ? callee : "";
    }
    return common == null || common.isEmpty()
        ? Axes.describe(dim).toLowerCase(java.util.Locale.ROOT)
        : common;
  }

  private static double maxAbs(List<List<Sample>> series, List<Sample> budget) {
    double max = 0;
    for (List<Sample> s : series) {
      for (Sample x : s) {
        max = Math.max(max, Math.abs(x.value().value()));
      }
    }
    for (Sample x : budget) {
      max = Math.max(max, Math.abs(x.value().value()));
    }
    return max;
  }
}
