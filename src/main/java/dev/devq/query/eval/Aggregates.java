package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import dev.devq.cost.CannotRun;
import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.TypedExpr;
import java.util.List;

/**
 * The best of several: {@code min / max / argmin / argmax x in S where P by E}, where a key that
 * cannot run (a model that does not fit its target, or a release it never runs) does not qualify
 * and is noted as left out, and so is an unknown key (a fact no source gives, NaN, or a key that
 * needs one, {@code error[UNKNOWN_FACT]}): it cannot be weighed against the others; and {@code
 * min(a, b, …)}, {@code max(…)}, which are arithmetic and keep "cannot run".
 */
final class Aggregates {
  private Aggregates() {}

  static Value over(Evaluator ev, TypedExpr.Aggregate e) {
    Value bestItem = null;
    Value.QuantityV bestKey = null;
    Trace trace = ev.traceKept();
    // explain and a failed check show the chosen item's estimate, not the first item's
    boolean shown = trace.firstEstimate().isEmpty();
    Breakdown bestEstimate = null;
    boolean max = e.kind() == Expr.AggregateKind.MAX || e.kind() == Expr.AggregateKind.ARGMAX;
    for (Value item : ev.list(ev.eval(e.source()), e.source().span())) {
      if (!Filters.keeps(ev, e.var(), item, e.filter())) {
        continue;
      }
      trace.mark();
      Value.QuantityV key = key(ev, e, item);
      if (key == null) {
        continue;
      }
      if (bestKey != null) {
        LateTypes.sameDimension(ev, bestKey.quantity(), key.quantity(), e.key().span());
      }
      double k = key.quantity().value();
      if (bestKey == null
          || (max ? k > bestKey.quantity().value() : k < bestKey.quantity().value())) {
        bestKey = key;
        bestItem = item;
        bestEstimate = trace.sinceMark();
      }
    }
    if (shown && bestEstimate != null) {
      trace.answeredBy(bestEstimate);
    }
    if (bestKey == null) {
      String nothing =
          e.filter().isEmpty()
              ? "no item has a key to compare"
              : "nothing satisfies the 'where' condition";
      throw ev.fail(DiagnosticCode.BAD_VALUE, nothing, e.span(), why(ev));
    }
    boolean arg = e.kind() == Expr.AggregateKind.ARGMIN || e.kind() == Expr.AggregateKind.ARGMAX;
    // the chosen key as it came, an estimate with its 80% range and the release that range allows
    // for, so '.high' reads it and a check on it says its pessimistic end
    return arg ? bestItem : bestKey;
  }

  /**
   * The item's key, or null when it does not qualify: it cannot run, or it is unknown; either is
   * noted as left out.
   */
  private static Value.QuantityV key(Evaluator ev, TypedExpr.Aggregate e, Value item) {
    List<LeftOut.Binding> row = List.of(new LeftOut.Binding(e.var(), item));
    String keyText = ev.source().slice(e.key().span());
    Value keyValue;
    try {
      keyValue = ev.with(e.var(), item).eval(e.key());
    } catch (DevqException ex) {
      String why = Truth.unknownBecause(ex);
      ev.leftOut(new LeftOut.UnknownItem(row, LeftOut.Of.KEY, keyText, why));
      return null;
    }
    if (keyValue instanceof Value.CannotRunV refused) {
      ev.leftOut(refused);
      return null;
    }
    Quantity key = ev.quantity(keyValue, e.key().span());
    if (Double.isNaN(key.value())) {
      String why =
          keyValue instanceof Value.QuantityV q ? q.unknownWhy(keyText) : keyText + " is unknown";
      ev.leftOut(new LeftOut.UnknownItem(row, LeftOut.Of.KEY, keyText, why));
      return null;
    }
    return keyValue instanceof Value.QuantityV q ? q : new Value.QuantityV(key);
  }

  /** The note of "nothing satisfies": why the items left out were, when any was. */
  private static String why(Evaluator ev) {
    List<CannotRun> refused = LeftOut.refused(ev.leftOut());
    if (!refused.isEmpty()) {
      return refused.size()
          + " left out because the model cannot run on the target, e.g. cannot run: "
          + refused.get(0).reason();
    }
    List<LeftOut.UnknownItem> unknown =
        ev.leftOut().stream()
            .filter(LeftOut.UnknownItem.class::isInstance)
            .map(LeftOut.UnknownItem.class::cast)
            .filter(u -> u.of() == LeftOut.Of.KEY)
            .toList();
    return unknown.isEmpty()
        ? ""
        : unknown.size() + " left out because the key is unknown, e.g. " + unknown.get(0).why();
  }

  /**
   * {@code min(a, b, …)}, {@code max(…)}: arithmetic, so an argument that cannot run makes the
   * answer "cannot run" (the first such argument's), as {@code a + b} does, and an unknown one
   * makes it unknown; unlike {@code min x in S by …}, which skips what cannot run, nothing here is
   * a set to choose from.
   */
  static Value extremum(Evaluator ev, TypedExpr.Call e, boolean max) {
    Quantity best = null;
    Value bestValue = null;
    Quantity unknown = null;
    Quantity first = null;
    Value.CannotRunV refused = null;
    dev.devq.cost.OutOfScope outside = null;
    dev.devq.cost.OutOfScope unknownOutside = null;
    for (TypedExpr arg : e.args()) {
      Value v = ev.eval(arg);
      if (v instanceof Value.CannotRunV r) {
        refused = refused == null ? r : refused;
        continue;
      }
      Quantity q = ev.quantity(v, arg.span());
      if (v instanceof Value.QuantityV qv && Double.isNaN(q.value()) && unknown == null) {
        unknownOutside = qv.outOfScope(); // why the answer is unknown, when for want of a range
      } else if (outside == null && v instanceof Value.QuantityV qv) {
        outside = qv.outOfScope(); // the answer rests on it, as a sum with it would
      }
      if (first == null) {
        first = q;
      } else {
        LateTypes.sameDimension(ev, first, q, arg.span());
      }
      if (Double.isNaN(q.value())) {
        // a fact no source gives could be the extreme: the answer is unknown, wherever it stands
        unknown = unknown == null ? q : unknown;
      } else if (best == null || (max ? q.value() > best.value() : q.value() < best.value())) {
        best = q;
        bestValue = v;
      }
    }
    if (refused != null) {
      return refused;
    }
    return unknown != null
        ? Value.QuantityV.outside(unknown, unknownOutside)
        // the extreme rests on what its argument rests on (the entitlement), as a sum with it would
        : Value.QuantityV.keeping(Value.QuantityV.outside(best, outside), bestValue);
  }
}
