package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.Model;

/**
 * The data-movement side of {@link LayerTimer}'s roofline for one model on one SoC at one batch:
 * every layer's memory, weight-streaming and hand-over times and its DRAM bytes. None of it depends
 * on the thermal state or the units a prediction allows, so a cost model computes it once per
 * (model, SoC, batch, OS factor) and every prediction of a sweep over conditions reads arrays.
 *
 * <p>Weights and the KV cache stream from DRAM, unless all of a model's weights fit the cache's
 * share: then warm predictions find them in the cache. Activations between layers stream through
 * the system-level cache at {@code act_bw_factor} times DRAM bandwidth while the pair of tensors of
 * one item of the batch fits the cache's share, concurrently with the weights' DRAM stream, and
 * share DRAM with the weights otherwise.
 */
final class DataMovement {
  private static final int UNITS = LayerFacts.UNITS;

  /** {@link LayerTimer#memoryTime} at {@code i * UNITS + unit.ordinal()}. */
  final double[] memory;

  /** {@link LayerTimer#weightTime}, indexed as {@link #memory}. */
  final double[] weight;

  /** {@link LayerTimer#activationTime}, indexed as {@link #memory}. */
  final double[] activation;

  /** {@link LayerTimer#streamTime}, indexed as {@link #memory}. */
  final double[] stream;

  /** {@link LayerTimer#dramBytes} by layer. */
  final double[] dram;

  /** {@link LayerTimer#switchTime} by layer. */
  final double[] handOver;

  /** {@link LayerTimer#prefetchBank} by unit ordinal. */
  final double[] prefetchBank;

  private final LayerFacts facts;
  private final int batch;
  private final double activationBytes;

  /**
   * DRAM bandwidth each unit reaches, by unit ordinal: the SoC's for the CPU and GPU, one die's
   * share for an Ultra's Neural Engine ({@link UnitRates#bandwidth}).
   */
  private final double[] bandwidth = new double[UNITS];

  private final double cacheBytes;
  private final double actBwFactor;
  private final boolean resident;
  private final double switchFixed;

  /**
   * Slowdown of the Neural Engine's data movement under an older OS's compiler (1 on the current
   * OS). It stretches memory time only: the iOS 13 rows of memory-bound networks (DenseNet, ResNet)
   * ran about twice as slow as today's model, while the compute-bound VGGs of the same table did
   * not, so the older compiler tiled worse but the multiply-accumulate arrays ran at their rate.
   */
  private final double aneFactor;

  /**
   * The terms of every layer on each of {@code units} (a runtime's prediction runs on one unit, so
   * it asks for that one; the others' slots stay 0 and are never read).
   */
  DataMovement(
      LayerFacts facts,
      LayerTimer.Constants k,
      Soc soc,
      Model model,
      int batch,
      double aneFactor,
      ComputeUnit... units) {
    this.facts = facts;
    this.batch = batch;
    this.activationBytes = model.format().activationBytes();
    for (ComputeUnit u : ComputeUnit.values()) {
      bandwidth[u.ordinal()] = UnitRates.bandwidth(soc, u) * k.bwEff();
    }
    double slc = soc.slc().value().value();
    this.cacheBytes = (Double.isNaN(slc) ? 0 : slc) * k.slcShare();
    this.actBwFactor = k.actBwFactor();
    // Warm predictions of a model whose weights fit the cache's share find them still there: they
    // move at cache speed and cost no DRAM traffic.
    this.resident = facts.totalWeightBytes <= cacheBytes;
    this.switchFixed = k.switchFixed();
    this.aneFactor = aneFactor;
    int n = facts.size();
    memory = new double[n * UNITS];
    weight = new double[n * UNITS];
    activation = new double[n * UNITS];
    stream = new double[n * UNITS];
    dram = new double[n];
    handOver = new double[n];
    prefetchBank = new double[UNITS];
    for (ComputeUnit u : ComputeUnit.values()) {
      prefetchBank[u.ordinal()] = cacheBytes / bandwidth[u.ordinal()];
    }
    for (int i = 0; i < n; i++) {
      for (ComputeUnit u : units) {
        memory[i * UNITS + u.ordinal()] = memoryTime(i, u);
        weight[i * UNITS + u.ordinal()] = weightTime(i, u);
        activation[i * UNITS + u.ordinal()] = activationTime(i, u);
        stream[i * UNITS + u.ordinal()] = streamTime(i, u);
      }
      dram[i] = dramBytes(i);
      handOver[i] = switchTime(i);
    }
  }

  /** Time to move a layer's data from a unit (the units share DRAM and the cache). */
  private double memoryTime(int i, ComputeUnit unit) {
    double weights = weightTime(i, unit);
    double activations = activationsAlone(i, unit);
    // Activations that stay on chip move over the cache while weights stream from DRAM, two paths
    // at once; activations that spill share the DRAM bus with the weights.
    return onOs(unit, onChip(i) ? Math.max(weights, activations) : weights + activations);
  }

  /**
   * Time to move a layer's activations alone, its memory time once its weights have streamed in
   * ahead of it: over the cache while they fit its share, else through DRAM.
   */
  private double activationTime(int i, ComputeUnit unit) {
    return onOs(unit, activationsAlone(i, unit));
  }

  /** Activations' time over the cache while they fit its share, through DRAM otherwise. */
  private double activationsAlone(int i, ComputeUnit unit) {
    double bandwidth = this.bandwidth[unit.ordinal()];
    return onChip(i) ? activations(i) / (bandwidth * actBwFactor) : activations(i) / bandwidth;
  }

  /**
   * Whether layer i's activations stay in the cache's share. The test is per item of the batch:
   * items are independent, so a runtime runs a batch through a layer in slices that fit, and a
   * batch never spills where one prediction at a time would not (else batching would lower
   * throughput).
   */
  private boolean onChip(int i) {
    return activations(i) / batch <= cacheBytes;
  }

  /** A Neural Engine time under the OS's factor ({@link #aneFactor}); other units' as they are. */
  private double onOs(ComputeUnit unit, double t) {
    return unit == ComputeUnit.ANE ? t * aneFactor : t;
  }

  /**
   * Time the layer keeps the weight stream's path busy: its weights and state, and activations that
   * spill the cache and so share DRAM with them.
   */
  private double streamTime(int i, ComputeUnit unit) {
    return onOs(unit, weightTime(i, unit) + (onChip(i) ? 0 : activationsAlone(i, unit)));
  }

  /** Bytes a layer moves through DRAM: weights, state, and activations that spill the cache. */
  private double dramBytes(int i) {
    return (resident ? 0 : weightBytes(i)) + stateBytes(i) + (onChip(i) ? 0 : activations(i));
  }

  /**
   * Time to stream a layer's weights and state, the part a prefetch can hide behind earlier
   * compute.
   */
  private double weightTime(int i, ComputeUnit unit) {
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
  private double switchTime(int i) {
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
