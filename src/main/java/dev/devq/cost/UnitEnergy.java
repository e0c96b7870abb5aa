package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;

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

  /** Joules of one layer on its unit (DRAM traffic is charged apart, per byte). */
  double of(LayerCost c) {
    int u = c.unit().ordinal();
    double busy = c.time();
    double active = Math.min(c.computeTime(), busy);
    return power[u] * (active + stallShare[u] * (busy - active));
  }
}
