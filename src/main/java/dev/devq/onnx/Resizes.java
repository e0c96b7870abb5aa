package dev.devq.onnx;

import dev.devq.model.Interpolation;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The catalog op of an ONNX Resize, chosen as Core ML's converters lower one, since each op has its
 * own Neural Engine rules (an older iOS upsamples by 2 only). coremltools' ONNX converter (up to
 * 5.x) and its PyTorch frontend turn a resize by whole factors into {@code
 * upsample_nearest_neighbor} or {@code upsample_bilinear}, the catalog's {@code upsample}. That op
 * is by whole factors only, so a nearest or linear resize to any other size is the catalog's {@code
 * resize_nearest} or {@code resize_bilinear} (the PyTorch frontend writes it as an upsample of a
 * fractional factor, which the catalog does not describe). Core ML has no bicubic resize, so a
 * cubic one is an unknown op.
 */
final class Resizes {
  private Resizes() {}

  /**
   * The catalog op for interpolation {@code mode} (ONNX's {@code nearest}, {@code linear} or {@code
   * cubic}) when every resized axis grows by a whole factor ({@code whole}) or not; null for a
   * cubic resize.
   */
  static String catalogOp(String mode, boolean whole) {
    return switch (mode) {
      case "nearest" -> whole ? "upsample" : "resize_nearest";
      case "linear" -> whole ? "upsample" : "resize_bilinear";
      default -> null;
    };
  }

  /** The catalog op of a Resize node, null for a cubic one. */
  static String catalogOp(NodeView v, Planner p) throws ImportFailure {
    long[] in = v.dims(0);
    long[] out = p.tensor(v.node.getOutput(0)).dims();
    return catalogOp(Attrs.s(v.node, "mode", "nearest"), factors(in, out) != null);
  }

  /**
   * The node as the description's own {@code upsample: {scale: k, mode: m}} when the op rules
   * express it: an [N, C, H, W] input whose N and C stay and whose H and W grow by whole factors
   * ({@code scale_h} and {@code scale_w} where they differ, as onnxruntime's Core ML provider gives
   * the upsample layer one factor per axis). Written so, the layer carries the factors the Neural
   * Engine's scale-factor limit is checked against, and its mode the work per output element
   * ({@link Interpolation}): a linear resize is a bilinear upsample.
   */
  static Item upsample(NodeView v, Planner p) throws ImportFailure {
    long[] in = v.dims(0);
    long[] out = p.tensor(v.node.getOutput(0)).dims();
    long[] by = factors(in, out);
    if (in.length != 4
        || by == null
        || !"upsample".equals(catalogOp(v, p))
        || !p.catalog.has("upsample")) {
      return null;
    }
    Map<String, String> args = new LinkedHashMap<>();
    if (by[0] == by[1]) {
      args.put("scale", Long.toString(by[0]));
    } else {
      args.put("scale_h", Long.toString(by[0]));
      args.put("scale_w", Long.toString(by[1]));
    }
    args.put("mode", mode(v).word);
    return LayerMapping.simple(v, p, "upsample", args);
  }

  /** The interpolation of a nearest or linear Resize (a cubic one is no catalog op). */
  static Interpolation mode(NodeView v) {
    return "linear".equals(Attrs.s(v.node, "mode", "nearest"))
        ? Interpolation.BILINEAR
        : Interpolation.NEAREST;
  }

  /**
   * The whole factors by which the last two axes grow, or null when an axis before them changes or
   * one of them shrinks or grows by a fraction. Core ML's upsample layers scale only the last two
   * axes (height and width).
   */
  private static long[] factors(long[] in, long[] out) {
    if (in.length != out.length || in.length < 2) {
      return null;
    }
    int rank = in.length;
    for (int a = 0; a < rank - 2; a++) {
      if (in[a] != out[a]) {
        return null;
      }
    }
    long[] by = new long[2];
    for (int k = 0; k < 2; k++) {
      long i = in[rank - 2 + k];
      long o = out[rank - 2 + k];
      if (i <= 0 || o < i || o % i != 0) {
        return null;
      }
      by[k] = o / i;
    }
    return by;
  }
}
