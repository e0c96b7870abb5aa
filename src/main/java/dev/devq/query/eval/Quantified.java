package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.Expr;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule of {@code all} and {@code any}, for a check and for a quantifier inside an
 * expression ({@code not all …}, {@code a and any …}) alike. Each item's answer is true, false or
 * unknown: unknown when its body compares a fact no source gives, asks {@code supported()} where no
 * source settles the op, or needs a fact no profile gives for that item ({@code
 * error[UNKNOWN_FACT]}: a device without {@code battery_wh}). Any other failure of an item is bad
 * input and the query's error, even when one item of many fails. {@code all} joins the items with
 * {@link Truth#and} (false if an item is false, else unknown if one is unknown), {@code any} with
 * {@link Truth#or} (true if an item is true, else unknown if one is unknown). An item whose {@code
 * where} filter is unknown counts as {@code not P or Q} for {@code all} and {@code P and Q} for
 * {@code any}, so an item that might belong can never let a false {@code all} pass.
 */
final class Quantified {
  private Quantified() {}

  /**
   * The answer, carrying the reason of the first unknown item when it is unknown; {@code tested}
   * items were not filtered out, {@code decisive} are the counterexamples (a false {@code all}) or
   * the witness (a true {@code any}), {@code unknown} the items whose answer is unknown.
   */
  record Answer(
      Value.BoolV truth, int tested, List<Outcome.Case> decisive, List<Outcome.Case> unknown) {}

  /**
   * Asks every item when {@code everyItem} (a check names all its counterexamples), else stops at
   * the first item that decides (a false one for {@code all}, a true one for {@code any}).
   */
  static Answer over(Evaluator ev, TypedExpr.Quantifier q, boolean everyItem) {
    boolean all = q.kind() == Expr.QuantifierKind.ALL;
    Value.BoolV answer = new Value.BoolV(all);
    List<Outcome.Case> decisive = new ArrayList<>();
    List<Outcome.Case> unknown = new ArrayList<>();
    int tested = 0;
    for (Value item : ev.list(ev.eval(q.source()), q.source().span())) {
      Value.BoolV filter = Filters.passes(ev, q.var(), item, q.filter());
      if (filter.truth() == Truth.FALSE) {
        continue;
      }
      tested++;
      Outcome.Case c = filtered(q, filter, itemCase(q.body(), item, ev, q.var()), ev);
      Value.BoolV truth = truth(q.var(), c);
      answer = all ? answer.and(truth) : answer.or(truth);
      if (!c.known()) {
        unknown.add(c);
      } else if (truth.truth().decides(all) && (all || decisive.isEmpty())) {
        decisive.add(c);
      }
      if (!everyItem && answer.truth().decides(all)) {
        break;
      }
    }
    return new Answer(answer, tested, decisive, unknown);
  }

  /** An item's answer as a truth; an unknown one names the item: {@code d = iphone_17e (…)}. */
  private static Value.BoolV truth(String var, Outcome.Case c) {
    return c.known()
        ? new Value.BoolV(c.pass())
        : Value.BoolV.unknown(var + " = " + name(c.item()) + " (" + c.unknown() + ")");
  }

  private static String name(Value item) {
    if (item instanceof Value.EntityV e) {
      return e.entity().id();
    }
    if (item instanceof Value.ModelV m) {
      return m.model().label();
    }
    if (item instanceof Value.QuantityV q) {
      return QuantityFormat.format(q.quantity());
    }
    return item instanceof Value.StrV s ? '"' + s.value() + '"' : item.toString();
  }

  /**
   * The case of an item whose filter is unknown: {@code all x where P: Q} asks {@code not P or Q}
   * of it and {@code any} asks {@code P and Q}; when that is unknown the item is, for want of P.
   */
  private static Outcome.Case filtered(
      TypedExpr.Quantifier q, Value.BoolV filter, Outcome.Case c, Evaluator ev) {
    if (filter.known()) {
      return c;
    }
    Truth body = c.known() ? Truth.of(c.pass()) : Truth.UNKNOWN;
    Truth item =
        q.kind() == Expr.QuantifierKind.ALL
            ? filter.truth().not().or(body)
            : filter.truth().and(body);
    return item != Truth.UNKNOWN
        ? c
        : Outcome.Case.unknown(
            c.item(),
            "unknown whether " + ev.source().slice(q.filter().get(0).span()) + ": " + filter.why());
  }

  /** One item's case, or why its answer is unknown ({@link Truth#unknownBecause}). */
  private static Outcome.Case itemCase(TypedExpr body, Value item, Evaluator ev, String var) {
    try {
      return knownCase(body, item, ev.with(var, item));
    } catch (DevqException ex) {
      return Outcome.Case.unknown(item, Truth.unknownBecause(ex));
    }
  }

  private static Outcome.Case knownCase(TypedExpr body, Value item, Evaluator ev) {
    if (body instanceof TypedExpr.Compare cmp) {
      List<Value> operands = new ArrayList<>();
      for (TypedExpr operand : cmp.operands()) {
        operands.add(ev.eval(operand));
      }
      Value.BoolV holds = Arithmetic.chain(ev, cmp, operands);
      return holds.known()
          ? new Outcome.Case(
              item, holds.isTrue(), operands, cmp.ops(), CheckReport.margin(operands, cmp.ops()))
          : Outcome.Case.unknown(item, holds.why());
    }
    Value v = ev.eval(body);
    if (v instanceof Value.CannotRunV refused) {
      // named as its own side, so the counterexample says why; a check drops the note it shows
      ev.leftOut(refused);
      return new Outcome.Case(item, false, List.of(v), List.of(), Margin.NONE);
    }
    Value.BoolV holds = ev.truth(v, body.span());
    return holds.known()
        ? new Outcome.Case(item, holds.isTrue(), List.of(), List.of(), Margin.NONE)
        : Outcome.Case.unknown(item, holds.why());
  }
}
