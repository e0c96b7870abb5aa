package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.Expr;
import dev.devq.query.check.TypedExpr;

/**
 * {@code and} and {@code or} over true, false and unknown ({@link Truth}, Kleene's logic). Two
 * values are unknown: a truth no source settles ({@link Value.BoolV} unknown: a comparison with a
 * fact no source gives, {@code supported()} of an untested op), and "cannot run" (a comparison with
 * an estimate of a model that does not fit, {@link Value.CannotRunV}). {@code x and false} is false
 * and {@code x or true} is true whatever x is; anything else with an unknown side stays that side
 * (the left one first, so its reason is the one said), and {@code not} keeps it. So no negation or
 * disjunction can turn what nobody knows into a passing check.
 */
final class Logic {
  private Logic() {}

  static Value andOr(Evaluator ev, TypedExpr.Binary e) {
    boolean and = e.op() == Expr.BinaryOp.AND;
    Value left = ev.eval(e.left());
    Value.BoolV l = left instanceof Value.CannotRunV ? null : ev.truth(left, e.left().span());
    if (l != null && l.truth().decides(and)) {
      // false and …, true or …: the right side is not evaluated, unless the left decides only
      // by a quantifier over nothing
      return l.sturdy() ? l.plain() : alsoDecidedBy(ev, and, l, e.right());
    }
    Value right = ev.eval(e.right());
    Value.BoolV r = right instanceof Value.CannotRunV ? null : ev.truth(right, e.right().span());
    if (r != null && r.truth().decides(and)) {
      return r.plain();
    }
    // neither side decides: an unknown side makes the answer unknown, the left one first; the
    // answer is no comparison, whichever side it is
    if (l == null || !l.known()) {
      return l == null ? left : l.plain();
    }
    if (r == null) {
      return right;
    }
    return and ? l.and(r) : l.or(r); // both true (false): it rests on what both rest on
  }

  /**
   * The answer {@code l} decided by a quantifier over nothing ({@link Value.BoolV#vacuous}), when
   * the side it would skip decides it too: evaluated aside, so that a check whose right side holds
   * it is not warned of ({@code (all d in devices where d.year > 2099: …) or 1 < 2}). The answer is
   * {@code l}'s whatever the right side is, so what it leaves out is not noted and an error in it,
   * which the short circuit would never have met, only leaves {@code l} as it is.
   */
  private static Value.BoolV alsoDecidedBy(
      Evaluator ev, boolean and, Value.BoolV l, TypedExpr side) {
    Value right;
    try {
      right = ev.collecting(new java.util.HashSet<>(), () -> ev.eval(side));
    } catch (DevqException ignored) {
      return l.plain();
    }
    if (right instanceof Value.BoolV r && r.truth() == l.truth()) {
      return and ? l.and(r) : l.or(r);
    }
    return l.plain();
  }
}
