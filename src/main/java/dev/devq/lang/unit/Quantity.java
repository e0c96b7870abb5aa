package dev.devq.lang.unit;

/**
 * A number with a dimension, held in base units ({@code 33 ms} is {@code 0.033} of Time). {@code
 * displayUnit} remembers a unit the user asked for ({@code in MB}) or wrote ({@code 80%}); empty
 * means "pick a readable one".
 */
public record Quantity(double value, Dimension dimension, String displayUnit) {
  public Quantity {
    if (dimension == null || displayUnit == null) {
      throw new IllegalArgumentException("quantity needs a dimension and a display unit");
    }
  }

  /** The display unit of a token count ({@code 128 tok}). */
  public static final String TOKENS = "tok";

  /** The display unit of a per-token rate, a frequency ({@code 9.42 tok/s}). */
  public static final String TOKEN_RATE = "tok/s";

  /**
   * The display unit a literal keeps: a percentage stays one, a token count stays tokens (so a
   * count over a time reads in tok/s) and a per-token rate stays one (read as a frequency, {@code
   * 30 tok/s} would print as {@code 30 fps}); every other literal displays like a computed value.
   */
  public static String literalDisplay(String writtenUnit, Unit unit) {
    if ("%".equals(writtenUnit)) {
      return "%";
    }
    if (TOKEN_RATE.equals(unit.name())) {
      return TOKEN_RATE;
    }
    return unit.name().startsWith(TOKENS) ? TOKENS : "";
  }

  public static Quantity of(double value, Dimension dimension) {
    return new Quantity(value, dimension, "");
  }

  public static Quantity number(double value) {
    return new Quantity(value, Dimension.NONE, "");
  }

  public Quantity withDisplayUnit(String unit) {
    return new Quantity(value, dimension, unit);
  }

  public Quantity plus(Quantity other) {
    return new Quantity(value + other.value, dimension, displayUnit);
  }

  public Quantity minus(Quantity other) {
    return new Quantity(value - other.value, dimension, displayUnit);
  }

  public Quantity times(Quantity other) {
    String unit =
        dimension.isNone() ? other.displayUnit : other.dimension.isNone() ? displayUnit : "";
    return new Quantity(
        value * other.value, dimension.times(other.dimension), "%".equals(unit) ? "" : unit);
  }

  public Quantity dividedBy(Quantity other) {
    String unit = other.dimension.isNone() && !"%".equals(displayUnit) ? displayUnit : "";
    if (TOKENS.equals(displayUnit) && other.dimension.equals(Dimensions.TIME)) {
      unit = TOKEN_RATE; // tokens per time: a decode rate, read in tok/s rather than Hz
    }
    return new Quantity(value / other.value, dimension.divide(other.dimension), unit);
  }

  public Quantity scaled(double k) {
    return new Quantity(value * k, dimension, displayUnit);
  }
}
