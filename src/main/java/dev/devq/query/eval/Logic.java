package dev.devq.query.eval;

import dev.devq.lang.Expr;
import dev.devq.query.check.TypedExpr;

/**
 * {@code and} and {@code or} over three values: true, false and "cannot run" (a comparison with an
 * estimate of a model that does not fit, {@link Value.CannotRunV}). "Cannot run" is unknown in
 * Kleene's sense: {@code x and false} is false and {@code x or true} is true whatever x is,
 * anything else stays "cannot run", and {@code not} keeps it. So no negation or disjunction can
 * turn a model that cannot run into a passing check; a filter, a quantifier or a check reads it as
 * false ({@link Evaluator#bool}).
 */
final class Logic {
  private Logic() {}

  static Value andOr(Evaluator ev, TypedExpr.Binary e) {
    boolean and = e.op() == Expr.BinaryOp.AND;
    Value left = ev.eval(e.left());
    if (!(left instanceof Value.CannotRunV)) {
      boolean l = ev.bool(left, e.left().span());
      if (and != l) {
        return new Value.BoolV(l); // false and …, true or …: the right side is not evaluated
      }
    }
    Value right = ev.eval(e.right());
    if (right instanceof Value.CannotRunV) {
      return left instanceof Value.CannotRunV ? left : right;
    }
    boolean r = ev.bool(right, e.right().span());
    if (left instanceof Value.CannotRunV) {
      return and == r ? left : new Value.BoolV(r);
    }
    return new Value.BoolV(r);
  }
}
