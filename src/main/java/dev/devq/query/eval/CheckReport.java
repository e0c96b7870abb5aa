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
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/** Words for a check's result: the margin between its sides, and what dominated an estimate. */
final class CheckReport {
  private CheckReport() {}

  /** The margin of a comparison of two quantities; {@link Margin#NONE} otherwise. */
  static Margin margin(List<Value> operands, List<Expr.CompareOp> ops) {
    if (operands.size() != 2
        || !(operands.get(0) instanceof Value.QuantityV l)
        || !(operands.get(1) instanceof Value.QuantityV r)) {
      return Margin.NONE;
    }
    double a = l.quantity().value();
    double b = r.quantity().value();
    Expr.CompareOp op = ops.get(0);
    if (op == Expr.CompareOp.EQ
        || op == Expr.CompareOp.NE
        || !Double.isFinite(a)
        || !Double.isFinite(b)) {
      return Margin.NONE;
    }
    boolean upper = op == Expr.CompareOp.LT || op == Expr.CompareOp.LE;
    // figures equal to the digits shown leave nothing to spare (Expr.CompareOp#sameFigure)
    double gap = Expr.CompareOp.sameFigure(a, b) ? 0 : upper ? b - a : a - b;
    Quantity gapQuantity = new Quantity(gap, l.quantity().dimension(), l.quantity().displayUnit());
    String gapText =
        QuantityFormat.format(
            new Quantity(Math.abs(gap), l.quantity().dimension(), l.quantity().displayUnit()));
    // against a limit of zero the gap has no relative size: it is said without one
    double fraction = b == 0 ? Double.NaN : gap / Math.abs(b);
    if (!Double.isFinite(gap) || b != 0 && !Double.isFinite(fraction * 100)) {
      return Margin.NONE; // a limit like 1e-320 ms leaves no meaningful relative margin
    }
    String pct = b == 0 ? "" : " (" + QuantityFormat.percent(Math.abs(fraction)) + ")";
    String text =
        gap == 0
            ? "equal, no margin"
            : gap > 0 ? gapText + " to spare" + pct : gapText + (upper ? " over" : " short") + pct;
    return new Margin(true, gapQuantity, fraction, text + pessimistic(l, r, op));
  }

  /**
   * A comparison that holds at the estimates but not at the pessimistic end of their 80% ranges
   * (the high end of what must stay below, the low end of what must stay above) says so: that is
   * the case a user should not ship on. Between two estimates the ends are not compared: the cost
   * model's error is largely shared by both sides (the same model, device or unit setting), so
   * one's high end against the other's low end would overstate the risk; the check says only that
   * the ranges overlap.
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
      return "; but the two 80% ranges overlap: the order rests on the estimates, whose error"
          + " both sides share";
    }
    return "; but not at the pessimistic end of the 80% range: "
        + QuantityFormat.format(a)
        + " is not "
        + op.symbol
        + " "
        + QuantityFormat.format(b);
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
