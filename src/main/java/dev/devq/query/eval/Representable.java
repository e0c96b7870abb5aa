package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.NumberRange;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.Unit;
import dev.devq.query.check.TypedExpr;

/**
 * devq never answers with infinity or a silent 0: a value a double cannot hold is an error at the
 * node that made it, too large (it overflows to infinity) or too small (it underflows to 0, or
 * below the smallest normal double keeps only some of its digits on the way: 1e-300 / 1e10).
 */
final class Representable {
  private Representable() {}

  /**
   * The number {@code arg} gives where one is needed to go on (a duration, a rate, a bit width, a
   * model's parameter, a batch): "cannot run" is an error saying why ({@link Estimates#noNumber}),
   * and a fact no source gives is {@code error[UNKNOWN_FACT]} at the argument, which a quantifier
   * turns into an unknown item ({@link Truth#unknownBecause}), never a figure or a crash; an end of
   * an 80% range the estimate lacks says why in a note. A value of another dimension is an error at
   * the argument.
   */
  static Quantity number(Evaluator ev, TypedExpr arg, Dimension expected) {
    return number(ev, ev.eval(arg), arg, expected);
  }

  /**
   * {@link #number(Evaluator, TypedExpr, Dimension)} of {@code v}, the value {@code arg} gave, of
   * the dimension {@code expected} ({@link LateTypes#quantity}).
   */
  static Quantity number(Evaluator ev, Value v, TypedExpr arg, Dimension expected) {
    Quantity q = LateTypes.quantity(ev, v, arg.span(), expected);
    if (Double.isNaN(q.value())) {
      // an end of an 80% range the estimate does not have says why it has none, as everywhere
      // else, so the error (and a quantifier's unknown item) is not a bare "is unknown"
      var outside = v instanceof Value.QuantityV qv ? qv.outOfScope() : null;
      throw ev.fail(
          DiagnosticCode.UNKNOWN_FACT,
          ev.source().slice(arg.span()) + " is unknown, and a number is needed here",
          arg.span(),
          outside == null ? "" : outside.endUnknown());
    }
    return q;
  }

  /** Throws when a node's value, or an end of its 80% range, overflowed or underflowed. */
  static void check(Evaluator ev, Value v, Span at) {
    if (!(v instanceof Value.QuantityV q)) {
      return;
    }
    check(ev, q.quantity().value(), at);
    if (q.ranged()) {
      check(ev, q.low().value(), at);
      check(ev, q.high().value(), at);
    }
  }

  private static void check(Evaluator ev, double x, Span at) {
    if (Double.isInfinite(x)) {
      throw ev.fail(
          DiagnosticCode.NOT_FINITE,
          "this value is too large to represent (it overflows to infinity)",
          at,
          "check the magnitudes of the numbers it is made of");
    }
    if (NumberRange.subnormal(x)) {
      throw underflow(ev, at);
    }
  }

  /**
   * Throws when a quantity, or an end of its 80% range, finite in base units, is not once written
   * in {@code unit}: 1e308 ms in µs overflows, 1e-305 s in h was shown as 0 h.
   */
  static void inUnit(Evaluator ev, Value v, Unit unit, String written, Span at) {
    Value.QuantityV q = (Value.QuantityV) v;
    inUnit(ev, q.quantity().value(), unit, written, at);
    if (q.ranged()) {
      inUnit(ev, q.low().value(), unit, written, at);
      inUnit(ev, q.high().value(), unit, written, at);
    }
  }

  private static void inUnit(Evaluator ev, double base, Unit unit, String written, Span at) {
    double x = base / unit.factor();
    if (Double.isInfinite(x)) {
      throw ev.fail(
          DiagnosticCode.NOT_FINITE,
          "this value is too large to write in " + written + " (it overflows to infinity)",
          at,
          "convert it to a larger unit");
    }
    if (base != 0 && (x == 0 || NumberRange.subnormal(x))) {
      throw ev.fail(
          DiagnosticCode.BAD_VALUE,
          "this value is too small to write in " + written + " (it underflows to 0)",
          at,
          "convert it to a smaller unit");
    }
  }

  /** A product or quotient of numbers other than 0 that came out 0. */
  static DevqException underflow(Evaluator ev, Span at) {
    return ev.fail(
        DiagnosticCode.BAD_VALUE,
        "this value is too small to represent (it underflows to 0)",
        at,
        "check the magnitudes of the numbers it is made of");
  }
}
