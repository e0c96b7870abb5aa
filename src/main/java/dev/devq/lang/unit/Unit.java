package dev.devq.lang.unit;

/**
 * A named unit: {@code value_in_base = value × factor}. {@code ms} is {@code (ms, 1e-3, Time)}.
 * {@code counts} is what a frequency or a count unit counts ({@link Counted}: {@code tok/s} and
 * {@code tok} count tokens), {@link Counted#NOTHING} for every other unit.
 */
public record Unit(String name, double factor, Dimension dimension, Counted counts) {
  public Unit {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("unit " + name + " needs a positive finite factor");
    }
    if (counts != Counted.NOTHING
        && !dimension.equals(Dimensions.FREQUENCY)
        && !dimension.isNone()) {
      throw new IllegalArgumentException(
          "only a frequency or a count unit counts something: " + name);
    }
  }

  /** A unit that counts nothing in particular. */
  public Unit(String name, double factor, Dimension dimension) {
    this(name, factor, dimension, Counted.NOTHING);
  }

  /** The quotient unit, e.g. {@code GB} / {@code s}; it counts nothing in particular. */
  public Unit per(Unit other) {
    return new Unit(
        name + "/" + other.name, factor / other.factor, dimension.divide(other.dimension));
  }
}
