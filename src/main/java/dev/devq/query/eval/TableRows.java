package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.check.TypedExpr;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Evaluates {@code table …} and {@code [e for x in S]}: every combination of the sources that
 * passes the filter gives a row (or an element). A row keeps only its cells, never the estimates
 * behind them, so a sweep's memory grows with its rows, not its predictions. A cell that fails for
 * one row (a model that cannot run on that device, a member that row lacks) is unknown rather than
 * an error for the whole table, unless every row fails alike, and the table says why ({@link
 * Value.TableV#leftOut}) of the rows it keeps; running out of the evaluation budget still stops it.
 * An element of a list has no unknown: a failure stops the list with the error. A helper of {@link
 * Evaluator}.
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

  /**
   * A row: its cells, the key it sorts by (unknown without {@code by}), its place in source order,
   * and what computing it left out, reported only if the row is kept.
   */
  private record Row(int index, List<Value> cells, Value key, List<LeftOut> leftOut) {}

  static Value table(Evaluator ev, TypedExpr.Table e) {
    List<String> headers = ((dev.devq.query.check.Type.Table) e.type()).headers();
    // a column that is a bare variable cannot fail: the others are the ones a line may name
    long computed = e.columns().stream().filter(c -> !(c instanceof TypedExpr.Var)).count();
    LeftOut.Part part = computed > 1 ? LeftOut.Part.COLUMN : LeftOut.Part.SOLE_COLUMN;
    List<Column> columns = new ArrayList<>();
    for (int i = 0; i < e.columns().size(); i++) {
      columns.add(new Column(e.columns().get(i), headers.get(i), part, e.bindings()));
    }
    Column key =
        e.key().isEmpty()
            ? null
            : new Column(
                e.key().get(0),
                "by " + ev.source().slice(e.key().get(0).span()),
                LeftOut.Part.SORT_KEY,
                e.bindings());
    List<Row> rows = new ArrayList<>();
    // what the sources and the filter leave out belongs to the table, not to one row
    Set<LeftOut> tableWide = new LinkedHashSet<>();
    ev.collecting(
        tableWide,
        () -> {
          combinations(
              ev, e.bindings(), 0, e.filter(), at -> rows.add(row(at, rows.size(), columns, key)));
          return null;
        });
    columns.forEach(c -> c.failures.rethrow());
    if (key != null) {
      key.failures.rethrow();
      Value first = null;
      for (Row r : rows) {
        if (!isUnknown(r.key())) {
          first = first == null ? r.key() : first;
          LateTypes.sortable(ev, first, r.key(), e.key().get(0).span());
        }
      }
      Comparator<Row> order = (a, b) -> compare(a.key(), b.key());
      rows.sort(e.descending() ? unknownLast(order.reversed()) : unknownLast(order));
    }
    List<Row> kept =
        rows.subList(0, e.limit() < 0 ? rows.size() : Math.min(e.limit(), rows.size()));
    Set<LeftOut> leftOut = new LinkedHashSet<>(tableWide);
    // said in the order the rows were met, as the sources list them, whatever the sort
    kept.stream()
        .sorted(Comparator.comparingInt(Row::index))
        .forEach(r -> leftOut.addAll(r.leftOut()));
    return new Value.TableV(headers, kept.stream().map(Row::cells).toList(), List.copyOf(leftOut));
  }

  /** One row's cells and key, with what computing them left out. */
  private static Row row(Evaluator at, int index, List<Column> columns, Column key) {
    Set<LeftOut> leftOut = new LinkedHashSet<>();
    List<Value> cells = new ArrayList<>(columns.size());
    Value sortKey =
        at.collecting(
            leftOut,
            () -> {
              columns.forEach(c -> cells.add(c.cell(at)));
              return key == null ? UNKNOWN : key.cell(at);
            });
    // most rows leave nothing out: they keep the shared empty list, not a set each
    return new Row(index, cells, sortKey, leftOut.isEmpty() ? List.of() : List.copyOf(leftOut));
  }

  /**
   * A column (or the sort key): its expression, its label, its part of a row, the table's variables
   * (named when a row fails), and the failures of its rows.
   */
  private static final class Column {
    final TypedExpr expr;
    final String label;
    final LeftOut.Part part;
    final List<TypedExpr.Binding> variables;
    final SharedFailure failures = new SharedFailure();

    Column(TypedExpr expr, String label, LeftOut.Part part, List<TypedExpr.Binding> variables) {
      this.expr = expr;
      this.label = label;
      this.part = part;
      this.variables = variables;
    }

    /**
     * One cell; unknown when this row cannot compute it or its model cannot run on the target,
     * except when the budget is spent. Either way the row's left-outs get why ({@link
     * Evaluator#leftOut}); a failure every row shares is the query's error ({@link SharedFailure}).
     */
    Value cell(Evaluator row) {
      try {
        Value v = row.eval(expr);
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
        // the row's bindings are only named when it fails, so a row that passes builds none
        List<LeftOut.Binding> bound =
            variables.stream().map(b -> new LeftOut.Binding(b.var(), row.bound(b.var()))).toList();
        row.leftOut(new LeftOut.FailedCell(bound, label, part, ex.diagnostic()));
        return UNKNOWN;
      }
    }
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
      List<LeftOut.Binding> row =
          bindings.stream().map(b -> new LeftOut.Binding(b.var(), ev.bound(b.var()))).toList();
      if (Filters.keeps(ev, filter, row)) {
        body.accept(ev);
      }
      return;
    }
    TypedExpr.Binding b = bindings.get(i);
    for (Value item : ev.list(ev.eval(b.source()), b.source().span())) {
      combinations(ev.with(b.var(), item), bindings, i + 1, filter, body);
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
      return Boolean.compare(x.isTrue(), y.isTrue()); // both known: unknown keys go last
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
    return v instanceof Value.QuantityV q && Double.isNaN(q.quantity().value())
        || v instanceof Value.BoolV b && !b.known();
  }
}
