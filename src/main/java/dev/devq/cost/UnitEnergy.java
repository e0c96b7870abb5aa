package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The energy a unit spends on the layers it runs: the one rule {@link CostModel} and {@link
 * RuntimeCost} share. A unit draws its full power only while its arithmetic runs (a layer's compute
 * time); for the rest of the layer's time, waiting on memory or on a launch, it draws {@code
 * stall_power_share.UNIT} of it. The Neural Engine's rail follows how much of its multiply array a
 * layer keeps busy (a bandwidth-bound matrix product draws about a third of a compute-bound one),
 * so a memory-bound transformer on it costs far less than its latency at full power; no measurement
 * separates a stalled CPU's or GPU's draw from a busy one's, and they are charged in full.
 */
final class UnitEnergy {
  private final double[] power = new double[LayerFacts.UNITS];

  private final double[] stallShare = new double[LayerFacts.UNITS];

  UnitEnergy(Soc soc, Coefficients k) {
    for (ComputeUnit u : ComputeUnit.values()) {
      power[u.ordinal()] = UnitRates.power(soc, u);
      stallShare[u.ordinal()] = k.get("stall_power_share." + u.key());
    }
  }

  /**
   * The energy of layers run in order and of {@code moreDramBytes} moved besides them: each unit's
   * joules, and the DRAM traffic at {@code dram_energy_per_byte}.
   */
  EnergyParts parts(List<LayerCost> layers, double moreDramBytes, Coefficients k) {
    double[] perUnit = new double[LayerFacts.UNITS];
    boolean[] ran = new boolean[LayerFacts.UNITS];
    double joules = 0;
    double dram = 0;
    for (LayerCost c : layers) {
      double e = of(c);
      joules += e;
      perUnit[c.unit().ordinal()] += e;
      ran[c.unit().ordinal()] = true;
      dram += c.dramBytes();
    }
    double dramJoules = (dram + moreDramBytes) * k.get("dram_energy_per_byte");
    Map<ComputeUnit, Double> units = new EnumMap<>(ComputeUnit.class);
    for (ComputeUnit u : ComputeUnit.values()) {
      if (ran[u.ordinal()]) {
        units.put(u, perUnit[u.ordinal()]);
      }
    }
    return new EnergyParts(joules + dramJoules, units, dramJoules);
  }

  /** Joules of one layer on its unit (DRAM traffic is charged apart, per byte). */
  double of(LayerCost c) {
    int u = c.unit().ordinal();
    double busy = c.time();
    double active = Math.min(c.computeTime(), busy);
    return power[u] * (active + stallShare[u] * (busy - active));
  }
}
