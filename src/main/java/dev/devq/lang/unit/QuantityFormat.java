package dev.devq.lang.unit;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * Writes quantities for people: three significant digits and the unit that keeps the number between
 * 1 and 1000 ({@code 4.21 ms}, {@code 1.52 GB}, {@code 17 TOPS}, {@code 33.3 ms}). Past either end
 * of a dimension's display units the end unit takes an exponent ({@code 1e27 TB}, {@code 1e-8 ns});
 * a plain number takes {@code k}, {@code M} or {@code G} below 1000G (a whole number below a
 * million prints whole: a year, a count) and past it an exponent alone ({@code 1.66e300}, never
 * {@code 1.66e291G}).
 */
public final class QuantityFormat {
  private QuantityFormat() {}

  /** Display units that say what a number counts rather than ask for a conversion. */
  private static final java.util.Set<String> NAMING_UNITS =
      java.util.Set.of("%", Quantity.TOKENS, Quantity.TOKEN_RATE);

  /** The text users read, e.g. {@code 4.21 ms}. */
  public static String format(Quantity q) {
    // A unit the user asked for ("in MB") gets more digits: they want the conversion, not a
    // summary.
    boolean explicit = !q.displayUnit().isEmpty() && !NAMING_UNITS.contains(q.displayUnit());
    return format(q, explicit ? 6 : 3);
  }

  /**
   * Three significant digits in the quantity's display unit, asked for or not: an estimate with an
   * 80% range and the ends of that range, which more digits would make look more certain than they
   * are.
   */
  public static String brief(Quantity q) {
    return format(q, 3);
  }

  /**
   * A range of two quantities, each {@link #brief}, {@code 10.6–25 ms}: the unit once when both
   * ends print in the same unit ({@code 1.45–12.3 GB/s}), else each end with its own.
   */
  public static String range(Quantity low, Quantity high) {
    String lo = brief(low);
    String hi = brief(high);
    int a = lo.lastIndexOf(' ');
    int b = hi.lastIndexOf(' ');
    boolean sameUnit = a > 0 && b > 0 && lo.substring(a).equals(hi.substring(b));
    if (!sameUnit && lo.endsWith("%") && hi.endsWith("%")) {
      return lo.substring(0, lo.length() - 1) + "–" + hi;
    }
    return (sameUnit ? lo.substring(0, a) : lo) + "–" + hi;
  }

  private static String format(Quantity q, int significant) {
    // A value no source gives reads "unknown", never "unknown B": a unit on nothing misleads.
    if (Double.isNaN(q.value())) {
      return "unknown";
    }
    if (q.dimension().isNone()
        && q.displayUnit().isEmpty()
        && q.value() == Math.rint(q.value())
        && Math.abs(q.value()) < 1e6) {
      return Long.toString((long) q.value());
    }
    Scaled s = scaled(q);
    String digits = number(s.value(), significant);
    return s.unit().isEmpty() ? digits : digits + separator(s.unit()) + s.unit();
  }

  /** The value and unit a quantity is displayed in, also used for JSON output. */
  public static Scaled scaled(Quantity q) {
    UnitRegistry registry = UnitRegistry.standard();
    if (!q.displayUnit().isEmpty()) {
      Unit unit = registry.find(q.displayUnit());
      if (unit == null) {
        unit = DerivedUnit.parse(registry, q.displayUnit()); // a table column's derived unit
      }
      if (unit != null && unit.dimension().equals(q.dimension())) {
        return new Scaled(q.value() / unit.factor(), q.displayUnit());
      }
    }
    List<Unit> ladder = registry.ladder(q.dimension());
    if (ladder.isEmpty()) {
      Unit derived = DerivedUnit.choose(registry, q.dimension(), Math.abs(q.value()));
      return new Scaled(q.value() / derived.factor(), derived.name());
    }
    double magnitude = Math.abs(q.value());
    Unit chosen = ladder.get(0);
    for (Unit u : ladder) {
      if (magnitude == 0 ? u.factor() <= 1 : magnitude >= u.factor() * 0.9995) {
        // zero has no magnitude to scale to: it reads in the base unit (0 J, not 0 pJ)
        chosen = u;
      }
    }
    if (q.dimension().isNone() && magnitude >= chosen.factor() * 999.5) {
      // k, M and G shorten counts (25.6M parameters); past the top one a count is written in
      // exponent form alone, since "1.66e299G" makes the reader multiply two scales
      return new Scaled(q.value(), "");
    }
    return new Scaled(q.value() / chosen.factor(), chosen.name());
  }

  /** Three significant digits without trailing zeros or exponent notation for usual magnitudes. */
  public static String number(double v) {
    return number(v, 3);
  }

  /**
   * A fraction as a percentage to three significant digits, {@code 0.74} as {@code 74%} and {@code
   * 0.1092} as {@code 10.9%}: the one way the text output writes a share, a margin or a thermal
   * factor.
   */
  public static String percent(double fraction) {
    return number(fraction * 100) + "%";
  }

  /**
   * A fraction as a whole percentage, {@code 0.136} as {@code 14%}: the error figures of a
   * validation, whose summary line tools read (DESIGN.md: {@code median abs error X%}). From a
   * million percent on it takes an exponent as {@link #number} writes one ({@code 4.75e301%}),
   * never three hundred digits.
   */
  public static String wholePercent(double fraction) {
    double percent = fraction * 100;
    return Math.abs(percent) >= 1e6
        ? number(percent) + "%"
        : String.format(Locale.ROOT, "%.0f%%", percent);
  }

  /** {@code v} to {@code significant} digits, trailing zeros removed. */
  public static String number(double v, int significant) {
    if (Double.isNaN(v)) {
      return "unknown";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == 0) {
      return "0";
    }
    // Rounding never drops digits before the point: 3279 mAh stays 3279, not 3280.
    int integerDigits = (int) Math.floor(Math.log10(Math.abs(v))) + 1;
    BigDecimal rounded =
        decimal(v)
            .round(
                new MathContext(
                    Math.abs(v) < 1e6 ? Math.max(significant, integerDigits) : significant));
    return written(rounded, v);
  }

  /**
   * The decimal a computed double stands for: the shortest one that reads back as it ({@code
   * 2.285}, not the binary fraction just below), to 12 significant digits: far below any figure's
   * uncertainty, and above the rounding a computation's order leaves in a double's last digits
   * ({@code 0.1 + 0.2} is {@code 0.3}; {@code x * (b / r)} and {@code x * b / r} agree). JSON
   * writes this in full and text rounds this, so the three digits a person reads are always the
   * JSON number rounded, never a neighbour of it.
   */
  public static BigDecimal decimal(double v) {
    if (whole(v)) {
      return BigDecimal.valueOf((long) v); // a whole number (a count of FLOPs, bytes) stays exact
    }
    return BigDecimal.valueOf(v).round(COMPUTED_DIGITS);
  }

  private static final MathContext COMPUTED_DIGITS = new MathContext(12);

  /** A whole number a double holds exactly: past 2^53 a double no longer holds every one. */
  private static boolean whole(double v) {
    return v == Math.rint(v) && Math.abs(v) < 0x1p53;
  }

  /**
   * {@code v} as a query would write it, with every digit it holds: a whole number in full ({@code
   * 16777216}), anything else in the fewest digits that read back as {@code v} ({@code 0.35},
   * {@code 1e-9}, {@code 3.2e301}), never Java's {@code 1.0E-9}. For values a user wrote (model
   * parameters, sizes in messages), where rounding would show a different number.
   */
  public static String exact(double v) {
    if (!Double.isFinite(v)) {
      return number(v);
    }
    if (whole(v)) {
      return Long.toString((long) v);
    }
    return written(BigDecimal.valueOf(v), v);
  }

  /** Plain digits for usual magnitudes, else the query language's exponent form ({@code 1e-9}). */
  private static String written(BigDecimal digits, double v) {
    BigDecimal d = digits.stripTrailingZeros();
    if (Math.abs(v) >= 1e6 || Math.abs(v) < 1e-4) {
      // by hand: BigDecimal.toString keeps plain digits down to 1e-6 ("0.0000015")
      int exponent = d.precision() - d.scale() - 1;
      return d.movePointLeft(exponent).toPlainString() + "e" + exponent;
    }
    return d.toPlainString();
  }

  private static String separator(String unit) {
    return "%".equals(unit) || "k".equals(unit) || "M".equals(unit) || "G".equals(unit) ? "" : " ";
  }

  /**
   * The value in base units of its dimension ({@code s^2}, {@code B·s}) whatever its size: JSON's
   * unit for a dimension it fixes no unit for.
   */
  public static Scaled inBaseUnits(Quantity q) {
    UnitRegistry registry = UnitRegistry.standard();
    Unit unit =
        q.dimension().isNone()
            ? new Unit("", 1, Dimension.NONE)
            : DerivedUnit.base(registry, q.dimension());
    return new Scaled(q.value() / unit.factor(), unit.name());
  }

  /** A value in a named display unit. */
  public record Scaled(double value, String unit) {}
}
