package dev.devq.plot;

import dev.devq.cost.CannotRun;
import dev.devq.cost.OutOfScope;
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
import dev.devq.view.RangeNote;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code devq plot EXPR --over VAR in RANGE}: binds the variable to each point of the {@link
 * Domain} in a session, as a {@code let} would, and evaluates the expression there through the
 * facade. A list {@code [a, b]} gives one series per item; a comparison {@code a < b} plots {@code
 * a} and draws {@code b} as the budget line. A series of estimates that carry an 80% range ({@code
 * latency}, {@code fps}, {@code energy}, …) carries it too. Quantities over the variable make a
 * line chart; targets, models or other names make bars.
 */
final class Sweep {
  private Sweep() {}

  /**
   * A value and its 80% range, in base units; {@code noRange} says why an estimate has none (its
   * runtime measured other kinds of model), else null.
   */
  private record Sample(Quantity value, double low, double high, OutOfScope noRange) {}

  /** The parts of the expression: the series, and the budget with its operator (or none). */
  private record Shape(List<Piece> series, List<Expr> roots, Piece budget, String op) {}

  /** A chart, and what it left out because it cannot run there. */
  record Swept(Chart chart, List<CannotRun> leftOut) {
    Swept {
      leftOut = List.copyOf(leftOut);
    }
  }

  static Swept run(
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
    List<Domain.Point> kept = new ArrayList<>();
    Set<CannotRun> leftOut = new LinkedHashSet<>();
    Diagnostic firstRefusal = null;
    Dimension[] dim = {null};
    for (Domain.Point p : domain.points()) {
      Session at = session.bind(domain.var(), p.type(), p.value());
      List<Sample> row = new ArrayList<>();
      boolean refused = false;
      for (int i = 0; i <= shape.series().size() && !refused; i++) {
        boolean isBudget = i == shape.series().size();
        if (isBudget && shape.budget() == null) {
          break;
        }
        Piece piece = isBudget ? shape.budget() : shape.series().get(i);
        Interpreter.Explained x = piece.evaluate(interpreter, at);
        if (x.value() instanceof Value.CannotRunV never) {
          // a point where the model cannot run has no figure: it is left out, and said so
          leftOut.add(never.why());
          refused = true;
          // only the first is ever shown: when no point at all can run
          firstRefusal = firstRefusal == null ? refusalAt(piece, never, domain, p) : firstRefusal;
        } else {
          // the budget is a line, not a band: the subtitle's range speaks of the series only
          row.add(sample(x, piece, !isBudget, domain, p, dim));
        }
      }
      if (refused) {
        continue;
      }
      kept.add(p);
      for (int i = 0; i < series.size(); i++) {
        series.get(i).add(row.get(i));
      }
      if (shape.budget() != null) {
        budget.add(row.get(series.size()));
      }
    }
    if (kept.isEmpty() && firstRefusal != null) {
      throw new PlotError(firstRefusal);
    }
    return new Swept(
        chart(
            shape,
            expr,
            title,
            domain,
            kept,
            series,
            budget,
            dim[0],
            domain.points().size() - kept.size()),
        new ArrayList<>(leftOut));
  }

  /**
   * Why nothing could be plotted, when no point can run: the first point's reason, pointed at the
   * {@code os} argument of a release the target never runs, else at the series.
   */
  private static Diagnostic refusalAt(
      Piece piece, Value.CannotRunV never, Domain domain, Domain.Point p) {
    Diagnostic d =
        Diagnostic.error(
                DiagnosticCode.UNSUPPORTED,
                "nothing to plot: every point cannot run, e.g. at "
                    + domain.var()
                    + " = "
                    + p.label()
                    + ": "
                    + never.why().reason(),
                never.source(),
                never.why() instanceof CannotRun.Release
                    ? never.at()
                    : new Span(0, never.source().text().length()))
            .withNote("a plot leaves out the points that cannot run, and here none can");
    return piece.relocate(List.of(d), never.source(), piece.span().start()).get(0);
  }

  private static Chart chart(
      Shape shape,
      SourceText expr,
      String title,
      Domain domain,
      List<Domain.Point> kept,
      List<List<Sample>> series,
      List<Sample> budget,
      Dimension dim,
      int pointsLeftOut) {
    Quantity first = series.get(0).get(0).value();
    String unit =
        first.displayUnit().isEmpty()
            ? Axes.unitFor(dim, maxAbs(series, budget))
            : first.displayUnit();
    var y = new Chart.Axis(yLabel(shape.roots(), dim), unit);
    List<Chart.Series> lines = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      lines.add(
          line(
              Labels.oneLine(shape.series().get(i).text(), 60),
              domain.numeric(),
              kept,
              series.get(i),
              unit,
              dim));
    }
    List<Chart.Series> budgets = new ArrayList<>();
    if (shape.budget() != null) {
      String name = shape.op() + " " + Labels.oneLine(shape.budget().text(), 40);
      budgets.add(line(name, domain.numeric(), kept, budget, unit, dim));
    }
    String heading = title.isEmpty() ? Labels.oneLine(expr.text(), 90) : Labels.title(title);
    boolean banded = lines.stream().anyMatch(Chart.Series::banded);
    // a series drawn without a band says why, as eval does under the value
    String noRange =
        series.stream()
            .flatMap(List::stream)
            .map(Sample::noRange)
            .filter(java.util.Objects::nonNull)
            .map(RangeNote::brief)
            .distinct()
            .map(why -> "; " + why)
            .collect(java.util.stream.Collectors.joining());
    String subtitle =
        "over "
            + Labels.oneLine(domain.text(), 70)
            + (banded
                ? (domain.numeric() ? "; shaded" : "; error bars") + ": 80% range of the prediction"
                : "")
            + noRange
            + (pointsLeftOut == 0 ? "" : "; " + pointsLeftOut + " left out: cannot run");
    if (domain.numeric()) {
      return new Chart.Lines(heading, subtitle, domain.x(), y, lines, budgets);
    }
    List<String> categories = kept.stream().map(Domain.Point::label).toList();
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
      Interpreter.Explained x,
      Piece piece,
      boolean withRange,
      Domain domain,
      Domain.Point p,
      Dimension[] dim) {
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
    if (!Axes.plottable(q.value())
        || v.ranged() && !(Axes.plottable(v.low().value()) && Axes.plottable(v.high().value()))) {
      throw new PlotError(
          piece
              .error(
                  DiagnosticCode.BAD_VALUE,
                  "a value too large to plot: an axis takes values up to 1e100",
                  "")
              .diagnostics()
              .get(0)
              .withNote(where));
    }
    // the estimate's own range (latency, fps, energy, …); arithmetic on it has none
    return withRange && v.ranged()
        ? new Sample(q, v.low().value(), v.high().value(), null)
        : new Sample(q, q.value(), q.value(), withRange ? v.outOfScope() : null);
  }

  /**
   * One series over the points kept: at each one's x on a numeric axis, else at its place among the
   * categories left after what cannot run was left out.
   */
  private static Chart.Series line(
      String name,
      boolean numeric,
      List<Domain.Point> kept,
      List<Sample> samples,
      String unit,
      Dimension dim) {
    List<Chart.Point> points = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Sample s = samples.get(i);
      points.add(
          new Chart.Point(
              numeric ? kept.get(i).x() : i,
              Axes.scale(s.value().value(), unit, dim),
              Axes.scale(s.low(), unit, dim),
              Axes.scale(s.high(), unit, dim),
              ""));
    }
    return new Chart.Series(name, points);
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
