package dev.devq.view;

import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.Map;

/**
 * The one unit per dimension that JSON quantities use, whatever their size, so a consumer never has
 * to parse a unit to compare two values: time in ms, bytes in B, energy in J, power in W, frequency
 * in Hz as DESIGN fixes it (frame rates too: text prints them as fps; a per-token rate in tok/s),
 * FLOP, FLOP/s, B/s, charge in mAh; counts are plain numbers. A unit the query asked for ({@code
 * expr in MB}) wins.
 *
 * <p>A dimensionless quantity has one of two units, by what the text shows: {@code "%"} (the value
 * in percent) for a percentage, one the user wrote ({@code 80%}) or a fraction devq shows as one
 * ({@code m.top1}, {@code battery(…)}, a profile's {@code 69%}); {@code ""} for every other number
 * (a count, a ratio, {@code 2 * 80%} = 1.6). Token counts and rates keep {@code tok} and {@code
 * tok/s}.
 */
public final class JsonUnits {
  private record Fixed(String unit, double factor) {}

  private static final Map<Dimension, Fixed> FIXED =
      Map.of(
          Dimensions.TIME, new Fixed("ms", 1e-3),
          Dimensions.BYTES, new Fixed("B", 1),
          Dimensions.ENERGY, new Fixed("J", 1),
          Dimensions.POWER, new Fixed("W", 1),
          Dimensions.FREQUENCY, new Fixed("Hz", 1),
          Dimensions.OPERATIONS, new Fixed("FLOP", 1),
          Dimensions.THROUGHPUT, new Fixed("FLOP/s", 1),
          Dimensions.BANDWIDTH, new Fixed("B/s", 1),
          Dimensions.CHARGE, new Fixed("mAh", 3.6),
          Dimensions.NONE, new Fixed("", 1));

  private JsonUnits() {}

  /** The value and unit JSON reports for a quantity. */
  public static QuantityFormat.Scaled of(Quantity q) {
    if (!q.displayUnit().isEmpty()) {
      return QuantityFormat.scaled(q);
    }
    Fixed f = FIXED.get(q.dimension());
    if (f == null) {
      // a derived dimension without a unit of its own (J/B, s^2): base units, whatever the size
      return QuantityFormat.inBaseUnits(q);
    }
    return new QuantityFormat.Scaled(q.value() / f.factor(), f.unit());
  }

  /**
   * The number JSON writes for {@code q} in {@code unit}, the JSON unit of a table column whose
   * cells may show other units ({@code 80%} and {@code 0.5} in one column: 80 and 50 in %).
   */
  public static double in(Quantity q, String unit) {
    QuantityFormat.Scaled own = of(q);
    return own.unit().equals(unit) ? own.value() : of(q.withDisplayUnit(unit)).value();
  }
}
