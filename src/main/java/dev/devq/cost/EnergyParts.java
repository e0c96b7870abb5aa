package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a prediction's energy is made of, in joules: each compute unit's draw over the layers it ran
 * ({@link UnitEnergy}) and the DRAM traffic of the layers and of any KV cache copies. {@code
 * explain} shows the parts, since where the energy goes decides what to change: a model whose
 * energy is mostly DRAM gains from smaller weights, not from a faster unit.
 *
 * <p>A class over an array rather than a record over a map: every prediction makes one, and a sweep
 * makes millions, while only {@code explain} reads the parts.
 */
public final class EnergyParts {
  private final double total;

  /** Joules per unit in {@link ComputeUnit} order; NaN for a unit that ran no layer. */
  private final double[] perUnit;

  private final double dram;

  EnergyParts(double total, double[] perUnit, double dram) {
    this.total = total;
    this.perUnit = perUnit.clone();
    this.dram = dram;
  }

  /** The sum, as the prediction reports it. */
  public double total() {
    return total;
  }

  /** Joules per unit that ran a layer, in the units' order. */
  public Map<ComputeUnit, Double> units() {
    Map<ComputeUnit, Double> out = new EnumMap<>(ComputeUnit.class);
    for (ComputeUnit u : ComputeUnit.values()) {
      if (!Double.isNaN(perUnit[u.ordinal()])) {
        out.put(u, perUnit[u.ordinal()]);
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** Joules of DRAM traffic. */
  public double dram() {
    return dram;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EnergyParts e
        && Double.compare(e.total, total) == 0
        && Double.compare(e.dram, dram) == 0
        && Arrays.equals(e.perUnit, perUnit);
  }

  @Override
  public int hashCode() {
    return (Double.hashCode(total) * 31 + Double.hashCode(dram)) * 31 + Arrays.hashCode(perUnit);
  }

  @Override
  public String toString() {
    return "EnergyParts[total=" + total + ", units=" + units() + ", dram=" + dram + "]";
  }
}
