package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimensions;
import dev.devq.query.check.Builtin;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a top-level boolean into a check. Every boolean statement is one, whatever its form: a
 * comparison reports both sides and the margin, a quantifier its counterexamples or witness, and
 * anything else ({@code and}, {@code not}, a call) its verdict. A check passes only when its answer
 * is true ({@link Truth}): an unknown answer fails and says why ("unknown: d.battery_wh is
 * unknown").
 */
final class Checks {
  private Checks() {}

  /** A check and the truth it read ({@link Value.BoolV#vacuous} for {@link VacuousChecks}). */
  record Checked(Outcome.Check check, Value.BoolV answer) {}

  static Checked of(TypedExpr typed, String label, Span statement, Evaluator ev) {
    Span at = label.isEmpty() ? typed.span() : statement;
    if (typed instanceof TypedExpr.Compare cmp) {
      Value.BoolV holds = compare(cmp, ev);
      return new Checked(check(at, label, holds), holds);
    }
    if (typed instanceof TypedExpr.Quantifier q) {
      return quantified(q, label, at, ev);
    }
    Value v = ev.eval(typed);
    if (v instanceof Value.CannotRunV refused) {
      // 'not (latency(m, d) > 1s)' of a model that cannot run fails, saying why
      var no = new Value.BoolV(false);
      return new Checked(
          Outcome.Check.verdict(
              at,
              label,
              no,
              "cannot run: " + refused.why().reason(),
              Outcome.Cases.NONE,
              leftOut(ev, List.of(v))),
          no);
    }
    Value.BoolV holds = ev.truth(v, typed.span());
    if (typed instanceof TypedExpr.Var && holds.compared() != Comparison.NONE) {
      // a name bound to a comparison: its check is that comparison's, as the let evaluated it
      return new Checked(check(at, label, holds), holds);
    }
    String because =
        holds.truth() == Truth.FALSE
                && typed instanceof TypedExpr.Call call
                && call.function() == Builtin.SUPPORTED
            ? Lookups.unsupportedBecause(ev, call)
            : "";
    return new Checked(
        Outcome.Check.verdict(at, label, holds, because, Outcome.Cases.NONE, ev.leftOut()), holds);
  }

  /**
   * The value of {@code let name = <comparison>}: its truth with the comparison that decided it
   * ({@link Comparison}), so that a check of the name says what a check of the comparison would; a
   * side whose model cannot run gives "cannot run", as evaluating the comparison does.
   */
  static Value bound(TypedExpr.Compare cmp, Evaluator ev) {
    Value.BoolV holds = compare(cmp, ev);
    // decided link by link as the comparison written out is: a false link before a side that
    // cannot run makes it false, not "cannot run" ('not x' must answer as 'not (a < b < c)')
    Value inline = Arithmetic.linked(ev, cmp, holds.compared().operands()::get);
    return inline instanceof Value.CannotRunV refused ? refused : holds;
  }

  /**
   * A comparison as a check reads it: every side evaluated, its truth, margin, and on failure what
   * dominated (the first estimate's bound, or why its model cannot run).
   */
  private static Value.BoolV compare(TypedExpr.Compare cmp, Evaluator ev) {
    Sides sides = sides(cmp, ev);
    String dominated = "";
    List<Breakdown> trace = ev.trace();
    Value.CannotRunV refused = Arithmetic.refusedIn(sides.operands());
    if (refused != null) {
      dominated = "cannot run: " + refused.why().reason();
    } else if (sides.holds().truth() == Truth.FALSE && !trace.isEmpty()) {
      boolean memory =
          sides.operands().get(0) instanceof Value.QuantityV q
              && q.quantity().dimension().equals(Dimensions.BYTES);
      dominated = CheckReport.dominated(trace.get(0), memory);
    }
    return sides
        .holds()
        .comparedBy(
            new Comparison(
                sides.operands(),
                cmp.ops(),
                CheckReport.margin(sides.operands(), cmp),
                dominated,
                leftOut(ev, sides.operands())));
  }

  /** The check of a truth a comparison decided, at {@code at}. */
  private static Outcome.Check check(Span at, String label, Value.BoolV holds) {
    Comparison c = holds.compared();
    return new Outcome.Check(
        at,
        label,
        holds.isTrue(),
        c.operands(),
        c.ops(),
        c.margin(),
        c.dominated(),
        holds.why(),
        Outcome.Cases.NONE,
        c.leftOut());
  }

  /** What the statement left out because it cannot run, but for what {@code shown} names. */
  private static List<LeftOut> leftOut(Evaluator ev, List<Value> shown) {
    List<LeftOut> out = new ArrayList<>(ev.leftOut());
    for (Value v : shown) {
      Value.CannotRunV r = Arithmetic.refusedIn(List.of(v));
      if (r != null) {
        out.remove(new LeftOut.Refused(r.why()));
      }
    }
    return out;
  }

  /**
   * A quantified check asks every item ({@link Quantified}), so a failing {@code all} names all its
   * counterexamples and a passing {@code any} its first witness. It passes only when the answer is
   * true: an unknown one fails and names its unknown items.
   */
  private static Checked quantified(TypedExpr.Quantifier q, String label, Span at, Evaluator ev) {
    Quantified.Answer a = Quantified.over(ev, q, true);
    List<Value> shown = new ArrayList<>();
    a.decisive().forEach(c -> shown.addAll(c.operands()));
    a.onlyAtEstimate().forEach(c -> shown.addAll(c.operands()));
    Value.BoolV verdict = a.verdict();
    Outcome.Check check =
        Outcome.Check.verdict(
            at,
            label,
            verdict,
            "",
            new Outcome.Cases(
                true,
                q.kind(),
                !q.filter().isEmpty(),
                a.tested(),
                a.decisive(),
                a.unknown(),
                a.onlyAtEstimate(),
                a.outOfScope()),
            leftOut(ev, shown));
    return new Checked(check, verdict);
  }

  private record Sides(List<Value> operands, Value.BoolV holds) {}

  private static Sides sides(TypedExpr.Compare cmp, Evaluator ev) {
    List<Value> operands = new ArrayList<>();
    for (TypedExpr operand : cmp.operands()) {
      operands.add(ev.eval(operand));
    }
    return new Sides(operands, Arithmetic.chain(ev, cmp, operands));
  }
}
