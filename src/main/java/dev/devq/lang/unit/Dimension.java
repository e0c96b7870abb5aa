package dev.devq.lang.unit;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A product of base dimensions with integer exponents, e.g. {@code Bytes·Time⁻¹}; the empty map is
 * dimensionless. The map is canonical (sorted, no zero exponents), so {@code equals} means "same
 * dimension".
 */
public record Dimension(SortedMap<String, Integer> exponents) {
  public static final Dimension NONE = new Dimension(new TreeMap<>());

  public Dimension {
    var canonical = new TreeMap<String, Integer>();
    exponents.forEach(
        (base, exp) -> {
          if (exp != 0) {
            canonical.put(base, exp);
          }
        });
    exponents = Collections.unmodifiableSortedMap(canonical);
  }

  // Written out: Java 17 links a record's generated equals and hashCode through a bootstrap that
  // spins method-handle classes on first use, tens of ms of a one-shot start, and every query's
  // units are compared (docs/history/performance-log.md).
  @Override
  public boolean equals(Object o) {
    return o == this || o instanceof Dimension d && exponents.equals(d.exponents);
  }

  @Override
  public int hashCode() {
    return exponents.hashCode();
  }

  /** The dimension of one base, e.g. {@code Time}. */
  public static Dimension base(String name) {
    return new Dimension(new TreeMap<>(Map.of(name, 1)));
  }

  public Dimension times(Dimension other) {
    var sum = new TreeMap<>(exponents);
    other.exponents.forEach((base, exp) -> sum.merge(base, exp, Integer::sum));
    return new Dimension(sum);
  }

  public Dimension pow(int k) {
    var scaled = new TreeMap<String, Integer>();
    exponents.forEach((base, exp) -> scaled.put(base, exp * k));
    return new Dimension(scaled);
  }

  public Dimension divide(Dimension other) {
    return times(other.pow(-1));
  }

  public boolean isNone() {
    return exponents.isEmpty();
  }

  /** {@code Bytes·Time⁻¹}, or {@code 1} when dimensionless. */
  @Override
  public String toString() {
    if (exponents.isEmpty()) {
      return "1";
    }
    var out = new StringBuilder();
    exponents.forEach(
        (base, exp) -> {
          if (out.length() > 0) {
            out.append('·');
          }
          out.append(base);
          if (exp != 1) {
            out.append(superscript(exp));
          }
        });
    return out.toString();
  }

  private static String superscript(int n) {
    String digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    var out = new StringBuilder(n < 0 ? "⁻" : "");
    for (char c : Integer.toString(Math.abs(n)).toCharArray()) {
      out.append(digits.charAt(c - '0'));
    }
    return out.toString();
  }
}
