package dev.devq.query.check;

import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import java.util.List;
import java.util.Locale;

/**
 * The forms that bind a variable to each item of a list: {@code [x in S where P]}, {@code all x in
 * S where P: Q} and {@code any}, and {@code min}, {@code max}, {@code argmin}, {@code argmax x in S
 * where P by K}. The list is checked in the enclosing scope; the filter, the body and the key with
 * the variable in scope as an item of the list. A helper of {@link Checker}.
 */
final class Iterations {
  private Iterations() {}

  static TypedExpr comprehension(Checker c, Expr.Comprehension e) {
    Range r = range(c, e.var(), e.source(), e.filter());
    return new TypedExpr.Comprehension(
        e.span(), new Type.ListOf(r.element()), e.var(), r.source(), r.filter());
  }

  static TypedExpr quantifier(Checker c, Expr.Quantifier e) {
    Range r = range(c, e.var(), e.source(), e.filter());
    TypedExpr body =
        c.withVar(
            e.var(),
            r.element(),
            () ->
                c.expectBool(
                    c.check(e.body()),
                    "the body of '" + e.kind().name().toLowerCase(Locale.ROOT) + "'"));
    return new TypedExpr.Quantifier(
        e.span(), Type.BOOL, e.kind(), e.var(), r.source(), r.filter(), body);
  }

  static TypedExpr aggregate(Checker c, Expr.Aggregate e) {
    Range r = range(c, e.var(), e.source(), e.filter());
    TypedExpr key = c.withVar(e.var(), r.element(), () -> c.check(e.key()));
    if (!(key.type() instanceof Type.Quantity || key.type() instanceof Type.Any)) {
      c.error(
          DiagnosticCode.TYPE_MISMATCH,
          "'by' needs a quantity to order by, found " + key.type().describe(),
          key.span(),
          key.type().describe(),
          "");
    }
    boolean arg = e.kind() == Expr.AggregateKind.ARGMIN || e.kind() == Expr.AggregateKind.ARGMAX;
    return new TypedExpr.Aggregate(
        e.span(), arg ? r.element() : key.type(), e.kind(), e.var(), r.source(), r.filter(), key);
  }

  /** What a comprehension, quantifier or aggregate ranges over: the list, its item, the filter. */
  private record Range(TypedExpr source, Type element, List<TypedExpr> filter) {}

  /** Checks {@code x in S where P}: the source, then the filter with the variable in scope. */
  private static Range range(Checker c, String var, Expr source, List<Expr> filter) {
    TypedExpr src = c.check(source);
    Type element = Tables.elementOf(c, src);
    List<TypedExpr> where =
        c.withVar(
            var,
            element,
            () -> filter.stream().map(f -> c.expectBool(c.check(f), "'where'")).toList());
    return new Range(src, element, where);
  }
}
