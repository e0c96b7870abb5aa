package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Span;
import dev.devq.lang.unit.NumberRange;
import dev.devq.lang.unit.Unit;

/**
 * devq never answers with infinity or a silent 0: a value a double cannot hold is an error at the
 * node that made it, too large (it overflows to infinity) or too small (it underflows to 0, or
 * below the smallest normal double keeps only some of its digits on the way: 1e-300 / 1e10).
 */
final class Representable {
  private Representable() {}

  /** Throws when a node's value overflowed or underflowed. */
  static void check(Evaluator ev, Value v, Span at) {
    if (!(v instanceof Value.QuantityV q)) {
      return;
    }
    double x = q.quantity().value();
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
   * Throws when {@code base}, finite in base units, is not once written in {@code unit}: 1e308 ms
   * in µs overflows, 1e-305 s in h was shown as 0 h.
   */
  static void inUnit(Evaluator ev, double base, Unit unit, String written, Span at) {
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
