package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Limits;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.kb.Source;
import dev.devq.kb.SupportRule;
import dev.devq.kb.SupportStatus;
import dev.devq.model.Layer;
import java.util.List;

/**
 * Decides whether a compute unit of a SoC can run one layer, from the operator catalog: status, the
 * first SoC generation, and shape limits. {@link #check} answers with a {@link Refusal} and
 * allocates nothing, as placement asks it for every layer on every unit; {@link #whyNot} words the
 * refusal ("layer_norm: Neural Engine needs the channel axis") for the layers that need a reason.
 *
 * <p>The status comes from {@link SupportRule}, which {@code supported()} and the search grid use
 * too. An {@code unknown} status does not refuse a unit (Core ML tries every unit it is allowed),
 * and the layer's reason in {@code explain} says the support is unknown.
 */
public final class OpSupport {
  /** Why a unit cannot run a layer; {@code NONE} when it can. */
  enum Refusal {
    NONE(""),
    NO_COREML_ANE(""),
    NO_SUPPORT(""),
    SINCE_OS(""),
    /**
     * a release no device with the part runs: after its last, before its first, or another platform
     */
    RELEASE_NOT_RUN(""),
    KERNEL("max_kernel"),
    STRIDE("max_stride"),
    DILATION("max_dilation"),
    RANK("max_rank"),
    DIM("max_dim"),
    SCALE("scale_factors"),
    AXIS("axis");

    /** The profile key of the shape limit behind this refusal; empty for the others. */
    final String limit;

    Refusal(String limit) {
      this.limit = limit;
    }
  }

  private OpSupport() {}

  /** The empty string when the unit can run the layer, else the reason it cannot. */
  public static String whyNot(
      KnowledgeBase kb, Soc soc, OsVersion os, ComputeUnit unit, Layer layer) {
    return describe(check(kb, soc, os, unit, layer), kb, soc, os, unit, layer);
  }

  /** {@code os} null: the newest release the SoC runs. */
  static Refusal check(KnowledgeBase kb, Soc soc, OsVersion os, ComputeUnit unit, Layer layer) {
    Op op = kb.ops().get(layer.op());
    if (op == null) {
      return unit == ComputeUnit.ANE && !soc.coremlAne() ? Refusal.NO_COREML_ANE : Refusal.NONE;
    }
    SupportRule.Verdict v = SupportRule.verdict(kb, op, soc, unit, os);
    if (!v.mayRun()) {
      return switch (v.cause()) {
        case NO_COREML_ANE -> Refusal.NO_COREML_ANE;
          // support no source settles never refuses a unit
        case BEFORE_SOC, UNTESTED ->
            throw new IllegalStateException("unknown support refused a unit");
        case BEFORE_OS, NEVER_REACHES_OS -> Refusal.SINCE_OS;
        case AFTER_LAST_OS, BEFORE_FIRST_OS, OTHER_PLATFORM -> Refusal.RELEASE_NOT_RUN;
        case CATALOG -> Refusal.NO_SUPPORT;
      };
    }
    Refusal r = limits(op.supportOn(unit).limits(), layer);
    // A limit observed on other chips or older releases than these is unknown here, not a refusal.
    return r == Refusal.NONE || SupportRule.limitHolds(kb, op, unit, r.limit, soc, os)
        ? r
        : Refusal.NONE;
  }

  /**
   * A note for a layer placed on a unit whose support no source settles ({@code ?} in the grid), or
   * the empty string.
   */
  static String unknownNote(
      KnowledgeBase kb, Soc soc, OsVersion os, ComputeUnit unit, Layer layer) {
    Op op = kb.ops().get(layer.op());
    if (op == null) {
      return "";
    }
    SupportRule.Verdict v = SupportRule.verdict(kb, op, soc, unit, os);
    if (v.cause() == SupportRule.Cause.UNTESTED) {
      Source source = SupportRule.statusSource(kb, op.supportOn(unit));
      return op.id() + ": no " + unit.title() + " support " + source.sawIt() + "; unknown here (?)";
    }
    if (v.status() == SupportStatus.UNKNOWN) {
      return op.id() + ": " + unit.title() + " support unknown (?)";
    }
    Refusal r = limits(op.supportOn(unit).limits(), layer);
    if (r != Refusal.NONE && !SupportRule.limitHolds(kb, op, unit, r.limit, soc, os)) {
      Source source = kb.sources().get(op.supportOn(unit).limits().sourceOf(r.limit));
      return describe(r, kb, soc, os, unit, layer) + " " + source.sawIt() + "; unknown here (?)";
    }
    return "";
  }

  private static Refusal limits(Limits l, Layer layer) {
    if (l.maxKernel() > 0 && intAttribute(layer, "kernel") > l.maxKernel()) {
      return Refusal.KERNEL;
    }
    if (l.maxStride() > 0 && intAttribute(layer, "stride") > l.maxStride()) {
      return Refusal.STRIDE;
    }
    if (l.maxDilation() > 0 && intAttribute(layer, "dilation") > l.maxDilation()) {
      return Refusal.DILATION;
    }
    if (l.maxRank() > 0 && rank(layer) > l.maxRank()) {
      return Refusal.RANK;
    }
    if (l.maxDim() > 0 && largest(layer) > l.maxDim()) {
      return Refusal.DIM;
    }
    if (!l.scaleFactors().isEmpty() && !refusedScale(l, layer).isEmpty()) {
      return Refusal.SCALE;
    }
    String axis = layer.attribute("axis", "any");
    if (!"any".equals(l.axis()) && !"any".equals(axis) && !l.axis().equals(axis)) {
      return Refusal.AXIS;
    }
    return Refusal.NONE;
  }

  /**
   * The first of a resize's factors ({@code scale}, else {@code scale_h} and {@code scale_w}) that
   * {@code l}'s scale factors leave out, or empty.
   */
  private static String refusedScale(Limits l, Layer layer) {
    for (String key : List.of("scale", "scale_h", "scale_w")) {
      String scale = layer.attribute(key, "");
      if (!scale.isEmpty() && !l.scaleFactors().contains(Integer.parseInt(scale))) {
        return scale;
      }
    }
    return "";
  }

  private static String describe(
      Refusal r, KnowledgeBase kb, Soc soc, OsVersion os, ComputeUnit unit, Layer layer) {
    if (r == Refusal.NONE) {
      return "";
    }
    Op op = kb.ops().get(layer.op());
    if (r.limit.isEmpty()) {
      // the support rule refused the unit: its own words, the op named where the op decided it
      SupportRule.Verdict v =
          op == null
              ? new SupportRule.Verdict(SupportStatus.NO, SupportRule.Cause.NO_COREML_ANE)
              : SupportRule.verdict(kb, op, soc, unit, os);
      String why = SupportRule.reason(kb, op, soc, unit, os, v);
      boolean opDecided =
          v.cause() == SupportRule.Cause.CATALOG
              || v.cause() == SupportRule.Cause.BEFORE_OS
              || v.cause() == SupportRule.Cause.NEVER_REACHES_OS;
      return opDecided ? op.id() + ": " + why : why;
    }
    Limits l = op.supportOn(unit).limits();
    String who = op.id() + ": ";
    return who
        + switch (r) {
          case NONE, NO_COREML_ANE, RELEASE_NOT_RUN, NO_SUPPORT, SINCE_OS -> "";
          case KERNEL ->
              "kernel "
                  + intAttribute(layer, "kernel")
                  + " exceeds the "
                  + unit.title()
                  + " limit of "
                  + l.maxKernel();
          case STRIDE ->
              "stride "
                  + intAttribute(layer, "stride")
                  + " exceeds the "
                  + unit.title()
                  + " limit of "
                  + l.maxStride();
          case DILATION ->
              "dilation "
                  + intAttribute(layer, "dilation")
                  + " is not supported on the "
                  + unit.title();
          case RANK -> "rank " + rank(layer) + " exceeds the limit of " + l.maxRank();
          case DIM -> "an axis of " + largest(layer) + " exceeds the limit of " + l.maxDim();
          case SCALE ->
              "scale factor "
                  + refusedScale(l, layer)
                  + " is not one of "
                  + l.scaleFactors()
                  + " on the "
                  + unit.title();
          case AXIS ->
              "the "
                  + unit.title()
                  + " normalizes over the "
                  + l.axis()
                  + " axis only (this layer: "
                  + layer.attribute("axis", "any")
                  + ")";
        };
  }

  private static int intAttribute(Layer layer, String key) {
    String v = layer.attribute(key, "");
    return v.isEmpty() ? 1 : Integer.parseInt(v);
  }

  /** The rank Core ML sees: the layer's tensors plus the batch axis. */
  private static int rank(Layer layer) {
    return Math.max(layer.input().rank(), layer.output().rank()) + 1;
  }

  private static long largest(Layer layer) {
    return Math.max(layer.input().largestDim(), layer.output().largestDim());
  }
}
