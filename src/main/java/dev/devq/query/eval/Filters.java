package dev.devq.query.eval;

import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code where} filter over true, false and unknown ({@link Truth}). A quantifier weighs an item
 * whose filter is unknown ({@link Quantified}); a list, a table or an aggregate keeps only the
 * items whose filter is true and notes each one it leaves out for want of a fact ({@link
 * LeftOut.UnknownItem}), so no item is dropped unsaid: {@code [d in devices where d.battery_wh > 10
 * Wh]} says that it left out iPhone 17e, whose battery no source gives.
 */
final class Filters {
  private Filters() {}

  /** {@code [x in S where P]}: the items of the list whose filter is true, in order. */
  static Value comprehension(Evaluator ev, TypedExpr.Comprehension e) {
    List<Value> out = new ArrayList<>();
    for (Value item : ev.list(ev.eval(e.source()), e.source().span())) {
      if (keeps(ev, e.var(), item, e.filter())) {
        out.add(item);
      }
    }
    return new Value.ListV(out);
  }

  /** Whether an item passes a filter: true, false or unknown. */
  static Value.BoolV passes(Evaluator ev, String var, Value item, List<TypedExpr> filter) {
    return filter.isEmpty()
        ? new Value.BoolV(true)
        : ev.truth(ev.with(var, item).eval(filter.get(0)), filter.get(0).span());
  }

  /** Whether a list or an aggregate keeps an item: {@link #keeps(Evaluator, List, List)}. */
  static boolean keeps(Evaluator ev, String var, Value item, List<TypedExpr> filter) {
    return filter.isEmpty()
        || keeps(ev.with(var, item), filter, List.of(new LeftOut.Binding(var, item)));
  }

  /**
   * Whether the item {@code ev} binds, {@code row}, is kept: only when the filter is true. One
   * whose filter is unknown is left out and noted.
   */
  static boolean keeps(Evaluator ev, List<TypedExpr> filter, List<LeftOut.Binding> row) {
    if (filter.isEmpty()) {
      return true;
    }
    TypedExpr condition = filter.get(0);
    Value.BoolV holds = ev.truth(ev.eval(condition), condition.span());
    if (!holds.known()) {
      ev.leftOut(
          new LeftOut.UnknownItem(
              row, LeftOut.Of.FILTER, ev.source().slice(condition.span()), holds.why()));
    }
    return holds.isTrue();
  }
}
