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
 *
 * <p>An item whose body cannot run (a model that does not fit the device) is neither true nor
 * false, as "cannot run" is to {@code and} and {@code or} ({@link Logic}): when no other item
 * decides, the quantifier's value is "cannot run", so {@code not all m in [llama_2_13b]: latency(m,
 * iphone_12) < 1s} fails as {@code not (latency(llama_2_13b, iphone_12) < 1s)} does. A check reads
 * it as failed and names the item among an {@code all}'s counterexamples.
 */
final class Quantified {
  private Quantified() {}

  /**
   * The answer of {@code all} (else {@code any}) over the items that ran, carrying the reason of
   * the first unknown item when it is unknown; {@code refused} is the first item whose body cannot
   * run, or null. {@code tested} items were not filtered out, {@code decisive} are the
   * counterexamples (a false {@code all}, those that cannot run included) or the witness (a true
   * {@code any}), {@code unknown} the items whose answer is unknown, {@code onlyAtEstimate} the
   * items of an {@code all} that hold at the estimate but not at the pessimistic end of its 80%
   * range ({@link Margin#onlyAtEstimate}); {@code outOfScope} why the estimates of items it asked
   * have no range to judge that end by ({@link Value.QuantityV#outOfScope}), each once.
   */
  record Answer(
      boolean all,
      Value.BoolV ran,
      Value.CannotRunV refused,
      int tested,
      List<Outcome.Case> decisive,
      List<Outcome.Case> unknown,
      List<Outcome.Case> onlyAtEstimate,
      List<dev.devq.cost.OutOfScope> outOfScope) {

    /** The quantifier's value: "cannot run" when an item cannot run and none that ran decides. */
    Value value() {
      return refused == null || ran.truth().decides(all) ? ran : refused;
    }

    /**
     * The value as a check reads it: "cannot run" fails, an {@code all} naming the item among its
     * counterexamples, an {@code any} saying what it did of the items that ran.
     */
    Value.BoolV verdict() {
      return value() instanceof Value.BoolV b ? b : all ? new Value.BoolV(false) : ran;
    }
  }

  /**
   * Asks every item when {@code everyItem} (a check names all its counterexamples), else stops at
   * the first item that ran and decides (a false one for {@code all}, a true one for {@code any}).
   */
  static Answer over(Evaluator ev, TypedExpr.Quantifier q, boolean everyItem) {
    boolean all = q.kind() == Expr.QuantifierKind.ALL;
    Value.BoolV ran = new Value.BoolV(all);
    Value.CannotRunV refused = null;
    List<Outcome.Case> decisive = new ArrayList<>();
    List<Outcome.Case> unknown = new ArrayList<>();
    List<Outcome.Case> onlyAtEstimate = new ArrayList<>();
    var outOfScope = new java.util.LinkedHashSet<dev.devq.cost.OutOfScope>();
    int tested = 0;
    // the quantifiers over nothing every item asked rests on (an expression stops at the first
    // item that decides: then its answer rests on what that item's does), until one rests on none
    var inner = new java.util.LinkedHashSet<Vacuous>();
    boolean everyItemRests = true;
    for (Value item : ev.list(ev.eval(q.source()), q.source().span())) {
      Value.BoolV filter = Filters.passes(ev, q.var(), item, q.filter());
      if (filter.truth() == Truth.FALSE) {
        continue;
      }
      tested++;
      Item answered = filtered(q, filter, itemCase(q.body(), item, ev, q.var()), ev);
      Outcome.Case c = answered.c();
      for (Value side : c.operands()) {
        if (side instanceof Value.QuantityV sq && sq.outOfScope() != null) {
          outOfScope.add(sq.outOfScope());
        }
      }
      everyItemRests &= !answered.vacuous().isEmpty();
      inner.addAll(answered.vacuous());
      if (answered.refused() != null) {
        refused = refused == null ? answered.refused() : refused;
        if (all) {
          decisive.add(c); // a counterexample that says why it cannot run
        }
        continue;
      }
      Value.BoolV truth = truth(q.var(), c);
      ran = all ? ran.and(truth) : ran.or(truth);
      if (!c.known()) {
        unknown.add(c);
      } else if (truth.truth().decides(all) && (all || decisive.isEmpty())) {
        decisive.add(c);
      } else if (!all && c.pass() && sturdier(c, decisive.get(0))) {
        decisive.set(0, c); // a witness that holds at the pessimistic end too says more
      } else if (all && c.pass() && c.margin().onlyAtEstimate()) {
        onlyAtEstimate.add(c);
      }
      if (!everyItem && ran.truth().decides(all)) {
        break;
      }
    }
    if (tested == 0) {
      // true (all) or false (any) only because there was nothing to ask
      ran = ran.restingOn(List.of(Vacuous.of(q, ev.source())));
    } else if (everyItemRests) {
      // every item answered only by a quantifier over nothing in the body: nothing was tested
      ran = ran.restingOn(inner.stream().map(v -> v.within(q, ev.source())).toList());
    }
    return new Answer(
        all, ran, refused, tested, decisive, unknown, onlyAtEstimate, List.copyOf(outOfScope));
  }

  /**
   * Whether {@code c} holds at the pessimistic end of its range, where {@code witness} does not.
   */
  private static boolean sturdier(Outcome.Case c, Outcome.Case witness) {
    return witness.margin().onlyAtEstimate() && !c.margin().onlyAtEstimate();
  }

  /** One item's case and, when its body cannot run, that value. */
  private record Item(Outcome.Case c, Value.CannotRunV refused, List<Vacuous> vacuous) {
    Item(Outcome.Case c, Value.CannotRunV refused) {
      this(c, refused, List.of());
    }
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
   * of it and {@code any} asks {@code P and Q}; when that is unknown the item is, for want of P (a
   * body that cannot run is unknown there too).
   */
  private static Item filtered(TypedExpr.Quantifier q, Value.BoolV filter, Item i, Evaluator ev) {
    if (filter.known()) {
      return i;
    }
    Outcome.Case c = i.c();
    Truth body = c.known() && i.refused() == null ? Truth.of(c.pass()) : Truth.UNKNOWN;
    Truth item =
        q.kind() == Expr.QuantifierKind.ALL
            ? filter.truth().not().or(body)
            : filter.truth().and(body);
    if (item != Truth.UNKNOWN) {
      return i.refused() == null ? i : new Item(c, null);
    }
    return new Item(
        Outcome.Case.unknown(
            c.item(),
            "unknown whether " + ev.source().slice(q.filter().get(0).span()) + ": " + filter.why()),
        null);
  }

  /** One item's case, or why its answer is unknown ({@link Truth#unknownBecause}). */
  private static Item itemCase(TypedExpr body, Value item, Evaluator ev, String var) {
    try {
      return knownCase(body, item, ev.with(var, item));
    } catch (DevqException ex) {
      return new Item(Outcome.Case.unknown(item, Truth.unknownBecause(ex)), null);
    }
  }

  private static Item knownCase(TypedExpr body, Value item, Evaluator ev) {
    if (body instanceof TypedExpr.Compare cmp) {
      List<Value> operands = new ArrayList<>();
      for (TypedExpr operand : cmp.operands()) {
        operands.add(ev.eval(operand));
      }
      Value.BoolV holds = Arithmetic.chain(ev, cmp, operands);
      if (!holds.known()) {
        return new Item(Outcome.Case.unknown(item, holds.why()), null);
      }
      Outcome.Case c =
          new Outcome.Case(
              item, holds.isTrue(), operands, cmp.ops(), CheckReport.margin(operands, cmp));
      return new Item(c, holds.isTrue() ? null : refusedLink(cmp, operands, ev), holds.vacuous());
    }
    Value v = ev.eval(body);
    if (v instanceof Value.CannotRunV refused) {
      // named as its own side, so the counterexample says why; a check drops the note it shows
      ev.leftOut(refused);
      return new Item(new Outcome.Case(item, false, List.of(v), List.of(), Margin.NONE), refused);
    }
    Value.BoolV holds = ev.truth(v, body.span());
    return new Item(
        holds.known()
            ? new Outcome.Case(item, holds.isTrue(), List.of(), List.of(), Margin.NONE)
            : Outcome.Case.unknown(item, holds.why()),
        null,
        holds.vacuous());
  }

  /**
   * The side that cannot run of the first link that has one, when no link before it is false (as
   * {@code Evaluator.visitCompare} reads a chain): then the comparison is "cannot run", not false.
   */
  private static Value.CannotRunV refusedLink(
      TypedExpr.Compare cmp, List<Value> operands, Evaluator ev) {
    for (int i = 0; i < cmp.ops().size(); i++) {
      Value a = operands.get(i);
      Value b = operands.get(i + 1);
      Value.CannotRunV refused = Arithmetic.refusedIn(List.of(a, b));
      if (refused != null) {
        return refused;
      }
      if (Arithmetic.compare(ev, cmp, i, a, b).truth() == Truth.FALSE) {
        return null;
      }
    }
    return null;
  }
}
