package dev.devq.model;

import dev.devq.lang.unit.QuantityFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The evaluated arguments of one layer. Like the profile reader, it remembers which keys were asked
 * for, so an argument no rule reads is reported as unknown with the closest valid name.
 */
final class Args {
  private final Map<String, Object> values;
  private final Set<String> used = new LinkedHashSet<>();

  Args(Map<String, Object> values) {
    this.values = new LinkedHashMap<>(values);
  }

  boolean has(String key) {
    used.add(key);
    return values.containsKey(key);
  }

  long count(String key) {
    used.add(key);
    Object v = values.get(key);
    if (v == null) {
      throw new Formula.FormulaError("missing argument '" + key + "'");
    }
    return positive(key, v);
  }

  long count(String key, long fallback) {
    used.add(key);
    Object v = values.get(key);
    return v == null ? fallback : positive(key, v);
  }

  long nonNegative(String key, long fallback) {
    used.add(key);
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    double d = number(key, v);
    if (d < 0) {
      throw new Formula.FormulaError("'" + key + "' cannot be negative, found " + trim(d));
    }
    return bounded(key, d, Math.round(d));
  }

  /**
   * A count of work written out for one layer ({@code macs}, {@code flops}, {@code params}):
   * non-negative and at most {@link ModelLimits#MAX_LAYER_WORK}, far above any size argument.
   */
  long work(String key, long fallback) {
    used.add(key);
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    double d = number(key, v);
    if (d < 0 || d > ModelLimits.MAX_LAYER_WORK) {
      throw new Formula.FormulaError(
          "'" + key + "' is " + trim(d) + ", outside 0 to " + ModelLimits.MAX_LAYER_WORK);
    }
    return Math.round(d);
  }

  String symbol(String key, String fallback) {
    used.add(key);
    Object v = values.get(key);
    return v == null ? fallback : v instanceof Double d ? trim(d) : (String) v;
  }

  boolean flag(String key, boolean fallback) {
    used.add(key);
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Double d) {
      return d != 0;
    }
    return Boolean.parseBoolean((String) v);
  }

  /** Keys given but never read by the op's rule. */
  Set<String> unused() {
    var out = new LinkedHashSet<>(values.keySet());
    out.removeAll(used);
    return out;
  }

  Set<String> used() {
    return used;
  }

  private static long positive(String key, Object v) {
    double d = number(key, v);
    // a size past the limit or past any number is reported as such: 3.2e301 is a whole number,
    // and "must be a positive whole number, found 3.2e301" misled
    if (Double.isNaN(d)) {
      throw new Formula.FormulaError("'" + key + "' is not a number (a formula gave no value)");
    }
    if (d > ModelLimits.MAX_AXIS) {
      throw new Formula.FormulaError(
          "'" + key + "' is " + trim(d) + ", above the limit of " + ModelLimits.MAX_AXIS);
    }
    long n = Math.round(d);
    if (n <= 0 || Math.abs(d - n) > 1e-6) {
      throw new Formula.FormulaError(
          "'" + key + "' must be a positive whole number, found " + trim(d));
    }
    return bounded(key, d, n);
  }

  /** Sizes past {@link ModelLimits#MAX_AXIS} would only overflow the counts made from them. */
  private static long bounded(String key, double d, long n) {
    if (d > ModelLimits.MAX_AXIS) {
      throw new Formula.FormulaError(
          "'" + key + "' is " + trim(d) + ", above the limit of " + ModelLimits.MAX_AXIS);
    }
    return n;
  }

  private static double number(String key, Object v) {
    if (v instanceof Double d) {
      return d;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return "true".equals(v) ? 1 : 0;
    }
    throw new Formula.FormulaError("'" + key + "' must be a number, found '" + v + "'");
  }

  static String trim(double d) {
    if (!Double.isFinite(d)) {
      // 1e308 × 2 in a formula: say what happened rather than print NaN or Infinity
      return "a number too large to represent";
    }
    return QuantityFormat.exact(d);
  }
}
