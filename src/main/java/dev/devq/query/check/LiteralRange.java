package dev.devq.query.check;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.NumberRange;
import dev.devq.lang.unit.Quantity;

/**
 * A number literal whose value in base units a double cannot hold ({@link NumberRange}), refused at
 * the literal.
 */
final class LiteralRange {
  private LiteralRange() {}

  /** Why {@code value}, the literal {@code lit} in base units, cannot be used; null when it can. */
  static Diagnostic problem(Expr.QuantityLit lit, Quantity value, SourceText source) {
    NumberRange range = NumberRange.of(value.value(), source.slice(numberSpan(lit)));
    if (range == null) {
      return null;
    }
    return Diagnostic.error(DiagnosticCode.BAD_VALUE, range.message(), source, lit.span())
        .withLabel(range.detail())
        .withNote(range.fix());
  }

  /** The digits of the literal, without its unit. */
  private static Span numberSpan(Expr.QuantityLit lit) {
    return new Span(lit.span().start(), Math.max(lit.span().start(), lit.unitSpan().start()));
  }
}
