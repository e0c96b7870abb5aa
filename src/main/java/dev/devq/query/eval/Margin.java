package dev.devq.query.eval;

import dev.devq.lang.unit.Quantity;

/**
 * How far a comparison is from flipping: {@code gap} is positive when the check holds with room to
 * spare and negative when it is over (or short), in the unit of the limit; {@code fraction} is the
 * gap relative to the limit: the side that is not an estimate, or, when both sides are estimates or
 * neither is, the side that must be the larger, so the order the sides are written in does not
 * change it. {@code text} words it: "28.9 ms to spare (88%)" or "12 ms over (36%)", a chain's each
 * link after its sides. {@code caveat} says why a comparison that holds at the estimate does not at
 * the pessimistic end of its 80% range ("not at the pessimistic end of the 80% range: 31.7 ms is
 * not < 30 ms"), and is empty otherwise; {@code text} ends with it. A comparison of non-quantities,
 * or with {@code ==}, has none. Against a limit of zero the gap has no relative size: {@code
 * fraction} is NaN ("1 to spare").
 */
public record Margin(boolean present, Quantity gap, double fraction, String text, String caveat) {
  /** No margin: the sides are not quantities, or the operator has no direction. */
  public static final Margin NONE = new Margin(false, Quantity.number(0), 0, "", "");

  /** Whether the comparison holds at the estimate but not at the pessimistic end of its range. */
  public boolean onlyAtEstimate() {
    return !caveat.isEmpty();
  }

  public Margin {
    if (present && (!Double.isFinite(gap.value()) || Double.isInfinite(fraction))) {
      throw new IllegalArgumentException("a margin is finite");
    }
  }
}
