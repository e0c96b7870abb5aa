package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Evaluates {@code table …} and {@code [e for x in S]}: every combination of the sources that
 * passes the filter gives a row (or an element). A row keeps only its cells, never the estimates
 * behind them, so a sweep's memory grows with its rows, not its predictions. A cell that fails for
 * one row (a model that cannot run on that device, a member that row lacks) is unknown rather than
 * an error for the whole table, unless every row fails alike; running out of the evaluation budget
 * still stops it. A helper of {@link Evaluator}.
 */
final class TableRows {
  /** Stands for a cell that could not be computed; every format shows it as unknown. */
  static final Value UNKNOWN = new Value.QuantityV(Quantity.number(Double.NaN));

  private TableRows() {}

  static Value list(Evaluator ev, TypedExpr.ListFor e) {
    List<Value> out = new ArrayList<>();
    combinations(ev, e.bindings(), 0, e.filter(), row -> out.add(row.eval(e.element())));
    return new Value.ListV(out);
  }

  /** A row with the key it sorts by (absent without {@code by}). */
  private record Row(List<Value> cells, Value key) {}

  static Value table(Evaluator ev, TypedExpr.Table e) {
    List<Row> rows = new ArrayList<>();
    List<SharedFailure> failures = new ArrayList<>();
    for (int i = 0; i <= e.columns().size(); i++) {
      failures.add(new SharedFailure()); // one per column, and the last for the sort key
    }
    combinations(
        ev,
        e.bindings(),
        0,
        e.filter(),
        row -> {
          List<Value> cells = new ArrayList<>(e.columns().size());
          for (int i = 0; i < e.columns().size(); i++) {
            cells.add(cell(row, e.columns().get(i), failures.get(i)));
          }
          Value key =
              e.key().isEmpty()
                  ? UNKNOWN
                  : cell(row, e.key().get(0), failures.get(e.columns().size()));
          rows.add(new Row(cells, key));
        });
    failures.forEach(SharedFailure::rethrow);
    if (!e.key().isEmpty()) {
      Comparator<Row> order = (a, b) -> compare(a.key(), b.key());
      rows.sort(e.descending() ? unknownLast(order.reversed()) : unknownLast(order));
    }
    int keep = e.limit() < 0 ? rows.size() : Math.min(e.limit(), rows.size());
    List<String> headers = ((dev.devq.query.check.Type.Table) e.type()).headers();
    return new Value.TableV(headers, rows.subList(0, keep).stream().map(Row::cells).toList());
  }

  /**
   * Calls {@code body} with an evaluator that binds one combination of the sources, for each
   * combination that passes the filter, in source order (the first source varies slowest).
   */
  private static void combinations(
      Evaluator ev,
      List<TypedExpr.Binding> bindings,
      int i,
      List<TypedExpr> filter,
      Consumer<Evaluator> body) {
    if (i == bindings.size()) {
      if (filter.isEmpty() || ev.bool(ev.eval(filter.get(0)), filter.get(0).span())) {
        body.accept(ev);
      }
      return;
    }
    TypedExpr.Binding b = bindings.get(i);
    for (Value item : ev.list(ev.eval(b.source()), b.source().span())) {
      combinations(ev.with(b.var(), item), bindings, i + 1, filter, body);
    }
  }

  /**
   * One cell; unknown when this row cannot compute it or its model cannot run on the target, except
   * when the budget is spent. {@code failures} keeps the column's failures: one every row shares is
   * the query's error ({@link SharedFailure}).
   */
  private static Value cell(Evaluator row, TypedExpr column, SharedFailure failures) {
    try {
      Value v = row.eval(column);
      failures.passed();
      if (v instanceof Value.CannotRunV refused) {
        // the column stays one of numbers; the line under the table says why the cell is empty
        row.leftOut(refused);
        return UNKNOWN;
      }
      return v instanceof Value.ExplainV ? UNKNOWN : v;
    } catch (DevqException ex) {
      if (ex.diagnostic().code() == DiagnosticCode.BUDGET) {
        throw ex;
      }
      failures.failed(ex);
      return UNKNOWN;
    }
  }

  /** Quantities by value, texts and booleans by their text; anything else keeps its order. */
  private static int compare(Value a, Value b) {
    if (a instanceof Value.QuantityV x && b instanceof Value.QuantityV y) {
      return Double.compare(x.quantity().value(), y.quantity().value());
    }
    if (a instanceof Value.StrV x && b instanceof Value.StrV y) {
      return x.value().compareTo(y.value());
    }
    if (a instanceof Value.BoolV x && b instanceof Value.BoolV y) {
      return Boolean.compare(x.value(), y.value());
    }
    return 0;
  }

  /** Rows whose key is unknown go last in either direction. */
  private static Comparator<Row> unknownLast(Comparator<Row> order) {
    return (a, b) -> {
      boolean ua = isUnknown(a.key());
      boolean ub = isUnknown(b.key());
      return ua || ub ? Boolean.compare(ua, ub) : order.compare(a, b);
    };
  }

  private static boolean isUnknown(Value v) {
    return v instanceof Value.QuantityV q && Double.isNaN(q.quantity().value());
  }
}
