package dev.devq.query.check;

import dev.devq.lang.Article;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.UnitRegistry;
import java.util.Map;

/**
 * At most one fix for a dimension mismatch, as Numbat words it: invert when one side is the
 * reciprocal of the other, or multiply/divide by the one base dimension that is missing.
 */
final class DimensionHints {
  private DimensionHints() {}

  static String hint(Dimension expected, Dimension actual) {
    UnitRegistry units = UnitRegistry.standard();
    if (!actual.isNone() && actual.pow(-1).equals(expected)) {
      return "hint: invert one side (1 / x)";
    }
    Dimension missing = expected.divide(actual);
    if (missing.exponents().size() == 1) {
      Map.Entry<String, Integer> only = missing.exponents().entrySet().iterator().next();
      if (Math.abs(only.getValue()) == 1) {
        String factor = units.name(Dimension.base(only.getKey()));
        return only.getValue() > 0
            ? "hint: multiply the right side by " + Article.with(factor + " factor")
            : "hint: divide the right side by " + Article.with(factor + " factor");
      }
    }
    return "";
  }
}
