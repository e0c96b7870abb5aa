package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.Model;

/**
 * The roofline of layer {@code i} on one unit: {@code max(FLOPs / (peak × efficiency × thermal),
 * bytes / (bandwidth × efficiency)) + overhead}.
 *
 * <p>Weights and the KV cache stream from DRAM, unless all of a model's weights fit the cache's
 * share: then warm predictions find them in the cache. Activations between layers stream through
 * the system-level cache at {@code act_bw_factor} times DRAM bandwidth while the pair of tensors
 * fits the cache's share, concurrently with the weights' DRAM stream, and share DRAM with the
 * weights otherwise. Layers fused into the previous convolution or matmul (batch norm, activations)
 * move no data and add no overhead. Placement then lets weights stream ahead while earlier layers
 * of the same segment compute ({@link Placement}), as the units' DMA engines prefetch.
 *
 * <p>Placement asks for every layer on every allowed unit, so the constructor resolves each unit's
 * rate per op class once and the per-layer methods do arithmetic on {@link LayerFacts}.
 */
final class LayerTimer {
  private final LayerFacts facts;
  private final int batch;
  private final double activationBytes;

  /** DRAM bandwidth each unit reaches, by unit ordinal (today one share for all units). */
  private final double[] bandwidth;

  private final double cacheBytes;
  private final double actBwFactor;
  private final boolean resident;
  private final double switchFixed;
  private final double aneDispatch;

  /**
   * Slowdown of the Neural Engine's data movement under an older OS's compiler (1 on the current
   * OS). It stretches memory time only: the iOS 13 rows of memory-bound networks (DenseNet, ResNet)
   * ran about twice as slow as today's model, while the compute-bound VGGs of the same table did
   * not, so the older compiler tiled worse but the multiply-accumulate arrays ran at their rate.
   */
  private final double aneFactor;

  /** Peak × efficiency × thermal, by unit ordinal and op class index. */
  private final double[][] rate;

  private final double[] overhead;

  LayerTimer(
      LayerFacts facts,
      Constants k,
      Soc soc,
      Model model,
      int batch,
      double thermal,
      double aneFactor,
      boolean cpuMatrixUnit) {
    this.facts = facts;
    this.batch = batch;
    this.activationBytes = model.format().activationBytes();
    ComputeUnit[] units = ComputeUnit.values();
    this.bandwidth = new double[units.length];
    for (ComputeUnit u : units) {
      bandwidth[u.ordinal()] = soc.bandwidth().value().value() * k.bwEff();
    }
    double slc = soc.slc().value().value();
    this.cacheBytes = (Double.isNaN(slc) ? 0 : slc) * k.slcShare();
    this.actBwFactor = k.actBwFactor();
    // Warm predictions of a model whose weights fit the cache's share find them still there: they
    // move at cache speed and cost no DRAM traffic.
    this.resident = facts.totalWeightBytes <= cacheBytes;
    this.switchFixed = k.switchFixed();
    this.aneDispatch = k.aneDispatch();
    this.aneFactor = aneFactor;
    this.overhead = k.overhead();
    this.rate = new double[units.length][Coefficients.CLASSES.size()];
    for (ComputeUnit u : units) {
      double peak = UnitRates.peak(soc, u, model.format());
      // Core ML's CPU path runs GEMMs on the matrix unit; a runtime's constants may be fitted
      // against the NEON peak instead (cpuMatrixUnit false)
      double matrix =
          u == ComputeUnit.CPU && !cpuMatrixUnit
              ? peak
              : UnitRates.matrixPeak(soc, u, model.format());
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
      double switchFixed,
      double aneDispatch) {
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
          k.get("switch"),
          k.get("ane_dispatch"));
    }
  }

  double computeTime(int i, ComputeUnit unit) {
    return facts.flops[i] * (double) batch / rate[unit.ordinal()][facts.opClass[i]];
  }

  /** Time to move a layer's data from a unit (the units share DRAM and the cache). */
  double memoryTime(int i, ComputeUnit unit) {
    double bandwidth = this.bandwidth[unit.ordinal()];
    double activations = activations(i);
    double weights = weightTime(i, unit);
    // Activations that stay on chip move over the cache while weights stream from DRAM, two paths
    // at once; activations that spill share the DRAM bus with the weights.
    double t =
        activations <= cacheBytes
            ? Math.max(weights, activations / (bandwidth * actBwFactor))
            : weights + activations / bandwidth;
    return unit == ComputeUnit.ANE ? t * aneFactor : t;
  }

  /**
   * Weight streaming a unit can run ahead of its compute: as many bytes as the cache's share holds,
   * in seconds of DRAM time.
   */
  double prefetchBank(ComputeUnit unit) {
    return cacheBytes / bandwidth[unit.ordinal()];
  }

  /** Cost of entering a segment on a unit: the Neural Engine's dispatch of a compiled program. */
  double dispatch(ComputeUnit unit) {
    return unit == ComputeUnit.ANE ? aneDispatch : 0;
  }

  /** Bytes a layer moves through DRAM: weights, state, and activations that spill the cache. */
  double dramBytes(int i) {
    double activations = activations(i);
    boolean onChip = activations <= cacheBytes;
    return (resident ? 0 : weightBytes(i)) + stateBytes(i) + (onChip ? 0 : activations);
  }

  double overhead(ComputeUnit unit) {
    return overhead[unit.ordinal()];
  }

  /**
   * Time to stream a layer's weights and state, the part a prefetch can hide behind earlier
   * compute.
   */
  double weightTime(int i, ComputeUnit unit) {
    if (!facts.streams[i]) {
      return 0;
    }
    double bandwidth = this.bandwidth[unit.ordinal()];
    return weightBytes(i) / (resident ? bandwidth * actBwFactor : bandwidth)
        + stateBytes(i) / bandwidth;
  }

  /**
   * Time to hand layer i's input from one unit to another: a synchronisation and a copy through
   * DRAM (written and read back), which Core ML's CPU side does, converting the layout.
   */
  double switchTime(int i) {
    double bytes = facts.inputElements[i] * activationBytes * batch;
    return switchFixed + 2 * bytes / bandwidth[ComputeUnit.CPU.ordinal()];
  }

  private double activations(int i) {
    return facts.ioElements[i] * activationBytes * batch;
  }

  private double stateBytes(int i) {
    return facts.stateElements[i] * activationBytes;
  }

  /** Weight bytes a call reads: all of them, except for a table lookup, which reads its rows. */
  private double weightBytes(int i) {
    double all = facts.weightBytes[i];
    double rows = facts.rowFraction[i];
    return Double.isNaN(rows) ? all : all * Math.min(1, rows * batch);
  }
}
