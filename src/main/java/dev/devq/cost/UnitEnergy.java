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
 *
 * <p>A throttled unit runs at {@code thermal} of its clock. Its dynamic power, P = α·C·V²·f, falls
 * at least in proportion (in proportion at a fixed voltage, more where the voltage falls with the
 * clock), so while it computes it draws {@code thermal} × its power: the arithmetic takes 1 /
 * {@code thermal} as long, and its energy per operation stays what it was, the upper end. While it
 * waits it draws its stall share as at full clock (part of that draw is leakage and clock tree,
 * which no source at hand splits from the rest, and keeping it is the cautious end), but never more
 * than it draws computing at that clock. So throttling never raises a layer's energy.
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
  EnergyParts parts(Soc soc, List<LayerCost> layers, CacheCopies copies, double thermal) {
    double[] times = new double[layers.size()];
    for (int i = 0; i < times.length; i++) {
      times[i] = layers.get(i).time();
    }
    return parts(soc, layers, times, copies, thermal);
  }

  /**
   * {@link #parts(Soc, List, CacheCopies, double)} with each layer's {@link LayerCost#time} at hand
   * ({@code times}, in order), as placement has them.
   */
  EnergyParts parts(
      Soc soc, List<LayerCost> layers, double[] times, CacheCopies copies, double thermal) {
    double[] busy = new double[LayerFacts.UNITS];
    double[] stall = new double[LayerFacts.UNITS];
    for (ComputeUnit u : ComputeUnit.values()) {
      busy[u.ordinal()] = busyPower(soc, u, thermal);
      stall[u.ordinal()] = stallPower(soc, u, thermal);
    }
    double[] perUnit = new double[LayerFacts.UNITS];
    Arrays.fill(perUnit, Double.NaN);
    double joules = 0;
    double dram = 0;
    for (int i = 0; i < layers.size(); i++) {
      LayerCost c = layers.get(i);
      int u = c.unit().ordinal();
      double e = joules(busy[u], stall[u], c, times[i]);
      joules += e;
      perUnit[u] = Double.isNaN(perUnit[u]) ? e : perUnit[u] + e;
      dram += c.dramBytes();
    }
    if (copies.unit() != null) {
      int u = copies.unit().ordinal();
      double e = stall[u] * copies.time();
      joules += e;
      perUnit[u] += e;
    }
    double dramJoules = (dram + copies.dramBytes()) * dramJoulesPerByte;
    return new EnergyParts(joules + dramJoules, perUnit, dramJoules);
  }

  /**
   * Joules of one layer on its unit of {@code soc} at {@code thermal} of its clock (DRAM traffic is
   * charged apart, per byte).
   */
  double of(Soc soc, LayerCost c, double thermal) {
    return joules(
        busyPower(soc, c.unit(), thermal), stallPower(soc, c.unit(), thermal), c, c.time());
  }

  /** Watts a unit draws computing at {@code thermal} of its clock: dynamic power follows f. */
  private static double busyPower(Soc soc, ComputeUnit u, double thermal) {
    return UnitRates.power(soc, u) * thermal;
  }

  /**
   * Watts a unit draws waiting at {@code thermal} of its clock: its stall share of full power, kept
   * (not split into dynamic and leakage), but not above its draw computing at that clock.
   */
  private double stallPower(Soc soc, ComputeUnit u, double thermal) {
    return UnitRates.power(soc, u) * Math.min(stallShare[u.ordinal()], thermal);
  }

  /** Joules of layer {@code c}, whose time is {@code time}, at these two draws. */
  private static double joules(double busy, double stall, LayerCost c, double time) {
    double active = Math.min(c.computeTime() + c.outputTime(), time);
    return busy * active + stall * (time - active);
  }
}
