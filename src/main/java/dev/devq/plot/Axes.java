package dev.devq.plot;

import dev.devq.lang.AstBuilder;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.lang.unit.Unit;
import dev.devq.lang.unit.UnitRegistry;

/**
 * Units of chart axes: the unit the text output would use for the largest value, so a thermal curve
 * reads in ms and a memory sweep in MB, and numbers in base units scaled into it.
 */
final class Axes {
  private Axes() {}

  /** The display unit for values up to {@code maxAbs}; empty for plain numbers. */
  static String unitFor(Dimension dim, double maxAbs) {
    if (dim.isNone()) {
      return "";
    }
    return QuantityFormat.scaled(Quantity.of(maxAbs, dim)).unit();
  }

  /**
   * The unit a range's end is written in ({@code min} of {@code 0.5min}, {@code -2 ms}), when it is
   * a unit of {@code dim}; else empty. An axis over {@code 0min..0.5min} reads in minutes, as
   * written, not in the seconds its largest value would pick.
   */
  static String writtenUnit(String end, Dimension dim) {
    ParseResult<Expr> parsed = AstBuilder.parseExpression(new SourceText("", end));
    Expr e = parsed.ok() ? parsed.value() : null;
    if (e instanceof Expr.Unary u) {
      e = u.operand();
    }
    if (!(e instanceof Expr.QuantityLit lit) || lit.unit().isEmpty() || dim.isNone()) {
      return "";
    }
    Unit u = UnitRegistry.standard().find(lit.unit());
    return u != null && u.dimension().equals(dim) ? u.name() : "";
  }

  /** A value in base units, in {@code unit}. */
  static double scale(double baseValue, String unit, Dimension dim) {
    Unit u = unit.isEmpty() ? null : UnitRegistry.standard().find(unit);
    return u == null || !u.dimension().equals(dim) ? baseValue : baseValue / u.factor();
  }

  /**
   * The largest magnitude an axis takes, in base units. No figure devq computes comes near it,
   * while a range near the largest double has no end to the chart library's search for ticks (a
   * plot of -1.7e308 never finished) and one past it no finite width.
   */
  static final double LARGEST = 1e100; // written "1e100" in the errors that name it

  /**
   * Whether {@code v} can stand on an axis: within {@link #LARGEST}, or unknown (NaN: a fact no
   * source gives, which a chart leaves a gap for).
   */
  static boolean plottable(double v) {
    return Double.isNaN(v) || Math.abs(v) <= LARGEST;
  }

  /** {@code Time}, {@code Bytes}, or {@code a plain number}. */
  static String describe(Dimension dim) {
    return dim.isNone() ? "a plain number" : UnitRegistry.standard().name(dim);
  }
}
