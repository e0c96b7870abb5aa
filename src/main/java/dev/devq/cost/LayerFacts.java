package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the cost model needs to know about a model's layers that no target or condition changes: op
 * class, fusion with the layer before, tensor sizes, weight bytes, and, per SoC, which units refuse
 * which layers. Computed once per model so that a sweep or a calibration fit, which cost the same
 * model thousands of times, does arithmetic only.
 */
final class LayerFacts {
  private static final Set<String> PRODUCERS = Set.of("conv", "depthwise", "matmul");
  private static final Set<String> FUSABLE_CATEGORIES = Set.of("activation");

  final List<Layer> layers;

  /** Index into {@link Coefficients#CLASSES}. */
  final int[] opClass;

  /**
   * Folded into the producer before it (batch norm and activations after a convolution or matmul).
   */
  final boolean[] fused;

  final long[] inputElements;

  /** Input plus output elements: the activations a layer reads and writes. */
  final long[] ioElements;

  /** Stored weight bytes at the model's format. */
  final double[] weightBytes;

  /** Share of a table's rows one call reads ({@code rows_read}), NaN when it reads all weights. */
  final double[] rowFraction;

  final double totalWeightBytes;
  private final ConcurrentHashMap<String, OpSupport.Refusal[]> refusals = new ConcurrentHashMap<>();

  LayerFacts(KnowledgeBase kb, Model model) {
    layers = model.layers();
    int n = layers.size();
    opClass = new int[n];
    fused = new boolean[n];
    inputElements = new long[n];
    ioElements = new long[n];
    weightBytes = new double[n];
    rowFraction = new double[n];
    Op before = null;
    for (int i = 0; i < n; i++) {
      Layer l = layers.get(i);
      Op op = kb.ops().get(l.op());
      opClass[i] = Coefficients.classIndex(op == null ? "other" : op.opClass());
      // conv → batch norm → activation compiles to one kernel: a layer folds into a producer
      // directly before it, or into the chain a producer heads.
      boolean afterProducer =
          before != null && PRODUCERS.contains(before.opClass()) || i > 0 && fused[i - 1];
      fused[i] =
          afterProducer
              && op != null
              && ("batch_norm".equals(op.id()) || FUSABLE_CATEGORIES.contains(op.category()));
      before = op;
      inputElements[i] = l.input().elements();
      ioElements[i] = l.input().elements() + l.output().elements();
      weightBytes[i] = model.weightBytes(l);
      String rows = l.attribute("rows_read", "");
      rowFraction[i] =
          rows.isEmpty() || l.params() == 0
              ? Double.NaN
              : Long.parseLong(rows) * (double) l.output().dim(-1) / l.params();
    }
    totalWeightBytes = model.weightBytes();
  }

  int size() {
    return layers.size();
  }

  /**
   * Why each unit of a SoC refuses each layer under an OS release (null: the newest the SoC runs),
   * at {@code i * units + unit.ordinal()}; computed on first use per SoC and release.
   */
  OpSupport.Refusal[] refusals(KnowledgeBase kb, Soc soc, OsVersion os) {
    return refusals.computeIfAbsent(
        soc.id() + "@" + os,
        id -> {
          ComputeUnit[] units = ComputeUnit.values();
          var out = new OpSupport.Refusal[layers.size() * units.length];
          for (int i = 0; i < layers.size(); i++) {
            for (ComputeUnit u : units) {
              out[i * units.length + u.ordinal()] = OpSupport.check(kb, soc, os, u, layers.get(i));
            }
          }
          return out;
        });
  }
}
