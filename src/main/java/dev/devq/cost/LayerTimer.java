package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.Model;

/**
 * The roofline of layer {@code i} on one unit: {@code max(FLOPs / (peak × efficiency × thermal),
 * bytes / (bandwidth × efficiency)) + overhead}.
 *
 * <p>The data-movement terms come from {@link DataMovement}, computed once per model, SoC and
 * batch. Layers fused into the previous convolution or matmul (batch norm, activations) move no
 * data and add no overhead where both run on one unit ({@link #folded}). Placement then lets
 * weights stream ahead while earlier layers of the same segment compute ({@link ChosenLayers}), as
 * the units' DMA engines prefetch.
 *
 * <p>Placement asks for every layer on every allowed unit, so the constructor resolves each unit's
 * time per unit of work per op class once and the per-layer methods do arithmetic on {@link
 * LayerFacts}.
 */
final class LayerTimer {
  private final LayerFacts facts;
  private final int batch;
  private final DataMovement moves;
  private final double[] dispatch;

  /**
   * Seconds per unit of work (a FLOP; on the Neural Engine's vector path an output element) for the
   * whole batch, by unit ordinal and op class index: batch / (peak × efficiency × thermal). Held as
   * a multiplier so the per-layer methods, which placement calls for every layer on every unit, do
   * no division.
   */
  private final double[][] secondsPerWork;

  private final double[] overhead;

  /**
   * Per layer, whether it is a batch norm the converter folded into the convolution before it
   * ({@link LayerFacts#inWeights}), where the release's converter folds ({@link
   * Constants#foldsBatchNorms}); all false otherwise.
   */
  private final boolean[] inWeights;

  /** The op classes that run as matrix work (at {@link UnitRates#matrixPeak}), by class index. */
  private static final boolean[] MATRIX_WORK = new boolean[Coefficients.CLASSES.size()];

  static {
    MATRIX_WORK[Coefficients.classIndex("conv")] = true;
    MATRIX_WORK[Coefficients.classIndex("matmul")] = true;
  }

  LayerTimer(
      LayerFacts facts,
      Constants k,
      Soc soc,
      Model model,
      int batch,
      double thermal,
      DataMovement moves,
      boolean cpuMatrixUnit) {
    this.facts = facts;
    this.batch = batch;
    this.moves = moves;
    this.dispatch = k.dispatch();
    this.overhead = k.overhead();
    this.inWeights = k.foldsBatchNorms() ? facts.inWeights : new boolean[facts.size()];
    ComputeUnit[] units = ComputeUnit.values();
    this.secondsPerWork = new double[units.length][Coefficients.CLASSES.size()];
    for (ComputeUnit u : units) {
      double peak = UnitRates.peak(soc, u, model.format());
      // Core ML's CPU path runs GEMMs on the matrix unit; a runtime's constants may be fitted
      // against the NEON peak instead (cpuMatrixUnit false)
      double matrix =
          u == ComputeUnit.CPU && !cpuMatrixUnit
              ? peak
              : UnitRates.matrixPeak(soc, u, model.format());
      for (int c = 0; c < Coefficients.CLASSES.size(); c++) {
        double p = MATRIX_WORK[c] ? matrix : peak;
        secondsPerWork[u.ordinal()][c] = batch / (p * k.efficiency()[u.ordinal()][c] * thermal);
      }
    }
    // The Neural Engine's element-wise work is counted in output elements (LayerFacts#aneWork),
    // and its vector path moves output.ane bytes per peak operation: an int8 activation of W8A8
    // is half an fp16 one, and the engine has no fp32 path, so fp32 activations count as fp16.
    double bytes = Math.min(model.format().activationBytes(), 2);
    secondsPerWork[ComputeUnit.ANE.ordinal()][LayerFacts.OTHER] =
        batch
            * bytes
            / (UnitRates.peak(soc, ComputeUnit.ANE, model.format()) * k.outputAne() * thermal);
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
      double[] dispatch,
      double outputAne,
      boolean foldsBatchNorms) {
    /** The iOS release up to which a model's batch norms stayed layers of their own. */
    static final int LAST_UNFOLDED_RELEASE = 13;

    /**
     * These constants for a Core ML prediction on {@code soc} on iOS {@code osMajor} (0 for today's
     * OS; a major version for a measurement made on that release, or named): a model for iOS 13 or
     * before keeps its batch norms as layers (coremltools 3's converters wrote each as a layer of
     * its own), a later one has them folded into its convolutions' weights; entering a segment
     * costs that release's ({@link Coefficients#segmentDispatch}), and a layer's dispatch on the
     * CPU or the GPU is work of the CPU's performance cores (a BNNS call, a Metal kernel encoded),
     * so the fitted cost, written for a core at {@link Coefficients#DISPATCH_CLOCK_HZ}, scales with
     * the SoC's P-core clock (every profile gives it; the loader refuses one without). Runtimes'
     * timers ({@code RuntimeConstants}) do not come through here.
     */
    Constants on(Soc soc, int osMajor, Coefficients k) {
      double clock = soc.cpu().clock().value().value();
      double scale = Double.isNaN(clock) ? 1 : Coefficients.DISPATCH_CLOCK_HZ / clock;
      double[] here = new double[overhead.length];
      for (ComputeUnit u : ComputeUnit.values()) {
        // today's figures are already here; only a measurement on an older release looks its up
        double atThreeGhz = osMajor > 0 ? k.layerOverhead(u, osMajor) : overhead[u.ordinal()];
        here[u.ordinal()] = atThreeGhz * scale;
      }
      double[] entry = dispatch;
      if (osMajor > 0) {
        entry = new double[dispatch.length];
        for (ComputeUnit u : ComputeUnit.values()) {
          entry[u.ordinal()] = k.segmentDispatch(u, osMajor);
        }
      }
      boolean folds = osMajor <= 0 || osMajor > LAST_UNFOLDED_RELEASE;
      return new Constants(
          efficiency, here, bwEff, slcShare, actBwFactor, switchFixed, entry, outputAne, folds);
    }

    static Constants of(Coefficients k) {
      ComputeUnit[] units = ComputeUnit.values();
      double[][] efficiency = new double[units.length][Coefficients.CLASSES.size()];
      double[] overhead = new double[units.length];
      double[] dispatch = new double[units.length];
      for (ComputeUnit u : units) {
        dispatch[u.ordinal()] = k.segmentDispatch(u, 0);
        for (int c = 0; c < Coefficients.CLASSES.size(); c++) {
          // the Neural Engine's element-wise work runs on its vector path (output.ane) instead
          boolean vector = u == ComputeUnit.ANE && c == LayerFacts.OTHER;
          efficiency[u.ordinal()][c] =
              vector ? Double.NaN : k.efficiency(u, Coefficients.CLASSES.get(c));
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
          dispatch,
          k.get("output.ane"),
          true);
    }
  }

  /**
   * Time a layer computes. On the Neural Engine a layer whose fold is taken ({@code folded}, {@link
   * #folded}) and that folds there ({@link LayerFacts#aneFolded}) computes nothing of its own, and
   * element-wise work ({@code other}) runs on the vector path, per output element ({@link
   * LayerFacts#aneWork}).
   */
  double computeTime(int i, ComputeUnit unit, boolean folded) {
    long work =
        inWeights[i]
            ? 0
            : unit != ComputeUnit.ANE
                ? facts.flops[i]
                : folded && facts.aneFolded[i] ? 0 : facts.aneWork[i];
    return work * secondsPerWork[unit.ordinal()][facts.opClass[i]];
  }

  /**
   * A convolution's output stage on the Neural Engine, paid after its roofline: its bias,
   * activation and write-out through the vector path, per output element; 0 on other units and
   * layers.
   */
  double outputTime(int i, ComputeUnit unit) {
    return unit == ComputeUnit.ANE
        ? facts.outputStage[i] * secondsPerWork[unit.ordinal()][LayerFacts.OTHER]
        : 0;
  }

  /**
   * Whether layer {@code i} on {@code unit} takes its fold, the one rule every caller asks: it
   * folds into the layer before it (fused on every unit, or {@link LayerFacts#aneFolded} on the
   * Neural Engine) and that layer, run on {@code before} (null for the first layer), ran on the
   * same unit. A folded layer moves no data and pays no dispatch. After a switch the kernel it
   * would fold into ran on another unit, so it pays its own time: else a batch norm after a
   * convolution the engine refuses would cost nothing anywhere. A batch norm in the convolution's
   * weights ({@link #inWeights}) always folds, whatever {@code before} is: it is no layer of the
   * compiled model, and placement keeps it on its convolution's unit, so no switch is ever paid
   * before it.
   */
  boolean folded(int i, ComputeUnit unit, ComputeUnit before) {
    return inWeights[i]
        || unit == before && (facts.fused[i] || unit == ComputeUnit.ANE && facts.aneFolded[i]);
  }

  /**
   * Whether layer {@code i} is a batch norm folded into the convolution's weights: no layer of the
   * compiled model, so no unit refuses it ({@link Placement}).
   */
  boolean inWeights(int i) {
    return inWeights[i];
  }

  /**
   * How layer {@code i} on {@code unit} is charged, given whether its fold is taken ({@link
   * #folded}): on the Neural Engine a layer that {@link LayerFacts#aneFolded folds there} costs
   * nothing, in its convolution's output stage when it is in that convolution's chain, else in the
   * element-wise pass before it; any other taken fold still charges its compute.
   */
  Fold fold(int i, ComputeUnit unit, boolean folded) {
    if (!folded) {
      return Fold.NONE;
    }
    if (inWeights[i]) {
      return Fold.WEIGHTS;
    }
    if (unit == ComputeUnit.ANE && facts.aneFolded[i]) {
      // aneFolded with the graph's fold is a chain a convolution heads (LayerFacts)
      return facts.fused[i] ? Fold.OUTPUT_STAGE : Fold.VECTOR_PASS;
    }
    return Fold.COMPUTE_ONLY;
  }

  /**
   * The layer's time on {@code unit} alone, before weights stream ahead of it, folded or not
   * ({@link #folded}): its roofline, output stage and dispatch ({@link LayerCost#time}), what
   * placement compares units by.
   */
  double ownTime(int i, ComputeUnit unit, boolean folded) {
    if (inWeights[i]) {
      return 0;
    }
    return LayerCost.time(
        computeTime(i, unit, folded),
        folded ? 0 : memoryTime(i, unit),
        outputTime(i, unit),
        folded ? 0 : overhead(unit));
  }

  /**
   * A column of placement's table: every layer's {@link #ownTime} on {@code unit} after a layer on
   * the same unit, so folded where {@link #folded} folds it, into {@code own[at + i * stride]}, and
   * after a layer on another unit, so never folded, into {@code alone}. The same arithmetic as
   * {@link #computeTime}, {@link #outputTime} and {@link #ownTime}, spelt out over the facts'
   * arrays: placement fills a column per allowed unit for every prediction, and C1, which the
   * launcher runs, would make each of those methods a call per cell ({@code LayerTimerTest} holds
   * the two equal to the bit).
   */
  void column(ComputeUnit unit, double[] own, double[] alone, int at, int stride) {
    int u = unit.ordinal();
    boolean ane = unit == ComputeUnit.ANE;
    double[] perWork = secondsPerWork[u];
    double outputRate = ane ? perWork[LayerFacts.OTHER] : 0;
    double overhead = this.overhead[u];
    long[] work = ane ? facts.aneWork : facts.flops;
    long[] outputs = facts.outputStage;
    boolean[] fused = facts.fused;
    boolean[] aneFolded = facts.aneFolded;
    int[] opClass = facts.opClass;
    double[] memory = moves.memory;
    int n = facts.size();
    for (int i = 0, cell = at; i < n; i++, cell += stride) {
      double rate = perWork[opClass[i]];
      double output = ane ? outputs[i] * outputRate : 0;
      double unfolded =
          LayerCost.time(work[i] * rate, memory[i * LayerFacts.UNITS + u], output, overhead);
      alone[cell] = unfolded;
      if (inWeights[i]) {
        // folded into the convolution's weights: nothing of its own, wherever it is placed
        own[cell] = 0;
        alone[cell] = 0;
      } else if (fused[i] || ane && aneFolded[i]) {
        // the fold is taken: no data of its own, no dispatch; on the engine an aneFolded layer
        // computes nothing either
        long w = ane && aneFolded[i] ? 0 : work[i];
        own[cell] = LayerCost.time(w * rate, 0, output, 0);
      } else {
        own[cell] = unfolded;
      }
    }
  }

  /** Time to move a layer's data from a unit (the units share DRAM and the cache). */
  double memoryTime(int i, ComputeUnit unit) {
    return moves.memory[i * LayerFacts.UNITS + unit.ordinal()];
  }

  /**
   * Weight streaming a unit can run ahead of its compute: as many bytes as the cache's share holds,
   * in seconds of DRAM time.
   */
  double prefetchBank(ComputeUnit unit) {
    return moves.prefetchBank[unit.ordinal()];
  }

  /**
   * Cost of entering a segment on a unit: the Neural Engine's dispatch of a compiled program
   * ({@link Coefficients#segmentDispatch}).
   */
  double dispatch(ComputeUnit unit) {
    return dispatch[unit.ordinal()];
  }

  /** Bytes a layer moves through DRAM: weights, state, and activations that spill the cache. */
  double dramBytes(int i) {
    return moves.dram[i];
  }

  double overhead(ComputeUnit unit) {
    return overhead[unit.ordinal()];
  }

  /**
   * Time to stream a layer's weights and state, the part a prefetch can hide behind earlier
   * compute.
   */
  double weightTime(int i, ComputeUnit unit) {
    return moves.weight[i * LayerFacts.UNITS + unit.ordinal()];
  }

  /**
   * Time to move the layer's activations alone (its memory time without the weights'), what a
   * Neural Engine layer waits on once its weights have streamed in ahead ({@link Placement}).
   */
  double activationTime(int i, ComputeUnit unit) {
    return moves.activation[i * LayerFacts.UNITS + unit.ordinal()];
  }

  /**
   * Time the layer's own traffic keeps the weights' path busy: weights and state, and activations
   * that spill the cache to DRAM. A Neural Engine segment takes at least the sum ({@link
   * Placement}).
   */
  double streamTime(int i, ComputeUnit unit) {
    return moves.stream[i * LayerFacts.UNITS + unit.ordinal()];
  }

  /** Time to hand layer i's input from one unit to another ({@link DataMovement}). */
  double switchTime(int i) {
    return moves.handOver[i];
  }
}
