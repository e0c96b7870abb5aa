package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.Model;

/**
 * The roofline of layer {@code i} on one unit: {@code max(FLOPs / (peak × efficiency × thermal),
 * bytes / (bandwidth × efficiency)) + overhead}.
 *
 * <p>Weights and the KV cache stream from DRAM. Activations between layers stream through the
 * system-level cache at {@code act_bw_factor} times DRAM bandwidth while the pair of tensors fits
 * the cache's share for activations, and through DRAM otherwise. Layers fused into the previous
 * convolution or matmul (batch norm, activations) move no data and add no overhead. Placement then
 * lets each layer's weights stream while the layer before it computes on the same unit ({@link
 * Placement}), as the units' DMA engines prefetch.
 *
 * <p>Placement asks for every layer on every allowed unit, so the constructor resolves each unit's
 * rate per op class once and the per-layer methods do arithmetic on {@link LayerFacts}.
 */
final class LayerTimer {
  private final LayerFacts facts;
  private final int batch;
  private final double activationBytes;
  private final double bandwidth;
  private final double cacheBytes;
  private final double actBwFactor;
  private final double switchFixed;

  /** Peak × efficiency × thermal, by unit ordinal and op class index. */
  private final double[][] rate;

  private final double[] overhead;

  LayerTimer(LayerFacts facts, Constants k, Soc soc, Model model, int batch, double thermal) {
    this.facts = facts;
    this.batch = batch;
    this.activationBytes = model.format().activationBytes();
    this.bandwidth = soc.bandwidth().value().value() * k.bwEff();
    double slc = soc.slc().value().value();
    this.cacheBytes = (Double.isNaN(slc) ? 0 : slc) * k.slcShare();
    this.actBwFactor = k.actBwFactor();
    this.switchFixed = k.switchFixed();
    this.overhead = k.overhead();
    ComputeUnit[] units = ComputeUnit.values();
    this.rate = new double[units.length][Coefficients.CLASSES.size()];
    for (ComputeUnit u : units) {
      double peak = UnitRates.peak(soc, u, model.format());
      double matrix = UnitRates.matrixPeak(soc, u, model.format());
      for (int c = 0; c < Coefficients.CLASSES.size(); c++) {
        String cls = Coefficients.CLASSES.get(c);
        double p = cls.equals("conv") || cls.equals("matmul") ? matrix : peak;
        rate[u.ordinal()][c] = p * k.efficiency()[u.ordinal()][c] * thermal;
      }
    }
  }

  /**
   * The coefficients a timer reads, looked up by name once per cost model rather than per
   * prediction.
   */
  record Constants(
      double[][] efficiency,
      double[] overhead,
      double bwEff,
      double slcShare,
      double actBwFactor,
      double switchFixed) {
    static Constants of(Coefficients k) {
      ComputeUnit[] units = ComputeUnit.values();
      double[][] efficiency = new double[units.length][Coefficients.CLASSES.size()];
      double[] overhead = new double[units.length];
      for (ComputeUnit u : units) {
        for (int c = 0; c < Coefficients.CLASSES.size(); c++) {
          efficiency[u.ordinal()][c] = k.efficiency(u, Coefficients.CLASSES.get(c));
        }
        overhead[u.ordinal()] = k.layerOverhead(u);
      }
      return new Constants(
          efficiency,
          overhead,
          k.get("bw_eff"),
          k.get("slc_activation_share"),
          k.get("act_bw_factor"),
          k.get("switch"));
    }
  }

  double computeTime(int i, ComputeUnit unit) {
    return facts.layers.get(i).flops() * (double) batch / rate[unit.ordinal()][facts.opClass[i]];
  }

  /** Time to move a layer's data; the same on every unit, which share the memory system. */
  double memoryTime(int i) {
    double activations = activations(i);
    boolean onChip = activations <= cacheBytes;
    return (weightBytes(i) + stateBytes(i)) / bandwidth
        + activations / (onChip ? bandwidth * actBwFactor : bandwidth);
  }

  /** Bytes a layer moves through DRAM: weights, state, and activations that spill the cache. */
  double dramBytes(int i) {
    double activations = activations(i);
    boolean onChip = activations <= cacheBytes;
    return weightBytes(i) + stateBytes(i) + (onChip ? 0 : activations);
  }

  double overhead(ComputeUnit unit) {
    return overhead[unit.ordinal()];
  }

  /**
   * Time to stream a layer's weights and state, the part a prefetch can hide behind earlier
   * compute.
   */
  double weightTime(int i) {
    if (facts.layers.get(i).params() == 0 && facts.layers.get(i).stateElements() == 0) {
      return 0;
    }
    return (weightBytes(i) + stateBytes(i)) / bandwidth;
  }

  /**
   * Time to hand layer i's input from one unit to another: a synchronisation and a copy through
   * DRAM.
   */
  double switchTime(int i) {
    double bytes = facts.inputElements[i] * activationBytes * batch;
    return switchFixed + 2 * bytes / bandwidth;
  }

  private double activations(int i) {
    return facts.ioElements[i] * activationBytes * batch;
  }

  private double stateBytes(int i) {
    return facts.layers.get(i).stateElements() * activationBytes;
  }

  /** Weight bytes a call reads: all of them, except for a table lookup, which reads its rows. */
  private double weightBytes(int i) {
    double all = facts.weightBytes[i];
    double rows = facts.rowFraction[i];
    return Double.isNaN(rows) ? all : all * Math.min(1, rows * batch);
  }
}
