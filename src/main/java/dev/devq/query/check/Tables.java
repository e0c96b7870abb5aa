package dev.devq.query.check;

import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks {@code table …} queries and {@code [e for x in S]} lists: each source is a list, the
 * filter a boolean, a sort key something that orders (a quantity or a text), {@code top} a whole
 * number of at least 1. Column types are known here, before any row is computed. A helper of {@link
 * Checker}.
 */
final class Tables {
  private Tables() {}

  static TypedExpr listFor(Checker checker, Expr.ListFor e) {
    List<TypedExpr.Binding> bound = new ArrayList<>();
    List<TypedExpr> filter = new ArrayList<>();
    TypedExpr element =
        within(
            checker,
            e.bindings(),
            0,
            bound,
            () -> {
              filter.addAll(where(checker, e.filter()));
              return checker.check(e.element());
            });
    return new TypedExpr.ListFor(e.span(), new Type.ListOf(element.type()), element, bound, filter);
  }

  static TypedExpr table(Checker checker, Expr.Table e) {
    List<TypedExpr.Binding> bound = new ArrayList<>();
    List<TypedExpr> filter = new ArrayList<>();
    List<TypedExpr> key = new ArrayList<>();
    List<TypedExpr> columns =
        within(
            checker,
            e.bindings(),
            0,
            bound,
            () -> {
              filter.addAll(where(checker, e.filter()));
              e.key().forEach(k -> key.add(sortKey(checker, checker.check(k))));
              return e.columns().stream().map(c -> checker.check(c.value())).toList();
            });
    for (TypedExpr c : columns) {
      if (c.type() instanceof Type.Record || c.type() instanceof Type.Table) {
        checker.error(
            DiagnosticCode.TYPE_MISMATCH,
            "a table cell cannot hold " + c.type().describe(),
            c.span(),
            c.type().describe(),
            "pick one of its members, e.g. explain(…).latency");
      }
    }
    int limit = -1;
    if (e.limit() >= 0) {
      if (e.limit() < 1 || e.limit() != Math.rint(e.limit()) || Double.isInfinite(e.limit())) {
        checker.error(
            DiagnosticCode.BAD_VALUE,
            "'top' needs a whole number of rows, at least 1",
            e.limitSpan(),
            "not a row count",
            "write e.g. top 5, or leave 'top' out to keep every row");
      } else {
        // a whole number past what an int holds is more rows than any table has: it keeps them all
        limit = (int) Math.min(e.limit(), Integer.MAX_VALUE);
      }
    }
    var type =
        new Type.Table(
            e.columns().stream().map(Expr.Column::header).toList(),
            columns.stream().map(TypedExpr::type).toList());
    return new TypedExpr.Table(e.span(), type, bound, filter, columns, key, e.descending(), limit);
  }

  /**
   * Checks the sources in order, each with the variables before it in scope (so a source may depend
   * on an earlier one), then {@code body} with all of them.
   */
  private static <T> T within(
      Checker checker,
      List<Expr.Binding> bindings,
      int i,
      List<TypedExpr.Binding> bound,
      Supplier<T> body) {
    if (i == bindings.size()) {
      return body.get();
    }
    Expr.Binding b = bindings.get(i);
    TypedExpr source = checker.check(b.source());
    bound.add(new TypedExpr.Binding(b.var(), source));
    return checker.withVar(
        b.var(), elementOf(checker, source), () -> within(checker, bindings, i + 1, bound, body));
  }

  private static List<TypedExpr> where(Checker checker, List<Expr> filter) {
    return filter.stream().map(f -> checker.expectBool(checker.check(f), "'where'")).toList();
  }

  /** Rows sort by a quantity, a text or a boolean; an entity or a list has no order. */
  private static TypedExpr sortKey(Checker checker, TypedExpr key) {
    Type t = key.type();
    if (!(t instanceof Type.Quantity
        || t instanceof Type.Str
        || t instanceof Type.Bool
        || t instanceof Type.Any)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "cannot sort rows by " + t.describe() + ": it has no order",
          key.span(),
          t.describe(),
          "sort by a quantity or a text, e.g. by d.year or by latency(m, d)");
    }
    return key;
  }

  /** The element type of a list to range over; anything else is an error at its span. */
  static Type elementOf(Checker checker, TypedExpr src) {
    if (src.type() instanceof Type.ListOf l) {
      return l.element();
    }
    if (!(src.type() instanceof Type.Any)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "expected a list to range over, found " + src.type().describe(),
          src.span(),
          src.type().describe(),
          "collections: " + String.join(", ", Checker.COLLECTIONS));
    }
    return Type.ANY;
  }
}
