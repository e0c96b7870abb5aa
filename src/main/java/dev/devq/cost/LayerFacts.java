package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.model.FusedAttention;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import java.util.List;
import java.util.Objects;
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
  private static final Set<String> CONVOLUTIONS = Set.of("conv", "depthwise");

  /**
   * Activations that work across an axis (the maximum, the exponentials' sum, then a division per
   * row), not element by element: on the Neural Engine they pay their own vector-path pass wherever
   * they stand. Folded into the pass of a convolution's output stage or of an element-wise layer, a
   * softmax cost nothing after a Div or a pointwise convolution and its full pass after a matmul.
   */
  private static final Set<String> ACROSS_AN_AXIS = Set.of("softmax", "log_softmax");

  /** The number of compute units, the stride of the per-unit arrays (values() copies its array). */
  static final int UNITS = ComputeUnit.values().length;

  /**
   * The kinds of text a placed layer's reason starts with ({@link Support#withNote}): faster there,
   * staying to avoid a switch, or the refusal of the preferred unit, one per unit (Placement names
   * them).
   */
  static final int REASON_KINDS = 2 + UNITS;

  static final int CONV = Coefficients.classIndex("conv");
  static final int DEPTHWISE = Coefficients.classIndex("depthwise");
  static final int OTHER = Coefficients.classIndex("other");

  final List<Layer> layers;

  /** Index into {@link Coefficients#CLASSES}. */
  final int[] opClass;

  /**
   * Folded into the producer before it (batch norm and activations after a convolution or matmul),
   * a fact of the graph: the fold is taken only where both run on one unit ({@link
   * LayerTimer#folded}).
   */
  final boolean[] fused;

  /**
   * A batch norm straight after a convolution ({@code conv}, {@code depthwise}, {@code
   * conv_transpose}): the converter folds it into that convolution's weights and bias (coremltools'
   * {@code fuse_conv_batchnorm}), so the compiled model has no such layer on any unit ({@link
   * LayerTimer#folded}). Not after a matmul: no pass folds a batch norm into a linear.
   */
  final boolean[] inWeights;

  /**
   * On the Neural Engine the layer costs nothing of its own: a batch norm or activation in the
   * chain a convolution heads, paid in that convolution's output stage, or an activation straight
   * after an element-wise layer, paid in that layer's pass through the vector path ({@link
   * LayerTimer#outputTime}). Taken only where the layer before it runs on the engine too ({@link
   * LayerTimer#folded}).
   */
  final boolean[] aneFolded;

  final long[] inputElements;

  /**
   * What a layer computes on the Neural Engine when it does not fold: its FLOPs on the multiply
   * array, or, for element-wise work ({@code other}), the output elements its vector path writes. A
   * fold taken ({@link LayerTimer#folded}) sets an {@link #aneFolded} layer's work to 0.
   */
  final long[] aneWork;

  /**
   * A convolution's output elements, which its output stage writes on the Neural Engine; else 0.
   */
  final long[] outputStage;

  /** {@link Layer#flops()}, {@link Layer#stateElements()}: read per unit of every prediction. */
  final long[] flops;

  final long[] stateElements;

  /** The layer has weights or state to stream ({@link LayerTimer#weightTime}). */
  final boolean[] streams;

  /** Input plus output elements: the activations a layer reads and writes. */
  final long[] ioElements;

  /** Stored weight bytes at the model's format. */
  final double[] weightBytes;

  /** Share of a table's rows one call reads ({@code rows_read}), NaN when it reads all weights. */
  final double[] rowFraction;

  final double totalWeightBytes;

  /** {@link Model#stateBytes()}, a walk over every layer, asked by every prediction. */
  final double stateBytes;

  /** Layers that read persistent state: one per attention block with a KV cache, as written. */
  final int stateLayers;

  /**
   * A layer is the fused attention op, which the converter lowers for an older release ({@link
   * Converter}): known once per model, so other models never ask for the release.
   */
  final boolean fusedAttention;

  private final ConcurrentHashMap<SupportKey, Support> support = new ConcurrentHashMap<>();

  LayerFacts(KnowledgeBase kb, Model model) {
    layers = model.layers();
    int n = layers.size();
    opClass = new int[n];
    fused = new boolean[n];
    inWeights = new boolean[n];
    aneFolded = new boolean[n];
    inputElements = new long[n];
    aneWork = new long[n];
    outputStage = new long[n];
    flops = new long[n];
    stateElements = new long[n];
    streams = new boolean[n];
    ioElements = new long[n];
    weightBytes = new double[n];
    rowFraction = new double[n];
    Op before = null;
    boolean convChain = false;
    boolean fusedOp = false;
    int withState = 0;
    for (int i = 0; i < n; i++) {
      Layer l = layers.get(i);
      fusedOp |= FusedAttention.OP.equals(l.op());
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
      boolean convolution = opClass[i] == CONV || opClass[i] == DEPTHWISE;
      inWeights[i] =
          op != null
              && "batch_norm".equals(op.id())
              && before != null
              && CONVOLUTIONS.contains(before.opClass());
      // on the Neural Engine a convolution's chain is paid in its output stage
      convChain = fused[i] ? convChain : convolution;
      boolean pointwise = op != null && !ACROSS_AN_AXIS.contains(op.id());
      aneFolded[i] =
          pointwise
              && (fused[i] && convChain
                  || i > 0
                      && !fused[i]
                      && FUSABLE_CATEGORIES.contains(op.category())
                      && vectorPath(i - 1));
      before = op;
      inputElements[i] = l.input().elements();
      flops[i] = l.flops();
      // kept for a folded layer too: placed after a switch, it runs on its own
      aneWork[i] = opClass[i] != OTHER ? flops[i] : flops[i] > 0 ? l.output().elements() : 0;
      outputStage[i] = convolution ? l.output().elements() : 0;
      stateElements[i] = l.stateElements();
      withState += l.stateElements() > 0 ? 1 : 0;
      streams[i] = l.params() != 0 || l.stateElements() != 0;
      ioElements[i] = l.input().elements() + l.output().elements();
      weightBytes[i] = model.weightBytes(l);
      String rows = l.attribute("rows_read", "");
      rowFraction[i] =
          rows.isEmpty() || l.params() == 0
              ? Double.NaN
              : Long.parseLong(rows) * (double) l.output().dim(-1) / l.params();
    }
    totalWeightBytes = model.weightBytes();
    stateBytes = model.stateBytes();
    stateLayers = withState;
    fusedAttention = fusedOp;
  }

  int size() {
    return layers.size();
  }

  /**
   * On the Neural Engine the layer computes on the vector path, per output byte: element-wise,
   * normalisation or pooling work with arithmetic ({@code other}) that no convolution's output
   * stage or element-wise layer before it takes in.
   */
  boolean vectorPath(int i) {
    return opClass[i] == OTHER && flops[i] > 0 && !aneFolded[i];
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

    /** {@link OpSupport#whyNot}, filled on first read as {@link #notes} is. */
    private final String[] refusalReasons;

    /**
     * {@link #withNote}'s joined texts, filled on first read as {@link #notes} is; made on the
     * first join, since most layers have no note and a sweep keeps a support per SoC and release.
     */
    private String[] joined;

    private Support(KnowledgeBase kb, Soc soc, OsVersion os) {
      this.kb = kb;
      this.soc = soc;
      this.os = os;
      ComputeUnit[] units = ComputeUnit.values();
      refusals = new OpSupport.Refusal[layers.size() * units.length];
      notes = new String[refusals.length];
      refusalReasons = new String[refusals.length];
      for (int i = 0; i < layers.size(); i++) {
        for (ComputeUnit u : units) {
          refusals[i * units.length + u.ordinal()] = OpSupport.check(kb, soc, os, u, layers.get(i));
        }
      }
    }

    /** The unknown-support note of layer {@code i} on {@code unit}, or the empty string. */
    String unknownNote(int i, ComputeUnit unit) {
      return text(notes, i, unit, false);
    }

    /**
     * {@code why} (one of {@link #REASON_KINDS} kinds of text, {@code kind}) followed by the
     * unknown-support note of layer {@code i} on {@code unit}: the reason a placed layer gives.
     * Joined once per layer, unit and kind, since every prediction on this SoC and release that
     * places the layer there gives the same.
     */
    String withNote(int i, ComputeUnit unit, int kind, String why) {
      String note = unknownNote(i, unit);
      if (note.isEmpty()) {
        return why;
      }
      if (why.isEmpty()) {
        return note;
      }
      String[] slots = joined;
      if (slots == null) {
        slots = new String[refusals.length * REASON_KINDS];
        joined = slots;
      }
      int at = (i * UNITS + unit.ordinal()) * REASON_KINDS + kind;
      String text = slots[at];
      if (text == null) {
        text = why + "; " + note;
        slots[at] = text;
      }
      return text;
    }

    /** Why {@code unit} refuses layer {@code i} ({@link OpSupport#whyNot}). */
    String whyNot(int i, ComputeUnit unit) {
      return text(refusalReasons, i, unit, true);
    }

    private String text(String[] slots, int i, ComputeUnit unit, boolean refusal) {
      int at = i * UNITS + unit.ordinal();
      String text = slots[at];
      if (text == null) {
        Layer l = layers.get(i);
        text =
            refusal
                ? OpSupport.whyNot(kb, soc, os, unit, l)
                : OpSupport.unknownNote(kb, soc, os, unit, l);
        slots[at] = text;
      }
      return text;
    }

    /** How unit {@code unit} answers layer {@code i}. */
    OpSupport.Refusal refusal(int i, ComputeUnit unit) {
      return refusals[i * UNITS + unit.ordinal()];
    }
  }

  /**
   * Support of every layer on a SoC under an OS release (null: the newest the SoC runs); computed
   * on first use per SoC and release.
   */
  Support support(KnowledgeBase kb, Soc soc, OsVersion os) {
    return support.computeIfAbsent(
        new SupportKey(soc.id(), soc.line(), os), key -> new Support(kb, soc, os));
  }

  /**
   * What decides a SoC's support: a device's part shares its chip's id, not the releases it runs
   * ({@link Soc#line}). A key object rather than text joined per prediction; equality written out,
   * as {@link Conditions} explains.
   */
  private record SupportKey(String soc, String line, OsVersion os) {
    @Override
    public boolean equals(Object o) {
      return o instanceof SupportKey k
          && k.soc.equals(soc)
          && k.line.equals(line)
          && Objects.equals(k.os, os);
    }

    @Override
    public int hashCode() {
      return (soc.hashCode() * 31 + line.hashCode()) * 31 + Objects.hashCode(os);
    }
  }
}
