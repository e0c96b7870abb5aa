package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a prediction's energy is made of, in joules: each compute unit's draw over the layers it ran
 * ({@link UnitEnergy}) and the DRAM traffic of the layers and of any KV cache copies. {@code
 * explain} shows the parts, since where the energy goes decides what to change: a model whose
 * energy is mostly DRAM gains from smaller weights, not from a faster unit.
 *
 * @param total the sum, as the prediction reports it
 * @param units joules per unit that ran a layer, in the units' order
 * @param dram joules of DRAM traffic
 */
public record EnergyParts(double total, Map<ComputeUnit, Double> units, double dram) {
  public EnergyParts {
    Map<ComputeUnit, Double> copy = new EnumMap<>(ComputeUnit.class);
    copy.putAll(units);
    units = Collections.unmodifiableMap(copy);
  }

  /** A total known only as a whole (a test's hand-made prediction). */
  public static EnergyParts of(double total) {
    return new EnergyParts(total, new EnumMap<>(ComputeUnit.class), 0);
  }
}
