package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Limits;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.Support;
import dev.devq.kb.SupportStatus;
import dev.devq.model.Layer;

/**
 * Decides whether a compute unit of a SoC can run one layer, from the operator catalog: status,
 * the first SoC generation, and shape limits. Returns the empty string when it can, else the
 * reason it cannot ("layer_norm: Neural Engine needs the channel axis").
 *
 * <p>An {@code unknown} status counts as supported: the catalog marks what no source settles, and
 * Core ML tries every unit it is allowed; the reason still says it was assumed.
 */
public final class OpSupport {
  private OpSupport() {}

  public static String whyNot(KnowledgeBase kb, Soc soc, ComputeUnit unit, Layer layer) {
    if (unit == ComputeUnit.ANE && !soc.coremlAne()) {
      return "the " + soc.name() + " Neural Engine is not available to Core ML";
    }
    Op op = kb.ops().get(layer.op());
    if (op == null) {
      return "";
    }
    Support s = op.supportOn(unit);
    String who = op.id() + ": ";
    if (s.status() == SupportStatus.NO) {
      return who + "no " + unit.title() + " support";
    }
    if (!s.sinceSoc().isEmpty()) {
      Soc since = kb.socs().get(s.sinceSoc());
      if (since != null && soc.year().value() < since.year().value()) {
        return who + unit.title() + " support starts with " + since.name();
      }
    }
    return limits(who, unit, s.limits(), layer);
  }

  private static String limits(String who, ComputeUnit unit, Limits l, Layer layer) {
    int kernel = Integer.parseInt(layer.attribute("kernel", "1"));
    int stride = Integer.parseInt(layer.attribute("stride", "1"));
    int dilation = Integer.parseInt(layer.attribute("dilation", "1"));
    if (l.maxKernel() > 0 && kernel > l.maxKernel()) {
      return who + "kernel " + kernel + " exceeds the " + unit.title() + " limit of " + l.maxKernel();
    }
    if (l.maxStride() > 0 && stride > l.maxStride()) {
      return who + "stride " + stride + " exceeds the " + unit.title() + " limit of " + l.maxStride();
    }
    if (l.maxDilation() > 0 && dilation > l.maxDilation()) {
      return who + "dilation " + dilation + " is not supported on the " + unit.title();
    }
    int rank = Math.max(layer.input().rank(), layer.output().rank()) + 1;
    if (l.maxRank() > 0 && rank > l.maxRank()) {
      return who + "rank " + rank + " exceeds the limit of " + l.maxRank();
    }
    long largest = Math.max(layer.input().largestDim(), layer.output().largestDim());
    if (l.maxDim() > 0 && largest > l.maxDim()) {
      return who + "an axis of " + largest + " exceeds the limit of " + l.maxDim();
    }
    String scale = layer.attribute("scale", "");
    if (!scale.isEmpty() && !l.scaleFactors().isEmpty() && !l.scaleFactors().contains(Integer.parseInt(scale))) {
      return who + "scale factor " + scale + " is not one of " + l.scaleFactors() + " on the " + unit.title();
    }
    String axis = layer.attribute("axis", "any");
    if (!"any".equals(l.axis()) && !"any".equals(axis) && !l.axis().equals(axis)) {
      return who + "the " + unit.title() + " normalizes over the " + l.axis() + " axis only (this layer: " + axis + ")";
    }
    return "";
  }
}
