package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import java.util.Arrays;
import java.util.List;

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
  /** Each unit's {@code stall_power_share}, in {@link ComputeUnit} order. */
  private final double[] stallShare = new double[LayerFacts.UNITS];

  private final double dramJoulesPerByte;

  /** The rule under one set of coefficients, read once rather than per prediction. */
  UnitEnergy(Coefficients k) {
    for (ComputeUnit u : ComputeUnit.values()) {
      stallShare[u.ordinal()] = k.get("stall_power_share." + u.key());
    }
    dramJoulesPerByte = k.get("dram_energy_per_byte");
  }

  /**
   * The energy of layers run on {@code soc} in order and of a KV cache's copies besides them: each
   * unit's joules, and the DRAM traffic at {@code dram_energy_per_byte}. The copies are data
   * movement, so the unit that runs the layers reading the cache draws its stall share of power
   * while they run.
   */
  EnergyParts parts(Soc soc, List<LayerCost> layers, CacheCopies copies) {
    double[] times = new double[layers.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = layers.get(i).time();
    }
    return parts(soc, layers, times, copies);
  }

  /**
   * {@link #parts(Soc, List, CacheCopies)} with each layer's {@link LayerCost#time} at hand ({@code
   * times}, in order), as placement has them.
   */
  EnergyParts parts(Soc soc, List<LayerCost> layers, double[] times, CacheCopies copies) {
    double[] power = new double[LayerFacts.UNITS];
    for (ComputeUnit u : ComputeUnit.values()) {
      power[u.ordinal()] = UnitRates.power(soc, u);
    }
    double[] perUnit = new double[LayerFacts.UNITS];
    Arrays.fill(perUnit, Double.NaN);
    double joules = 0;
    double dram = 0;
    for (int i = 0; i < layers.size(); i++) {
      LayerCost c = layers.get(i);
      int u = c.unit().ordinal();
      double e = joules(power[u], c, times[i]);
      joules += e;
      perUnit[u] = Double.isNaN(perUnit[u]) ? e : perUnit[u] + e;
      dram += c.dramBytes();
    }
    if (copies.unit() != null) {
      int u = copies.unit().ordinal();
      double e = power[u] * stallShare[u] * copies.time();
      joules += e;
      perUnit[u] += e;
    }
    double dramJoules = (dram + copies.dramBytes()) * dramJoulesPerByte;
    return new EnergyParts(joules + dramJoules, perUnit, dramJoules);
  }

  /** Joules of one layer on its unit of {@code soc} (DRAM traffic is charged apart, per byte). */
  double of(Soc soc, LayerCost c) {
    return joules(UnitRates.power(soc, c.unit()), c, c.time());
  }

  /** Joules of layer {@code c}, whose time is {@code busy}, at {@code power}. */
  private double joules(double power, LayerCost c, double busy) {
    double active = Math.min(c.computeTime() + c.outputTime(), busy);
    return power * (active + stallShare[c.unit().ordinal()] * (busy - active));
  }
}
