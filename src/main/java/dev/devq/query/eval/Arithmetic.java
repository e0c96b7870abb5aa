package dev.devq.query.eval;

import dev.devq.cost.Thermal;
import dev.devq.cost.ThermalState;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.check.TypedExpr;
import java.util.List;
import java.util.function.IntFunction;

/** Arithmetic and comparison on values whose dimensions the checker already matched. */
final class Arithmetic {
  private Arithmetic() {}

  /**
   * {@code left op right}, keeping the 80% range of an estimate combined with an exact quantity:
   * {@code latency(m, d) * 102%}, {@code latency(m, d) + 1 ms} and {@code 1 s / latency(m, d)} are
   * as uncertain as the estimate, so their ends are the estimate's ends put through the same
   * operation (turned around by a negative factor or a division into it). Two estimates together
   * give a plain quantity: how much their errors cancel is not known. Either side's caveats stay
   * ({@link Caveat}): a latency doubled still needs the entitlement its model needs.
   */
  static Value.QuantityV apply(
      Evaluator ev, TypedExpr.Binary e, Value left, Quantity l, Value right, Quantity r) {
    Value.QuantityV result = ranged(e.op(), apply(ev, e, l, r), left, l, right, r);
    return (Value.QuantityV) Value.QuantityV.keeping(result, left, right);
  }

  /**
   * {@code -v}: the same operation as {@code v * -1}, so a negated estimate keeps its range turned
   * around ({@code .low} stays the lower end) exactly as the product does.
   */
  static Value.QuantityV negate(Value.QuantityV v) {
    Quantity minusOne = Quantity.number(-1);
    Value.QuantityV product =
        ranged(
            Expr.BinaryOp.MUL,
            v.quantity().times(minusOne),
            v,
            v.quantity(),
            new Value.QuantityV(minusOne),
            minusOne);
    // a product drops a '%' (50% * 2 is 1, not 100%), but -50% is still read in percent
    String unit = v.quantity().displayUnit();
    Quantity figure = product.quantity().withDisplayUnit(unit);
    Value.QuantityV negated =
        product.ranged()
            ? new Value.QuantityV(
                figure,
                product.low().withDisplayUnit(unit),
                product.high().withDisplayUnit(unit),
                product.allowsFor())
            : Value.QuantityV.outside(figure, product.outOfScope());
    return negated.withCaveats(v.caveats());
  }

  /** {@code result}, the checked {@code l op r}, with the range {@link #apply} describes. */
  private static Value.QuantityV ranged(
      Expr.BinaryOp op, Quantity result, Value left, Quantity l, Value right, Quantity r) {
    dev.devq.cost.OutOfScope outside =
        Double.isNaN(result.value()) ? unknownFor(left, right) : outOfScope(left, right);
    if (Double.isNaN(result.value())) {
      return Value.QuantityV.outside(result, outside);
    }
    if (outside != null) {
      // an estimate outside its fit's scope is no exact figure: what comes of it has no range
      // either, and rests on the same extrapolation
      return Value.QuantityV.outside(result, outside);
    }
    Value.QuantityV a = left instanceof Value.QuantityV q && q.ranged() ? q : null;
    Value.QuantityV b = right instanceof Value.QuantityV q && q.ranged() ? q : null;
    if ((a == null) == (b == null)
        || b != null && op == Expr.BinaryOp.DIV && spansZero(b.low(), b.high())) {
      // a divisor whose range reaches zero leaves no finite range to give
      return new Value.QuantityV(result);
    }
    Quantity one = a != null ? end(op, a.low(), r) : end(op, l, b.low());
    Quantity other = a != null ? end(op, a.high(), r) : end(op, l, b.high());
    Quantity low = one.value() <= other.value() ? one : other;
    Quantity high = low == one ? other : one;
    if (low.value() == high.value()
        || !(low.value() <= result.value() && result.value() <= high.value())
        || !Double.isFinite(low.value())
        || !Double.isFinite(high.value())) {
      // times zero (nothing uncertain is left), or an end past what a double holds
      return new Value.QuantityV(result);
    }
    // the ends are the estimate's, so they allow for what the estimate's allow for
    return new Value.QuantityV(result, low, high, (a != null ? a : b).allowsFor());
  }

  /** Why the first of the sides that lies outside its fit's scope does, or null. */
  private static dev.devq.cost.OutOfScope outOfScope(Value left, Value right) {
    for (Value v : List.of(left, right)) {
      if (v instanceof Value.QuantityV q && q.outOfScope() != null) {
        return q.outOfScope();
      }
    }
    return null;
  }

  /**
   * Why an unknown result is unknown for want of a range: that of its first unknown side when that
   * side is an end of a range an estimate does not have, else null (a fact no source gives, which
   * no range would have made known).
   */
  private static dev.devq.cost.OutOfScope unknownFor(Value left, Value right) {
    for (Value v : List.of(left, right)) {
      if (v instanceof Value.QuantityV q && Double.isNaN(q.quantity().value())) {
        return q.outOfScope();
      }
    }
    return outOfScope(left, right);
  }

  /**
   * {@code l op r} without the checks of {@link #apply}: a range's ends, whose figure has passed
   * them, and the figure itself once checked.
   */
  private static Quantity end(Expr.BinaryOp op, Quantity l, Quantity r) {
    return switch (op) {
      case ADD -> l.plus(r);
      case SUB -> l.minus(r);
      case MUL -> l.times(r);
      case DIV -> l.dividedBy(r);
      default -> throw new IllegalStateException("logical operators are handled by the evaluator");
    };
  }

  private static boolean spansZero(Quantity low, Quantity high) {
    return low.value() <= 0 && high.value() >= 0;
  }

  static Quantity apply(Evaluator ev, TypedExpr.Binary e, Quantity l, Quantity r) {
    if ((e.op() == Expr.BinaryOp.ADD || e.op() == Expr.BinaryOp.SUB)
        && !l.dimension().equals(r.dimension())) {
      // only values whose type the checker could not know (a budget named by a variable) get here
      throw mismatch(ev, l, r, e.opSpan());
    }
    if (e.op() == Expr.BinaryOp.DIV && r.value() == 0) {
      throw ev.fail(DiagnosticCode.BAD_VALUE, "division by zero", e.right().span(), "");
    }
    Quantity result = end(e.op(), l, r);
    if (result.value() == 0
        && l.value() != 0
        && r.value() != 0
        && (e.op() == Expr.BinaryOp.MUL || e.op() == Expr.BinaryOp.DIV)) {
      // 1e-200 * 1e-200 is not 0: said as an overflow is, never answered as 0
      throw Representable.underflow(ev, e.span());
    }
    return result;
  }

  /**
   * Whether link {@code i} of the comparison {@code e}, {@code a op b}, holds. A side that cannot
   * run, or a list holding one, makes it false, whatever the operator: a model that does not fit
   * has no latency to compare, so it qualifies for nothing; the statement notes it as left out. A
   * side that is an unknown quantity or truth (a fact no source gives), or a list holding one,
   * makes it unknown ({@link Truth}), whatever the operator ({@code ==} and {@code !=} included),
   * so {@code not} cannot turn it into a pass. Figures compare as {@link Expr.CompareOp#holds}
   * says: those that differ only by rounding are equal.
   */
  static Value.BoolV compare(Evaluator ev, TypedExpr.Compare e, int i, Value a, Value b) {
    Expr.CompareOp op = e.ops().get(i);
    Span at = e.opSpans().get(i);
    Value.CannotRunV refused = refusedIn(List.of(a, b));
    if (refused != null) {
      ev.leftOut(refused);
      return new Value.BoolV(false);
    }
    if (a instanceof Value.QuantityV qa && b instanceof Value.QuantityV qb) {
      if (!qa.quantity().dimension().equals(qb.quantity().dimension())) {
        throw mismatch(ev, qa.quantity(), qb.quantity(), at);
      }
      if (Double.isNaN(qa.quantity().value()) || Double.isNaN(qb.quantity().value())) {
        boolean first = Double.isNaN(qa.quantity().value());
        TypedExpr unknown = e.operands().get(first ? i : i + 1);
        return Value.BoolV.unknown((first ? qa : qb).unknownWhy(ev.source().slice(unknown.span())));
      }
      refusePercentMisread(ev, e.operands().get(i + 1), qa.quantity());
      refusePercentMisread(ev, e.operands().get(i), qb.quantity());
      return new Value.BoolV(op.holds(qa.quantity().value(), qb.quantity().value()));
    }
    return switch (op) {
      case EQ -> equality(a, b);
      case NE -> equality(a, b).not();
      default ->
          throw ev.fail(DiagnosticCode.TYPE_MISMATCH, "only quantities can be ordered", at, "");
    };
  }

  /**
   * Refuses a plain number above 1 written against a percentage ({@code battery(m, d, 30fps, 1h) <
   * 5}, {@code resnet50.top1 > 70}): {@code %} is 0.01, so the check would compare with 500% or
   * 7000%, which no one means, and pass or fail on it. Said at the number; one up to 1 reads as the
   * fraction it is ({@code resnet50.top1 > 0.7}), and a number with a unit as written.
   */
  private static void refusePercentMisread(Evaluator ev, TypedExpr written, Quantity figure) {
    if ("%".equals(figure.displayUnit())
        && written instanceof TypedExpr.QuantityConst k
        && k.value().displayUnit().isEmpty()
        && Math.abs(k.value().value()) > 1) {
      String number = ev.source().slice(k.span()).strip();
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "a percentage compared with the plain number "
              + number
              + ", which is "
              + QuantityFormat.number(k.value().value() * 100, 6)
              + "%",
          k.span(),
          "write "
              + number
              + "% for a percentage; a plain number beside one is a fraction (0.7 is 70%)");
    }
  }

  /**
   * The first value that cannot run among {@code values}, each itself or an item of a list, or
   * null.
   */
  static Value.CannotRunV refusedIn(List<Value> values) {
    for (Value v : values) {
      if (v instanceof Value.CannotRunV r) {
        return r;
      }
      Value.CannotRunV inList = v instanceof Value.ListV list ? refusedIn(list.items()) : null;
      if (inList != null) {
        return inList;
      }
    }
    return null;
  }

  /**
   * A comparison's value, a chain's links in order: the first false link ends it (the operands
   * after it are not evaluated), and a side whose model cannot run makes the whole "cannot run",
   * neither true nor false: a filter or a check reads it as false, {@code not} keeps it ({@link
   * Logic}).
   */
  static Value comparison(Evaluator ev, TypedExpr.Compare e) {
    return linked(ev, e, i -> ev.eval(e.operands().get(i)));
  }

  /**
   * A chain {@code a < b < c} link by link, its {@code i}th operand from {@code operand} (evaluated
   * as it is reached, or read from a list already evaluated): the first link that cannot run
   * answers "cannot run", and a false link ends the chain before the operands after it are asked.
   */
  static Value linked(Evaluator ev, TypedExpr.Compare e, IntFunction<Value> operand) {
    Value previous = operand.apply(0);
    Value.BoolV holds = new Value.BoolV(true);
    for (int i = 0; i < e.ops().size() && holds.truth() != Truth.FALSE; i++) {
      Value next = operand.apply(i + 1);
      Value.CannotRunV refused = refusedIn(List.of(previous, next));
      if (refused != null) {
        return refused;
      }
      holds = holds.and(compare(ev, e, i, previous, next));
      previous = next;
    }
    return holds;
  }

  /**
   * A whole chain {@code a < b < c} over its operands' values: its links joined by {@code and}
   * ({@link Value.BoolV#and}), so one false link makes it false and otherwise an unknown one makes
   * it unknown. Links after a false one are not compared.
   */
  static Value.BoolV chain(Evaluator ev, TypedExpr.Compare e, List<Value> operands) {
    Value.BoolV result = new Value.BoolV(true);
    for (int i = 0; i < e.ops().size() && result.truth() != Truth.FALSE; i++) {
      result = result.and(compare(ev, e, i, operands.get(i), operands.get(i + 1)));
    }
    return result;
  }

  private static RuntimeException mismatch(Evaluator ev, Quantity l, Quantity r, Span at) {
    var units = dev.devq.lang.unit.UnitRegistry.standard();
    return ev.fail(
        DiagnosticCode.DIMENSION_MISMATCH,
        "cannot combine "
            + units.describe(l.dimension())
            + " with "
            + units.describe(r.dimension()),
        at,
        "");
  }

  /**
   * {@code a == b} in three values: unknown when a truth or quantity on either side is unknown (a
   * list item too), lists equal item by item, thermal states by what they stand for ({@code
   * throttled} is {@code serious}), entities and models by name.
   */
  private static Value.BoolV equality(Value a, Value b) {
    if (a instanceof Value.BoolV x && b instanceof Value.BoolV y) {
      if (!x.known() || !y.known()) {
        return x.known() ? y : x;
      }
      // a truth compared with another rests on what either rests on
      return new Value.BoolV(x.truth() == y.truth()).restingOn(x.vacuous()).restingOn(y.vacuous());
    }
    if (a instanceof Value.QuantityV x && b instanceof Value.QuantityV y) {
      double p = x.quantity().value();
      double q = y.quantity().value();
      if (Double.isNaN(p) || Double.isNaN(q)) {
        Value.QuantityV unknown = Double.isNaN(p) ? x : y;
        // an end of a missing range gives the reason a comparison with it gives (unknownWhy)
        return Value.BoolV.unknown(
            unknown.outOfScope() != null
                ? unknown.outOfScope().endUnknown()
                : "a figure no source gives");
      }
      return new Value.BoolV(
          x.quantity().dimension().equals(y.quantity().dimension())
              && Expr.CompareOp.sameFigure(p, q));
    }
    if (a instanceof Value.ListV x && b instanceof Value.ListV y) {
      if (x.items().size() != y.items().size()) {
        return new Value.BoolV(false);
      }
      Value.BoolV all = new Value.BoolV(true);
      for (int k = 0; k < x.items().size() && all.truth() != Truth.FALSE; k++) {
        all = all.and(equality(x.items().get(k), y.items().get(k)));
      }
      return all;
    }
    if (a instanceof Value.ThermalV x && b instanceof Value.ThermalV y) {
      return new Value.BoolV(canonical(x.thermal()).equals(canonical(y.thermal())));
    }
    if (a instanceof Value.EntityV x && b instanceof Value.EntityV y) {
      return new Value.BoolV(x.entity().id().equals(y.entity().id()));
    }
    if (a instanceof Value.ModelV x && b instanceof Value.ModelV y) {
      return new Value.BoolV(x.model().label().equals(y.model().label()));
    }
    return new Value.BoolV(a.equals(b));
  }

  /** {@code throttled} is another name of {@code serious} (ThermalState). */
  private static Thermal canonical(Thermal t) {
    return !t.afterLoad() && t.state() == ThermalState.THROTTLED
        ? Thermal.of(ThermalState.SERIOUS)
        : t;
  }
}
