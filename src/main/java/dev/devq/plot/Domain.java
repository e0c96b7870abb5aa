package dev.devq.plot;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.check.Type;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The points a sweep binds its variable to, read from the text after {@code --over}:
 *
 * <ul>
 *   <li>a range {@code t in 0min..30min}, with {@value #DEFAULT_POINTS} points, or {@code t in
 *       0min..30min step 2min};
 *   <li>anything the query language can iterate: a list {@code r in [128, 160, 224, 320]}, a set
 *       {@code d in devices where d.year >= 2022}.
 * </ul>
 *
 * The ends of a range and the collection are evaluated by devq itself, so units, names and filters
 * behave as in queries. Quantities make a numeric axis; anything else makes named categories.
 *
 * @param x the axis of the swept variable, in the unit its numbers are given in
 */
record Domain(String var, String text, Chart.Axis x, List<Point> points, boolean numeric) {
  /** Points of a range without a step: 30 intervals, a minute each over half an hour. */
  static final int DEFAULT_POINTS = 31;

  /** More points than this is a typo in a step, not a chart. */
  static final int MAX_POINTS = 1000;

  private static final Pattern SPEC =
      Pattern.compile("\\s*([A-Za-z_][A-Za-z0-9_]*)\\s+in\\s+(\\S.*?)\\s*", Pattern.DOTALL);

  /**
   * One value of the variable, with its type for the session, its position on a numeric axis and
   * its name on a category axis.
   */
  record Point(Value value, Type type, double x, String label) {}

  Domain {
    points = List.copyOf(points);
  }

  static Domain read(Interpreter interpreter, Session session, SourceText source, Span span) {
    Spec spec = Spec.of(source, span);
    if (spec == null) {
      throw new Piece(source, span)
          .error(
              DiagnosticCode.SYNTAX,
              "expected 'VAR in RANGE' after --over",
              "e.g. --over 't in 0min..30min', 'r in [128, 160, 224]' or"
                  + " 'd in devices where d.year >= 2022'");
    }
    if (spec.dots() < 0) {
      return collection(interpreter, session, spec.var(), spec.whole());
    }
    return Range.read(interpreter, session, spec.var(), spec.rest(), spec.dots());
  }

  /**
   * The text after {@code --over} cut into its parts: the variable, the whole {@code VAR in REST},
   * what it ranges over ({@code REST}) and where a range's {@code ..} stands in it (-1 for a
   * collection).
   */
  record Spec(String var, Piece whole, Piece rest, int dots) {
    /** The parts of {@code VAR in REST} at {@code span}, or null when the text is no such thing. */
    static Spec of(SourceText source, Span span) {
      Matcher m = SPEC.matcher(source.slice(span));
      if (!m.matches()) {
        return null;
      }
      var rest = new Span(span.start() + m.start(2), span.start() + m.end(2));
      return new Spec(
          m.group(1),
          new Piece(source, new Span(span.start(), rest.end())),
          new Piece(source, rest),
          topLevel(source.slice(rest), ".."));
    }

    /**
     * The expressions {@link #read} evaluates, as query text: a collection's comprehension {@code
     * [VAR in REST]} (which binds the variable itself), or a range's ends and step.
     */
    List<String> expressions() {
      if (dots < 0) {
        return List.of("[" + whole.text() + "]");
      }
      Range.Parts parts;
      try {
        parts = Range.parts(rest, dots);
      } catch (PlotError e) {
        // a range that does not parse reads nothing; drawing it reports the error
        return List.of();
      }
      List<String> out = new ArrayList<>(List.of(parts.lo().text(), parts.hi().text()));
      if (parts.step() != null) {
        out.add(parts.step().text());
      }
      return out;
    }
  }

  /** Every item of {@code [VAR in REST]}, which devq evaluates as a comprehension. */
  private static Domain collection(
      Interpreter interpreter, Session session, String var, Piece spec) {
    String prefix = "let " + var + " = [";
    var synthetic = new SourceText(spec.whole().name(), prefix + spec.text() + "]");
    Interpreter.Run run = interpreter.run(synthetic, session, false);
    if (!run.ok()) {
      int offset = spec.span().start() - prefix.length();
      throw new PlotError(spec.relocate(run.diagnostics(), synthetic, offset));
    }
    Value list = run.session().values().get(var);
    Type type = run.session().types().get(var);
    Type element = type instanceof Type.ListOf l ? l.element() : Type.ANY;
    List<Value> items = list instanceof Value.ListV l ? l.items() : List.of(list);
    if (items.isEmpty()) {
      throw spec.error(DiagnosticCode.BAD_VALUE, "nothing to plot over: the set is empty", "");
    }
    if (items.size() > MAX_POINTS) {
      throw spec.error(
          DiagnosticCode.BUDGET,
          "too many points to plot: " + items.size(),
          "a plot takes at most " + MAX_POINTS);
    }
    Dimension dim = items.get(0) instanceof Value.QuantityV q ? q.quantity().dimension() : null;
    boolean numeric =
        dim != null
            && items.stream()
                .allMatch(
                    v -> v instanceof Value.QuantityV q && q.quantity().dimension().equals(dim));
    double largest = numeric ? maxAbs(items) : 0;
    if (!Axes.plottable(largest)) {
      throw spec.error(
          DiagnosticCode.BAD_VALUE,
          "a value too large to plot: an axis takes values up to 1e100",
          "sweep values of the sizes a model or device has");
    }
    String unit = numeric ? Axes.unitFor(dim, largest) : "";
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Value v = items.get(i);
      double x = numeric ? Axes.scale(((Value.QuantityV) v).quantity().value(), unit, dim) : i;
      points.add(new Point(v, element, x, Labels.of(v)));
    }
    return new Domain(var, spec.text(), new Chart.Axis(var, unit), points, numeric);
  }

  private static double maxAbs(List<Value> items) {
    return items.stream()
        .mapToDouble(v -> Math.abs(((Value.QuantityV) v).quantity().value()))
        .max()
        .orElse(0);
  }

  /**
   * The offset of {@code token} outside brackets, parentheses and strings, or -1; {@code [1..3]} is
   * a list, not a range.
   */
  static int topLevel(String text, String token) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '[')) {
        depth++;
      } else if (!quoted && (c == ')' || c == ']')) {
        depth--;
      } else if (!quoted && depth == 0 && text.startsWith(token, i)) {
        return i;
      }
    }
    return -1;
  }

  /** A numeric range: its ends, its step, and the points between. */
  private static final class Range {
    private Range() {}

    /** A range's ends and its step ({@code null} when it has none), as the user wrote them. */
    record Parts(Piece lo, Piece hi, Piece step) {}

    static Parts parts(Piece rest, int dots) {
      SourceText src = rest.whole();
      int base = rest.span().start();
      String text = rest.text();
      if (text.startsWith(".", dots + 2)) {
        // 0min...30min read as 0min .. .30min: a sweep to 18 s, not to half an hour
        throw new Piece(src, new Span(base + dots, base + dots + 3))
            .error(
                DiagnosticCode.SYNTAX,
                "a range's ends are parted by two dots, found three",
                "a range is written START..END, e.g. 0min..30min");
      }
      int step = topLevelWord(text, "step");
      if (step >= 0 && step < dots + 2) {
        throw rest.error(
            DiagnosticCode.SYNTAX,
            "'step' before the range's end: a range is written START..END step STEP",
            "e.g. 1..5 step 2");
      }
      int hiEnd = step < 0 ? text.length() : step;
      return new Parts(
          trimmed(src, base, 0, dots),
          trimmed(src, base, dots + 2, hiEnd),
          step < 0 ? null : trimmed(src, base, step + "step".length(), text.length()));
    }

    static Domain read(Interpreter interpreter, Session session, String var, Piece rest, int dots) {
      Parts parts = parts(rest, dots);
      String text = rest.text();
      Piece loPiece = parts.lo();
      Piece hiPiece = parts.hi();
      Quantity lo = quantity(interpreter, session, loPiece, "start");
      Quantity hi = quantity(interpreter, session, hiPiece, "end");
      sameDimension(lo, hi, hiPiece);
      // the unit the user wrote the ends in, the end's own first: 0min..0.5min reads in min
      String unit = Axes.writtenUnit(hiPiece.text(), lo.dimension());
      unit = unit.isEmpty() ? Axes.writtenUnit(loPiece.text(), lo.dimension()) : unit;
      unit =
          unit.isEmpty()
              ? Axes.unitFor(lo.dimension(), Math.max(Math.abs(lo.value()), Math.abs(hi.value())))
              : unit;
      if (!Axes.plottable(lo.value()) || !Axes.plottable(hi.value())) {
        throw rest.error(
            DiagnosticCode.BAD_VALUE,
            "a range too large to plot: an axis takes values up to 1e100",
            "sweep a range of the sizes a model or device has");
      }
      if (!(lo.value() < hi.value())) {
        throw rest.error(
            DiagnosticCode.BAD_VALUE,
            "empty range: " + label(hi, unit) + " is not above " + label(lo, unit),
            "a range runs from the smaller value to the larger, e.g. 0min..30min"
                + (lo.value() == hi.value()
                    ? "; one point is a list: ["
                        + QuantityFormat.format(lo.withDisplayUnit(unit)).replace(" ", "")
                        + "]"
                    : ""));
      }
      double stepValue = (hi.value() - lo.value()) / (DEFAULT_POINTS - 1);
      boolean whole = false;
      if (parts.step() != null) {
        Piece stepPiece = parts.step();
        Quantity s = quantity(interpreter, session, stepPiece, "step");
        sameDimension(lo, s, stepPiece);
        if (!(s.value() > 0)) {
          throw stepPiece.error(
              DiagnosticCode.BAD_VALUE,
              "the step must be positive, found " + label(s, unit),
              "a range steps up from its start to its end, e.g. 0min..30min step 2min");
        }
        stepValue = s.value();
      } else if (lo.dimension().isNone()
          && lo.value() == Math.rint(lo.value())
          && hi.value() == Math.rint(hi.value())) {
        // 128..320 sweeps a whole-number parameter such as a resolution: whole points at a whole
        // step, and the end itself where the step does not land on it (…, 310, 317, 320)
        whole = true;
        stepValue = Math.max(1, Math.ceil(stepValue));
      }
      double count = Math.floor((hi.value() - lo.value()) / stepValue * (1 + 1e-9)) + 1;
      boolean endAdded = whole && lo.value() + (count - 1) * stepValue < hi.value();
      count += endAdded ? 1 : 0;
      if (count > MAX_POINTS) {
        throw rest.error(
            DiagnosticCode.BUDGET,
            "too many points to plot: "
                + (count < 1e15 ? String.valueOf((long) count) : "more than 10^15"),
            "a plot takes at most " + MAX_POINTS + " points; use a larger step");
      }
      Type type = Type.quantity(lo.dimension());
      List<Point> points = new ArrayList<>();
      for (int k = 0; k < count; k++) {
        // the decimal the sum stands for: 0.1 + 11 × 3.33 is the width 36.73 a model is built
        // with and named by, not 36.730000000000004
        double v =
            endAdded && k == count - 1
                ? hi.value()
                : QuantityFormat.decimal(lo.value() + k * stepValue).doubleValue();
        var q = new Quantity(v, lo.dimension(), lo.displayUnit());
        points.add(
            new Point(
                new Value.QuantityV(q), type, Axes.scale(v, unit, lo.dimension()), label(q, unit)));
      }
      String spec = var + " in " + text.strip();
      return new Domain(var, spec, new Chart.Axis(var, unit), points, true);
    }

    /** A point as the axis shows it: {@code 0 min} rather than {@code 0 ns}. */
    private static String label(Quantity q, String unit) {
      return QuantityFormat.format(unit.isEmpty() ? q : q.withDisplayUnit(unit));
    }

    private static Piece trimmed(SourceText src, int base, int from, int to) {
      String text = src.text().substring(base + from, base + to);
      int start = base + from + (text.length() - text.stripLeading().length());
      int end = base + to - (text.length() - text.stripTrailing().length());
      return new Piece(src, new Span(start, Math.max(start, end)));
    }

    private static Quantity quantity(
        Interpreter interpreter, Session session, Piece piece, String what) {
      if (piece.text().isEmpty()) {
        throw piece.error(
            DiagnosticCode.SYNTAX, "the range has no " + what, "e.g. t in 0min..30min step 1min");
      }
      Interpreter.Explained x = piece.evaluate(interpreter, session);
      if (!x.diagnostics().isEmpty()) {
        throw new PlotError(x.diagnostics());
      }
      if (!(x.value() instanceof Value.QuantityV q)) {
        throw piece.error(
            DiagnosticCode.TYPE_MISMATCH,
            "the "
                + what
                + " of a range must be a number or a quantity, not "
                + Labels.kind(x.value()),
            "a list of values is written [a, b, c]");
      }
      if (Double.isNaN(q.quantity().value())) {
        // an unknown end (.high of an estimate without an 80% range) says why it is unknown
        throw piece.error(
            DiagnosticCode.UNKNOWN_FACT,
            "the " + what + " of the range is unknown",
            q.unknownWhy(piece.text()));
      }
      if (!Double.isFinite(q.quantity().value())) {
        throw piece.error(
            DiagnosticCode.NOT_FINITE, "the " + what + " of the range is not finite", "");
      }
      return q.quantity();
    }

    private static void sameDimension(Quantity lo, Quantity other, Piece at) {
      if (!other.dimension().equals(lo.dimension())) {
        throw new PlotError(
            Diagnostic.error(
                    DiagnosticCode.DIMENSION_MISMATCH,
                    "the range mixes "
                        + Axes.describe(lo.dimension())
                        + " and "
                        + Axes.describe(other.dimension()),
                    at.whole(),
                    at.span())
                .withLabel("expected " + Axes.describe(lo.dimension())));
      }
    }

    /** The offset of a keyword standing alone (spaces around it) at the top level, or -1. */
    private static int topLevelWord(String text, String word) {
      int from = 0;
      while (true) {
        int at = topLevel(text.substring(from), word);
        if (at < 0) {
          return -1;
        }
        int i = from + at;
        int after = i + word.length();
        // at the very end too: "0min..30min step" has a step with nothing after it
        boolean alone =
            i > 0
                && Character.isWhitespace(text.charAt(i - 1))
                && (after == text.length() || Character.isWhitespace(text.charAt(after)));
        if (alone) {
          return i;
        }
        from = i + word.length();
      }
    }
  }
}
