package dev.devq.query.check;

import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Expr;
import dev.devq.lang.Suggestions;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Unit;
import dev.devq.lang.unit.UnitRegistry;

/**
 * {@code value in unit}: the unit must be one devq knows and of the value's dimension, and only a
 * quantity converts. A helper of {@link Checker}; the evaluator says the same of a value whose type
 * is known only when evaluated.
 */
public final class Conversions {
  private Conversions() {}

  static TypedExpr check(Checker checker, Expr.Convert e) {
    TypedExpr value = checker.check(e.value());
    Unit unit = UnitRegistry.standard().find(e.unit());
    if (unit == null) {
      checker.error(
          DiagnosticCode.UNKNOWN_UNIT,
          "unknown unit '" + e.unit() + "'",
          e.unitSpan(),
          "not a unit devq knows",
          Suggestions.didYouMean(e.unit(), UnitRegistry.standard().names()));
      return new TypedExpr.Convert(e.span(), Type.ANY, value, e.unit());
    }
    if (value.type() instanceof Type.Quantity q && !q.dimension().equals(unit.dimension())) {
      UnitRegistry units = UnitRegistry.standard();
      checker.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          cannotConvert(q.dimension(), e.unit(), unit.dimension()),
          e.unitSpan(),
          units.name(unit.dimension()),
          DimensionHints.hint(unit.dimension(), q.dimension()));
    } else if (!(value.type() instanceof Type.Quantity || value.type() instanceof Type.Any)) {
      checker.error(
          DiagnosticCode.TYPE_MISMATCH,
          "only quantities convert to units, found " + value.type().describe(),
          value.span(),
          value.type().describe(),
          "");
    }
    Type shown = Type.quantity(unit.dimension(), unit.name());
    if (value.type() instanceof Type.Quantity q
        && shown instanceof Type.Quantity s
        && s.rate() == Type.Rate.UNMARKED
        && q.dimension().equals(s.dimension())) {
      // a unit that counts nothing said changes how the value is written, not what it counts:
      // (1 / a16.cpu.p_core_clock) in ns is still the time of a cycle
      shown = q;
    }
    if (value.type() instanceof Type.Quantity q
        && shown instanceof Type.Quantity s
        && q.clashes(s)) {
      // the one value read as the other thing it could count: 30 predictions a second are not 30
      // tokens a second, nor a clock of 30 cycles
      checker.error(
          DiagnosticCode.DIMENSION_MISMATCH,
          "cannot show " + q.what() + " in " + e.unit() + " (" + s.what() + ")",
          e.unitSpan(),
          s.what(),
          q.dimension().isNone()
              ? "the value counts something else: show it as a plain number"
              : switch (q.rate()) {
                case TOKENS -> "a token rate reads in tok/s";
                case FRAMES ->
                    s.rate() == Type.Rate.TOKENS
                        ? "fps(…) counts predictions per second; decode_rate(…) counts tokens"
                        : "a frame rate reads in fps or Hz";
                case CYCLES -> "a clock reads in MHz or GHz";
                case UNMARKED -> "";
              });
    }
    return new TypedExpr.Convert(e.span(), shown, value, e.unit());
  }

  /**
   * "cannot convert Bytes to ms (Time)": a value of dimension {@code from} written in {@code unit}.
   */
  public static String cannotConvert(Dimension from, String unit, Dimension to) {
    UnitRegistry units = UnitRegistry.standard();
    return "cannot convert "
        + units.describe(from)
        + " to "
        + unit
        + " ("
        + units.describe(to)
        + ")";
  }
}
