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
}
