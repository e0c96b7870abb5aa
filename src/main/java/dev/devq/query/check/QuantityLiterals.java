package dev.devq.query.check;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.NumberRange;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityParser;

/**
 * A number written with its unit ({@code 33 ms}, {@code 3 GHz}): the unit resolved, the value in
 * base units one a double holds ({@link NumberRange}), and the type marked with what a rate counts
 * ({@link Type.Rate#written}). A helper of {@link Checker}; each refusal is at the literal.
 */
final class QuantityLiterals {
  private QuantityLiterals() {}

  static TypedExpr check(Checker c, Expr.QuantityLit e) {
    SourceText source = c.source();
    ParseResult<Quantity> q = QuantityParser.resolve(e, source);
    if (!q.ok()) {
      Diagnostic d = q.diagnostics().get(0);
      String note = d.notes().isEmpty() ? "" : d.notes().get(0);
      String divisor = e.unit().substring(e.unit().indexOf('/') + 1);
      if (e.unit().contains("/") && c.lookupVar(divisor) != null) {
        // '1ms/x' is read as the unit 'ms/x' (GB/s is one word), never as a division by x
        String typed = source.text().substring(e.span().start(), e.span().end());
        note =
            "to divide by '" + divisor + "', put spaces around '/': " + typed.replace("/", " / ");
      }
      String number = source.slice(numberSpan(e));
      if (note.isEmpty() && number.equals(number.strip())) {
        note = numberNote(number, e.unit());
      }
      c.error(DiagnosticCode.UNKNOWN_UNIT, d.message(), d.span(), "not a unit devq knows", note);
      return new TypedExpr.QuantityConst(e.span(), Type.ANY, Quantity.number(Double.NaN));
    }
    Diagnostic range = problem(e, q.value(), source);
    if (range != null) {
      c.report(range);
      return new TypedExpr.QuantityConst(e.span(), Type.ANY, Quantity.number(Double.NaN));
    }
    // a token rate keeps tok/s as its display unit; a frame rate or a clock shows as any
    // frequency, so its written unit (30 fps, 60 Hz, 3 GHz) says what it counts
    String display = q.value().displayUnit();
    return new TypedExpr.QuantityConst(
        e.span(),
        Type.quantity(q.value().dimension(), display.isEmpty() ? e.unit() : display),
        q.value());
  }

  /** Why {@code value}, the literal {@code lit} in base units, cannot be used; null when it can. */
  private static Diagnostic problem(Expr.QuantityLit lit, Quantity value, SourceText source) {
    NumberRange range = NumberRange.of(value.value(), source.slice(numberSpan(lit)));
    if (range == null) {
      return null;
    }
    return Diagnostic.error(DiagnosticCode.BAD_VALUE, range.message(), source, lit.span())
        .withLabel(range.detail())
        .withNote(range.fix());
  }

  /**
   * What a "unit" written against its digits most likely was: the end of a number cut short ({@code
   * 1e}), which the lexer left as a word after the digits; empty otherwise. (A '_' left at the end,
   * {@code 1_}, is the lexer's misplaced separator.)
   */
  private static String numberNote(String number, String unit) {
    if (unit.equalsIgnoreCase("e")) {
      return "an exponent needs its digits: write e.g. " + number + unit + "3";
    }
    return "";
  }

  /** The digits of the literal, without its unit. */
  private static Span numberSpan(Expr.QuantityLit lit) {
    return new Span(lit.span().start(), Math.max(lit.span().start(), lit.unitSpan().start()));
  }
}
