package dev.devq.query.check;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Quantity;

/**
 * A number literal whose value in base units a double cannot hold: {@code 1e400 ms} would be
 * infinity and {@code 1e-400 ms} zero, each silently changing the answer, so both are refused at
 * the literal.
 */
final class LiteralRange {
  private LiteralRange() {}

  /** Why {@code value}, the literal {@code lit} in base units, cannot be used; null when it can. */
  static Diagnostic problem(Expr.QuantityLit lit, Quantity value, SourceText source) {
    if (!Double.isFinite(value.value())) {
      return Diagnostic.error(DiagnosticCode.BAD_VALUE, "number too large", source, lit.span())
          .withLabel("beyond ±1.8e308 in base units");
    }
    if (value.value() == 0 && writtenNonZero(source.slice(numberSpan(lit)))) {
      return Diagnostic.error(DiagnosticCode.BAD_VALUE, "number too small", source, lit.span())
          .withLabel("closer to 0 than ±4.9e-324 in base units, which would make it 0")
          .withNote("write 0 if zero is meant");
    }
    return null;
  }

  /** The digits of the literal, without its unit. */
  private static Span numberSpan(Expr.QuantityLit lit) {
    return new Span(lit.span().start(), Math.max(lit.span().start(), lit.unitSpan().start()));
  }

  /** Whether a digit before the exponent is not 0: {@code 1e-400} is not zero, {@code 0e5} is. */
  private static boolean writtenNonZero(String number) {
    for (char c : number.toCharArray()) {
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }
}
