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
  private final ConcurrentHashMap<String, Support> support = new ConcurrentHashMap<>();

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
   * What a SoC's units say of each layer under one OS release: why each refuses it, and the note
   * for support no source settles. Both are per (model, SoC, release), so a sweep asks for them
   * once instead of once per prediction.
   */
  final class Support {
    private final KnowledgeBase kb;
    private final Soc soc;
    private final OsVersion os;

    /** At {@code i * units + unit.ordinal()}. */
    final OpSupport.Refusal[] refusals;

    /**
     * {@link OpSupport#unknownNote}, filled on first read: only the chosen unit of each layer is
     * ever asked. A race fills a slot twice with equal strings, which is harmless.
     */
    private final String[] notes;

    private Support(KnowledgeBase kb, Soc soc, OsVersion os) {
      this.kb = kb;
      this.soc = soc;
      this.os = os;
      ComputeUnit[] units = ComputeUnit.values();
      refusals = new OpSupport.Refusal[layers.size() * units.length];
      notes = new String[refusals.length];
      for (int i = 0; i < layers.size(); i++) {
        for (ComputeUnit u : units) {
          refusals[i * units.length + u.ordinal()] = OpSupport.check(kb, soc, os, u, layers.get(i));
        }
      }
    }

    /** The unknown-support note of layer {@code i} on {@code unit}, or the empty string. */
    String unknownNote(int i, ComputeUnit unit) {
      int at = i * ComputeUnit.values().length + unit.ordinal();
      String note = notes[at];
      if (note == null) {
        note = OpSupport.unknownNote(kb, soc, os, unit, layers.get(i));
        notes[at] = note;
      }
      return note;
    }
  }

  /**
   * Support of every layer on a SoC under an OS release (null: the newest the SoC runs); computed
   * on first use per SoC and release.
   */
  Support support(KnowledgeBase kb, Soc soc, OsVersion os) {
    // a device's part shares its chip's id, not the releases it runs (Soc.line)
    return support.computeIfAbsent(
        soc.id() + ":" + soc.line() + "@" + os, id -> new Support(kb, soc, os));
  }
}
