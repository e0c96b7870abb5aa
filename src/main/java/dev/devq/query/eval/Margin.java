package dev.devq.query.eval;

import dev.devq.lang.unit.Quantity;

/**
 * How far a comparison is from flipping: {@code gap} is positive when the check holds with room to
 * spare and negative when it is over (or short), in the unit of the left side; {@code fraction} is
 * the gap relative to the limit (the right side). {@code text} words it: "28.9 ms to spare (88%)"
 * or "12 ms over (36%)". A comparison of non-quantities, or with {@code ==}, has none. Against a
 * limit of zero the gap has no relative size: {@code fraction} is NaN ("1 to spare").
 */
public record Margin(boolean present, Quantity gap, double fraction, String text) {
  /** No margin: the sides are not quantities, or the operator has no direction. */
  public static final Margin NONE = new Margin(false, Quantity.number(0), 0, "");

  public Margin {
    if (present && (!Double.isFinite(gap.value()) || Double.isInfinite(fraction))) {
      throw new IllegalArgumentException("a margin is finite");
    }
  }
}
