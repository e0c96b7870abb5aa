package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Dimensions;
import dev.devq.query.check.Builtin;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a top-level boolean into a check. Every boolean statement is one, whatever its form: a
 * comparison reports both sides and the margin, a quantifier its counterexamples or witness, and
 * anything else ({@code and}, {@code not}, a call) its verdict.
 */
final class Checks {
  private Checks() {}

  static Outcome.Check of(TypedExpr typed, String label, Span statement, Evaluator ev) {
    Span at = label.isEmpty() ? typed.span() : statement;
    if (typed instanceof TypedExpr.Compare cmp) {
      return comparison(cmp, label, at, ev);
    }
    if (typed instanceof TypedExpr.Quantifier q) {
      return quantified(q, label, at, ev);
    }
    Value v = ev.eval(typed);
    if (v instanceof Value.CannotRunV refused) {
      // 'not (latency(m, d) > 1s)' of a model that cannot run fails, saying why
      return Outcome.Check.verdict(
          at,
          label,
          false,
          "cannot run: " + refused.why().reason(),
          Outcome.Cases.NONE,
          leftOut(ev, List.of(v)));
    }
    boolean pass = ev.bool(v, typed.span());
    String because =
        !pass && typed instanceof TypedExpr.Call call && call.function() == Builtin.SUPPORTED
            ? Lookups.unsupportedBecause(ev, call)
            : "";
    return Outcome.Check.verdict(at, label, pass, because, Outcome.Cases.NONE, ev.leftOut());
  }

  private static Outcome.Check comparison(
      TypedExpr.Compare cmp, String label, Span at, Evaluator ev) {
    Sides sides = sides(cmp, ev);
    String dominated = "";
    List<Breakdown> trace = ev.trace();
    Value.CannotRunV refused = refused(sides.operands());
    if (refused != null) {
      dominated = "cannot run: " + refused.why().reason();
    } else if (!sides.pass() && !trace.isEmpty()) {
      boolean memory =
          sides.operands().get(0) instanceof Value.QuantityV q
              && q.quantity().dimension().equals(Dimensions.BYTES);
      dominated = CheckReport.dominated(trace.get(0), memory);
    }
    return new Outcome.Check(
        at,
        label,
        sides.pass(),
        sides.operands(),
        cmp.ops(),
        CheckReport.margin(sides.operands(), cmp.ops()),
        dominated,
        Outcome.Cases.NONE,
        leftOut(ev, sides.operands()));
  }

  /** The first side that cannot run, or null. */
  private static Value.CannotRunV refused(List<Value> operands) {
    return operands.stream()
        .filter(Value.CannotRunV.class::isInstance)
        .map(Value.CannotRunV.class::cast)
        .findFirst()
        .orElse(null);
  }

  /** What the statement left out because it cannot run, but for what {@code shown} names. */
  private static List<LeftOut> leftOut(Evaluator ev, List<Value> shown) {
    List<LeftOut> out = new ArrayList<>(ev.leftOut());
    for (Value v : shown) {
      if (v instanceof Value.CannotRunV r) {
        out.remove(new LeftOut.Refused(r.why()));
      }
    }
    return out;
  }

  /**
   * Evaluates the body for every item (no short cut), so a failing {@code all} names all its
   * counterexamples and a passing {@code any} its first witness. An item whose answer is unknown
   * (its body fails for that item alone, as a table's cell does, or compares a value no source
   * gives) is neither: over true, false and unknown, {@code all} is false if any item is false,
   * else unknown if any is unknown, and {@code any} true if any item is true, else unknown if any
   * is unknown. A check passes only when the answer is true, so an unknown one fails and names its
   * unknown items. A failure every item shares is the query's error ({@link SharedFailure}).
   */
  private static Outcome.Check quantified(
      TypedExpr.Quantifier q, String label, Span at, Evaluator ev) {
    boolean all = q.kind() == Expr.QuantifierKind.ALL;
    List<Outcome.Case> decisive = new ArrayList<>();
    List<Outcome.Case> unknown = new ArrayList<>();
    SharedFailure failures = new SharedFailure();
    int tested = 0;
    for (Value item : ev.list(ev.eval(q.source()), q.source().span())) {
      if (!ev.passes(q.var(), item, q.filter())) {
        continue;
      }
      tested++;
      Outcome.Case c = itemCase(q.body(), item, ev.with(q.var(), item), failures);
      if (!c.known()) {
        unknown.add(c);
      } else if (all ? !c.pass() : c.pass() && decisive.isEmpty()) {
        decisive.add(c);
      }
    }
    failures.rethrow();
    boolean pass = all ? decisive.isEmpty() && unknown.isEmpty() : !decisive.isEmpty();
    List<Value> shown = new ArrayList<>();
    decisive.forEach(c -> shown.addAll(c.operands()));
    return Outcome.Check.verdict(
        at,
        label,
        pass,
        "",
        new Outcome.Cases(true, q.kind(), tested, decisive, unknown),
        leftOut(ev, shown));
  }

  /**
   * One item's case, or why its answer is unknown when its body needs a fact no profile gives for
   * it. Any other failure is bad input (a part the SoC does not have, a duty cycle past the device)
   * and stays the query's error: a gate must not turn a mistake into a soft "unknown".
   */
  private static Outcome.Case itemCase(
      TypedExpr body, Value item, Evaluator ev, SharedFailure failures) {
    try {
      Outcome.Case c = knownCase(body, item, ev);
      failures.passed();
      return c;
    } catch (DevqException ex) {
      if (ex.diagnostic().code() != DiagnosticCode.UNKNOWN_FACT) {
        throw ex;
      }
      failures.failed(ex);
      return Outcome.Case.unknown(item, ex.diagnostic().brief());
    }
  }

  private static Outcome.Case knownCase(TypedExpr body, Value item, Evaluator ev) {
    if (body instanceof TypedExpr.Compare cmp) {
      List<Value> operands = new ArrayList<>();
      for (TypedExpr operand : cmp.operands()) {
        Value v = ev.eval(operand);
        if (v instanceof Value.QuantityV unknown && Double.isNaN(unknown.quantity().value())) {
          // a fact no source gives compares neither way: "unknown < 1 Wh" was a counterexample
          return Outcome.Case.unknown(item, ev.source().slice(operand.span()) + " is unknown");
        }
        operands.add(v);
      }
      Sides sides = sides(cmp, operands, ev);
      return new Outcome.Case(
          item,
          sides.pass(),
          sides.operands(),
          cmp.ops(),
          CheckReport.margin(sides.operands(), cmp.ops()));
    }
    Value v = ev.eval(body);
    if (v instanceof Value.CannotRunV) {
      // named as its own side, so the counterexample says why
      return new Outcome.Case(item, false, List.of(v), List.of(), Margin.NONE);
    }
    boolean pass = ev.bool(v, body.span());
    if (!pass && body instanceof TypedExpr.Call call && call.function() == Builtin.SUPPORTED) {
      String why = Lookups.unknownSupport(ev, call);
      if (!why.isEmpty()) {
        return Outcome.Case.unknown(item, why);
      }
    }
    return new Outcome.Case(item, pass, List.of(), List.of(), Margin.NONE);
  }

  private record Sides(List<Value> operands, boolean pass) {}

  private static Sides sides(TypedExpr.Compare cmp, Evaluator ev) {
    List<Value> operands = new ArrayList<>();
    for (TypedExpr operand : cmp.operands()) {
      operands.add(ev.eval(operand));
    }
    return sides(cmp, operands, ev);
  }

  private static Sides sides(TypedExpr.Compare cmp, List<Value> operands, Evaluator ev) {
    boolean pass = true;
    for (int i = 0; i < cmp.ops().size() && pass; i++) {
      pass =
          Arithmetic.compare(
              ev, operands.get(i), operands.get(i + 1), cmp.ops().get(i), cmp.opSpans().get(i));
    }
    return new Sides(operands, pass);
  }
}
