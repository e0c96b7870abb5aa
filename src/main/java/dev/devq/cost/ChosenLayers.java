package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import java.util.List;

/**
 * The layers of the path {@link Placement} chose, each with its unit, its segment, the reason for
 * its unit and its time once weights stream ahead of it: the records a prediction keeps, built only
 * for the chosen path.
 */
final class ChosenLayers {
  private ChosenLayers() {}

  /**
   * Builds the chosen layers with the time each waits on memory once weights stream ahead of it. A
   * segment is a run of layers on one unit; weights of a later layer load while earlier layers of
   * the same segment compute. On the CPU and the GPU they load as far as the cache can hold them
   * ({@link LayerTimer#prefetchBank()}): a layer that computes longer than it moves data leaves the
   * memory bus idle for that long. The Neural Engine runs a segment as one compiled program whose
   * DMA streams the weights through the whole of it ({@link #stall}).
   */
  static Placement.Chosen build(Placement.Table t, int[] unitOf, LayerTimer timer) {
    LayerFacts facts = t.facts();
    int n = unitOf.length;
    LayerCost[] out = new LayerCost[n];
    double[] times = new double[n];
    double slack = 0;
    int start = 0;
    int segment = -1;
    // a Neural Engine segment's layers' own time and its stream's, so far
    double busy = 0;
    double stream = 0;
    for (int i = 0; i < n; i++) {
      int u = unitOf[i];
      ComputeUnit unit = t.allowed()[u];
      ComputeUnit before = i == 0 ? null : t.allowed()[unitOf[i - 1]];
      boolean folded = timer.folded(i, unit, before);
      if (before != unit) {
        slack = 0;
        start = i;
        segment++;
        busy = 0;
        stream = 0;
      }
      double compute = timer.computeTime(i, unit, folded);
      double output = timer.outputTime(i, unit);
      double memory;
      if (unit == ComputeUnit.ANE) {
        // the DMA streams this layer's weights ahead: it waits on its activations alone
        memory = folded ? 0 : timer.activationTime(i, unit);
        busy += Math.max(compute, memory) + output;
        stream += folded ? 0 : timer.streamTime(i, unit);
      } else {
        double own = folded ? 0 : timer.memoryTime(i, unit);
        double hidden = folded ? 0 : Math.min(slack, Math.min(timer.weightTime(i, unit), own));
        memory = own - hidden;
        slack =
            folded
                ? slack
                : Math.min(
                    timer.prefetchBank(unit), slack - hidden + Math.max(0, compute - memory));
      }
      double overhead = folded ? 0 : timer.overhead(unit);
      boolean fallback = u != 0 && t.support().refusal(i, t.allowed()[0]) != OpSupport.Refusal.NONE;
      // LayerCost.time, written out: C1 would make it a call per layer
      times[i] = Math.max(compute, memory) + output + overhead;
      out[i] =
          new LayerCost(
              facts.layers.get(i),
              unit,
              compute,
              memory,
              output,
              overhead,
              folded ? 0 : timer.dramBytes(i),
              timer.fold(i, unit, folded),
              fallback,
              Placement.reason(t, i, u, fallback, before, timer),
              segment);
      if (unit == ComputeUnit.ANE && (i == n - 1 || unitOf[i + 1] != u) && stream > busy) {
        stall(out, times, start, i + 1, stream - busy, stream, timer);
      }
    }
    // List.of copies once; the Prediction then keeps that list rather than copying it again
    return new Placement.Chosen(List.of(out), times);
  }

  /**
   * Shares a Neural Engine segment's stall among its layers {@code from} to {@code to}, rebuilt in
   * {@code out} and {@code times}. The engine runs a segment as one compiled program whose DMA
   * streams the segment's weights (and any activations that spill the cache) while its layers
   * compute, so each layer waits only on its own activations and the segment takes at least the
   * time its DRAM traffic takes ({@code stream}): what the stream has not finished when the layers
   * have ({@code stall}) is shared in proportion to the traffic each layer brings.
   * EfficientFormer-L3 on an iPhone 14 (62.6 MB of fp16 weights) took 2.0 ms, the time those
   * weights take at the A15's bandwidth with nothing else charged (docs/cost-model.md).
   */
  private static void stall(
      LayerCost[] out,
      double[] times,
      int from,
      int to,
      double stall,
      double stream,
      LayerTimer timer) {
    for (int i = from; i < to; i++) {
      LayerCost c = out[i];
      double share = c.folded() ? 0 : timer.streamTime(i, ComputeUnit.ANE) / stream;
      if (share > 0) {
        double memory = Math.max(c.computeTime(), c.memoryTime()) + stall * share;
        times[i] = Math.max(c.computeTime(), memory) + c.outputTime() + c.overhead();
        out[i] =
            new LayerCost(
                c.layer(),
                c.unit(),
                c.computeTime(),
                memory,
                c.outputTime(),
                c.overhead(),
                c.dramBytes(),
                c.fold(),
                c.fallback(),
                c.reason(),
                c.segment());
      }
    }
  }
}
