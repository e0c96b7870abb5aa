package dev.devq.lang.unit;

/** A named unit: {@code value_in_base = value × factor}. {@code ms} is {@code (ms, 1e-3, Time)}. */
public record Unit(String name, double factor, Dimension dimension) {
  public Unit {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("unit " + name + " needs a positive finite factor");
    }
  }

  /** The quotient unit, e.g. {@code GB} / {@code s}. */
  public Unit per(Unit other) {
    return new Unit(
        name + "/" + other.name, factor / other.factor, dimension.divide(other.dimension));
  }
}
