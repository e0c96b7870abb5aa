package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import java.util.Set;

/**
 * The roofline of one layer on one unit:
 * {@code max(FLOPs / (peak × efficiency × thermal), bytes / (bandwidth × efficiency)) + overhead}.
 *
 * <p>Weights and the KV cache stream from DRAM. Activations between layers stream through the
 * system-level cache at {@code act_bw_factor} times DRAM bandwidth while the pair of tensors fits
 * the cache's share for activations, and through DRAM otherwise. Layers fused into the previous
 * convolution or matmul (batch norm, activations) move no data and add no overhead. Placement
 * then lets each layer's weights stream while the layer before it computes on the same unit
 * ({@link Placement}), as the units' DMA engines prefetch.
 */
final class LayerTimer {
  private static final Set<String> PRODUCERS = Set.of("conv", "depthwise", "matmul");
  private static final Set<String> FUSABLE_CATEGORIES = Set.of("activation");

  private final KnowledgeBase kb;
  private final Coefficients k;
  private final Soc soc;
  private final Model model;
  private final int batch;
  private final double thermal;
  private final double bandwidth;
  private final double cacheBytes;

  LayerTimer(KnowledgeBase kb, Coefficients k, Soc soc, Model model, int batch, double thermal) {
    this.kb = kb;
    this.k = k;
    this.soc = soc;
    this.model = model;
    this.batch = batch;
    this.thermal = thermal;
    this.bandwidth = soc.bandwidth().value().value() * k.get("bw_eff");
    double slc = soc.slc().value().value();
    this.cacheBytes = (Double.isNaN(slc) ? 0 : slc) * k.get("slc_activation_share");
  }

  String opClass(Layer l) {
    Op op = kb.ops().get(l.op());
    return op == null ? "other" : op.opClass();
  }

  /** True when a layer folds into the layer before it. */
  boolean fusable(Layer previous, Layer l) {
    if (previous == null || !PRODUCERS.contains(opClass(previous))) {
      return false;
    }
    Op op = kb.ops().get(l.op());
    return op != null && ("batch_norm".equals(op.id()) || FUSABLE_CATEGORIES.contains(op.category()));
  }

  LayerCost cost(Layer l, ComputeUnit unit, boolean fused, boolean fallback, String reason) {
    double peak = UnitRates.peak(soc, unit, model.format());
    double efficiency = k.efficiency(unit, opClass(l));
    double compute = l.flops() * (double) batch / (peak * efficiency * thermal);
    if (fused) {
      return new LayerCost(l, unit, compute, 0, 0, 0, true, fallback, reason);
    }
    double weights = weightBytes(l);
    double state = l.stateElements() * model.format().activationBytes();
    double activations = (l.input().elements() + l.output().elements()) * model.format().activationBytes() * batch;
    boolean onChip = activations <= cacheBytes;
    double memory = (weights + state) / bandwidth
        + activations / (onChip ? bandwidth * k.get("act_bw_factor") : bandwidth);
    double dram = weights + state + (onChip ? 0 : activations);
    return new LayerCost(l, unit, compute, memory, k.layerOverhead(unit), dram, false, fallback, reason);
  }

  /** Time to stream a layer's weights and state, the part a prefetch can hide behind earlier compute. */
  double weightTime(Layer l) {
    if (l.params() == 0 && l.stateElements() == 0) {
      return 0;
    }
    return (weightBytes(l) + l.stateElements() * model.format().activationBytes()) / bandwidth;
  }

  /** Weight bytes a call reads: all of them, except for a table lookup, which reads its rows. */
  private double weightBytes(Layer l) {
    double all = model.weightBytes(l);
    String rows = l.attribute("rows_read", "");
    if (rows.isEmpty() || l.params() == 0) {
      return all;
    }
    double rowFraction = Long.parseLong(rows) * (double) l.output().dim(-1) / l.params();
    return all * Math.min(1, rowFraction * batch);
  }

  /** Time to hand a tensor from one unit to another: a synchronisation and a copy through DRAM. */
  double switchTime(Layer next) {
    double bytes = next.input().elements() * model.format().activationBytes() * batch;
    return k.get("switch") + 2 * bytes / bandwidth;
  }
}
