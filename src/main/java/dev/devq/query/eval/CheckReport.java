package dev.devq.query.eval;

import dev.devq.cost.Bound;
import dev.devq.cost.Breakdown;
import dev.devq.cost.LayerCost;
import dev.devq.cost.PipelineEstimate;
import dev.devq.cost.Prediction;
import dev.devq.kb.ComputeUnit;
import dev.devq.lang.Expr;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Words for a check's result: the margin between its sides, and what dominated an estimate. */
final class CheckReport {
  private CheckReport() {}

  /**
   * The margin of a comparison of quantities; {@link Margin#NONE} when a side is not one or a link
   * has no direction ({@code ==}). A chain ({@code 1 ms < x < 2.5 ms}) has one per link, each
   * worded after its sides; its numbers are those of the link with least room, which decides it.
   */
  static Margin margin(List<Value> operands, TypedExpr.Compare cmp) {
    List<Expr.CompareOp> ops = cmp.ops();
    if (ops.isEmpty() || operands.size() != ops.size() + 1) {
      return Margin.NONE;
    }
    List<Margin> links = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Margin m =
          link(
              operands.get(i),
              operands.get(i + 1),
              ops.get(i),
              literal(cmp.operands().get(i)) && !literal(cmp.operands().get(i + 1)));
      if (!m.present()) {
        return Margin.NONE;
      }
      links.add(m);
    }
    if (links.size() == 1) {
      return links.get(0);
    }
    var text = new StringJoiner("; ");
    var caveats = new StringJoiner("; ");
    Margin least = links.get(0);
    for (int i = 0; i < links.size(); i++) {
      Margin m = links.get(i);
      text.add(linkSides(operands.get(i), operands.get(i + 1), ops.get(i)) + ": " + m.text());
      if (!m.caveat().isEmpty()) {
        caveats.add(m.caveat());
      }
      if (room(m) < room(least)) {
        least = m;
      }
    }
    return new Margin(true, least.gap(), least.fraction(), text.toString(), caveats.toString());
  }

  /**
   * Whether an operand is a number written out ({@code 8 GB}, {@code -1 ms}, {@code 2 * 4 GB},
   * {@code (30 ms in us)}): a requirement, not a fact looked up.
   */
  private static boolean literal(TypedExpr e) {
    return e instanceof TypedExpr.QuantityConst
        || e instanceof TypedExpr.Unary u && literal(u.operand())
        || e instanceof TypedExpr.Convert c && literal(c.value())
        || e instanceof TypedExpr.Binary b && literal(b.left()) && literal(b.right());
  }

  /** A link's room to spare as a fraction; against zero, which has none, by the gap's sign. */
  private static double room(Margin m) {
    return Double.isNaN(m.fraction())
        ? m.gap().value() == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, m.gap().value())
        : m.fraction();
  }

  private static String linkSides(Value a, Value b, Expr.CompareOp op) {
    String symbol =
        op.holds(quantity(a).value(), quantity(b).value()) ? op.symbol : "is not " + op.symbol;
    return shown(a) + " " + symbol + " " + shown(b);
  }

  /** An estimate in three digits whatever its unit, as the ends of its range are written. */
  private static String shown(Value v) {
    Value.QuantityV q = (Value.QuantityV) v;
    return q.ranged() ? QuantityFormat.brief(q.quantity()) : QuantityFormat.format(q.quantity());
  }

  private static Quantity quantity(Value v) {
    return ((Value.QuantityV) v).quantity();
  }

  /**
   * The margin of one link {@code a op b}. It is measured against the limit, the side that is not
   * an estimate (has no 80% range), and said in its unit, so {@code fps(m, d) > 400 fps} and {@code
   * 400 fps < fps(m, d)} agree; when both sides are estimates, the limit is the side that must be
   * the larger ({@code b} in {@code a < b} and in {@code b > a}), which again does not depend on
   * the order they are written in. Between two plain facts the limit is the number written out
   * ({@code leftLiteral}: the left side is one and the right is not), so {@code 8 GB <=
   * iphone_15_pro.ram} and {@code iphone_15_pro.ram >= 8 GB} agree; else it is the right side,
   * where a requirement is written.
   */
  private static Margin link(Value a, Value b, Expr.CompareOp op, boolean leftLiteral) {
    if (!(a instanceof Value.QuantityV l)
        || !(b instanceof Value.QuantityV r)
        || op == Expr.CompareOp.EQ
        || op == Expr.CompareOp.NE) {
      return Margin.NONE;
    }
    double x = l.quantity().value();
    double y = r.quantity().value();
    if (!Double.isFinite(x) || !Double.isFinite(y)) {
      return Margin.NONE;
    }
    boolean upper = op == Expr.CompareOp.LT || op == Expr.CompareOp.LE;
    Value.QuantityV limit =
        l.ranged() && r.ranged()
            ? (upper ? r : l)
            : l.ranged() || !r.ranged() && !leftLiteral ? r : l;
    // figures equal to the digits shown leave nothing to spare (Expr.CompareOp#sameFigure)
    double gap = Expr.CompareOp.sameFigure(x, y) ? 0 : upper ? y - x : x - y;
    double base = limit.quantity().value();
    Quantity gapQuantity =
        new Quantity(gap, limit.quantity().dimension(), limit.quantity().displayUnit());
    String gapText =
        QuantityFormat.format(
            new Quantity(
                Math.abs(gap), limit.quantity().dimension(), limit.quantity().displayUnit()));
    // against a limit of zero the gap has no relative size: it is said without one
    double fraction = base == 0 ? Double.NaN : gap / Math.abs(base);
    if (!Double.isFinite(gap) || base != 0 && !Double.isFinite(fraction * 100)) {
      return Margin.NONE; // a limit like 1e-320 ms leaves no meaningful relative margin
    }
    String pct = base == 0 ? "" : " (" + QuantityFormat.percent(Math.abs(fraction)) + ")";
    String text =
        gap == 0
            ? "equal, no margin"
            : gap > 0 ? gapText + " to spare" + pct : gapText + (upper ? " over" : " short") + pct;
    String caveat = pessimistic(l, r, op);
    return new Margin(
        true, gapQuantity, fraction, caveat.isEmpty() ? text : text + "; but " + caveat, caveat);
  }

  /**
   * A comparison that holds at the estimates but not at the pessimistic end of their 80% ranges
   * (the high end of what must stay below, the low end of what must stay above) says so: that is
   * the case a user should not ship on. Between two estimates the ends are not compared: the cost
   * model's error is largely shared by both sides (the same model, device or unit setting), so
   * one's high end against the other's low end would overstate the risk; the check says only that
   * the ranges overlap. Empty when it holds at the pessimistic end too, or does not hold at all.
   */
  static String pessimistic(Value.QuantityV l, Value.QuantityV r, Expr.CompareOp op) {
    if (!l.ranged() && !r.ranged() || !op.holds(l.quantity().value(), r.quantity().value())) {
      return "";
    }
    boolean upper = op == Expr.CompareOp.LT || op == Expr.CompareOp.LE;
    Quantity a = !l.ranged() ? l.quantity() : upper ? l.high() : l.low();
    Quantity b = !r.ranged() ? r.quantity() : upper ? r.low() : r.high();
    if (op.holds(a.value(), b.value())) {
      return "";
    }
    if (l.ranged() && r.ranged()) {
      return "the two 80% ranges overlap: the order rests on the estimates, whose error both sides"
          + " share";
    }
    // the estimate first, so both orders of the sides say the same words; its end in the unit of
    // the limit, so "31720.8 us is not < 30 ms" never asks the reader to convert
    boolean estimateFirst = l.ranged();
    Quantity limit = estimateFirst ? b : a;
    Quantity end = (estimateFirst ? a : b).withDisplayUnit(limit.displayUnit());
    return "not at the pessimistic end of the 80% range: "
        + QuantityFormat.format(end)
        + " is not "
        + (estimateFirst ? op : turned(op)).symbol
        + " "
        + QuantityFormat.format(limit);
  }

  /** The operator with its sides swapped: {@code a < b} is {@code b > a}. */
  private static Expr.CompareOp turned(Expr.CompareOp op) {
    return switch (op) {
      case LT -> Expr.CompareOp.GT;
      case LE -> Expr.CompareOp.GE;
      case GT -> Expr.CompareOp.LT;
      case GE -> Expr.CompareOp.LE;
      case EQ, NE -> op;
    };
  }

  /** What limits an estimate or a pipeline. */
  static String dominated(Breakdown b, boolean memory) {
    return b instanceof PipelineEstimate p
        ? dominated(p, memory)
        : dominated((Prediction) b, memory);
  }

  /**
   * The stages' shares for memory checks; else the busiest unit and the time stages queued for
   * units.
   */
  private static String dominated(PipelineEstimate p, boolean memory) {
    var out = new StringBuilder();
    if (memory) {
      for (Prediction s : p.stages()) {
        out.append(out.length() == 0 ? "" : ", ")
            .append(s.label())
            .append(' ')
            .append(bytes(s.memoryBytes()));
      }
      return out.append(" of ").append(bytes(p.memoryBytes())).toString();
    }
    Map<ComputeUnit, Double> units = p.timePerUnit();
    units.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .ifPresent(
            u ->
                out.append("busiest unit: ")
                    .append(u.getKey().title())
                    .append(", ")
                    .append(pct(u.getValue(), p.warmLatency()))
                    .append(" of the time"));
    if (p.waited() > 0) {
      out.append("; stages waited ")
          .append(QuantityFormat.format(Quantity.of(p.waited(), Dimensions.TIME)))
          .append(" for a shared unit");
    }
    return out.toString();
  }

  /**
   * What limits an estimate: bound, main unit, fallbacks; or the memory breakdown for memory
   * checks.
   */
  private static String dominated(Prediction est, boolean memory) {
    if (memory) {
      // the parts explain shows, from the one list: the KV cache with its copy when passed in and
      // out
      var m = est.memory();
      var parts = new StringJoiner(", ", "", " of " + bytes(m.total()));
      m.shown().forEach(part -> parts.add(part.label() + " " + bytes(part.bytes())));
      return parts.toString();
    }
    double total = est.warmLatency();
    Map<Bound, Double> bounds = est.timePerBound();
    Bound main =
        bounds.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(Bound.COMPUTE);
    Map<ComputeUnit, Double> units = est.timePerUnit();
    ComputeUnit unit =
        units.entrySet().stream()
            .max(Map.Entry.comparingByValue())
            .map(Map.Entry::getKey)
            .orElse(ComputeUnit.CPU);
    var out =
        new StringBuilder(
            main.key()
                + "-bound ("
                + pct(bounds.get(main), total)
                + " of the time), mostly on the "
                + unit.title());
    List<LayerCost> fallbacks = est.fallbacks();
    if (!fallbacks.isEmpty()) {
      out.append("; ")
          .append(fallbacks.size())
          .append(fallbacks.size() == 1 ? " layer fell back" : " layers fell back")
          .append(" (")
          .append(fallbacks.get(0).reason())
          .append(')');
    }
    if (est.switches() > 0) {
      out.append("; ")
          .append(est.switches())
          .append(est.switches() == 1 ? " unit switch" : " unit switches");
    }
    if (est.thermalFactor() < 1) {
      out.append("; thermal factor ").append(QuantityFormat.percent(est.thermalFactor()));
    }
    return out.toString();
  }

  private static String pct(Double part, double total) {
    return QuantityFormat.percent(part == null || total == 0 ? 0 : part / total);
  }

  private static String bytes(double b) {
    return QuantityFormat.format(Quantity.of(b, Dimensions.BYTES));
  }
}
