package dev.devq.model;

import static dev.devq.model.ModelLimits.mul;

import java.util.Map;

/**
 * Shape inference for the ops that move or resample data rather than compute with weights: pooling,
 * flatten, slice, reduce, transpose, resize, pixel shuffle and pad. Products of sizes use {@link
 * ModelLimits#mul}, so a hostile size overflows loudly instead of wrapping.
 */
final class LayoutRules {
  private LayoutRules() {}

  static LayerWork pool(String op, Args a, Shape in) {
    OpRules.rank(in, 3, op, "[C, H, W]");
    long k = a.count("kernel");
    long s = a.count("stride", k);
    long pad = a.nonNegative("pad", 0);
    boolean ceil = a.flag("ceil", false);
    long oh = poolOut(in.dim(1), k, s, pad, ceil);
    long ow = poolOut(in.dim(2), k, s, pad, ceil);
    Shape out = Shape.of(in.dim(0), oh, ow);
    return new LayerWork(
        op,
        out,
        0,
        mul(k, k, out.elements()),
        0,
        0,
        OpRules.attrs("kernel", k, "stride", s, "dilation", 1));
  }

  private static long poolOut(long size, long k, long s, long pad, boolean ceil) {
    double raw = (double) (size + 2 * pad - k) / s;
    long out = (ceil ? (long) Math.ceil(raw) : (long) Math.floor(raw)) + 1;
    if (out <= 0) {
      throw new Formula.FormulaError(
          "pooling kernel " + k + " does not fit an input of size " + size);
    }
    return out;
  }

  static LayerWork globalPool(Shape in) {
    OpRules.rank(in, 3, "global_avg_pool", "[C, H, W]");
    return new LayerWork(
        "global_avg_pool", Shape.of(in.dim(0), 1, 1), 0, in.elements(), 0, 0, Map.of());
  }

  static LayerWork adaptivePool(Args a, Shape in) {
    OpRules.rank(in, 3, "adaptive_avg_pool2d", "[C, H, W]");
    long size = a.count("size");
    return new LayerWork(
        "adaptive_avg_pool2d", Shape.of(in.dim(0), size, size), 0, in.elements(), 0, 0, Map.of());
  }

  /**
   * {@code flatten {start}}: the axes from {@code start} on become one, as torch.flatten(x, start +
   * 1).
   */
  static LayerWork flatten(Args a, Shape in) {
    long start = a.nonNegative("start", 0);
    if (start >= in.rank()) {
      throw new Formula.FormulaError("flatten start " + start + " is past the last axis of " + in);
    }
    long[] dims = new long[(int) start + 1];
    for (int i = 0; i < start; i++) {
      dims[i] = in.dim(i);
    }
    dims[(int) start] =
        in.elements()
            / java.util.Arrays.stream(dims, 0, (int) start).reduce(1, Math::multiplyExact);
    return new LayerWork("flatten", Shape.of(dims), 0, 0, 0, 0, Map.of());
  }

  /**
   * {@code slice {start, size, axis: first | last}}: {@code size} entries from {@code start} of one
   * axis, by default the first (channels of [C, H, W], tokens of [S, C]).
   */
  static LayerWork slice(Args a, Shape in) {
    int axis = firstOrLast(a.symbol("axis", "first"), in);
    long start = a.nonNegative("start", 0);
    long size = a.count("size");
    if (start + size > in.dim(axis)) {
      throw new Formula.FormulaError(
          "slice " + start + "…" + (start + size) + " does not fit axis " + axis + " of " + in);
    }
    return new LayerWork("slice", in.with(axis, size), 0, 0, 0, 0, Map.of());
  }

  /**
   * {@code reduce_mean {axis: first | last | spatial}}: the axis kept with size 1. The default is
   * {@code spatial} (H and W) for [C, H, W] and {@code first} (the tokens) for [S, C].
   */
  static LayerWork reduce(String op, Args a, Shape in) {
    String axis = a.symbol("axis", in.rank() == 3 ? "spatial" : "first");
    Shape out;
    if ("spatial".equals(axis)) {
      OpRules.rank(in, 3, op + " over spatial axes", "[C, H, W]");
      out = Shape.of(in.dim(0), 1, 1);
    } else {
      out = in.with(firstOrLast(axis, in), 1);
    }
    return new LayerWork(op, out, 0, in.elements(), 0, 0, Map.of("axis", axis));
  }

  private static int firstOrLast(String axis, Shape in) {
    return switch (axis) {
      case "first" -> 0;
      case "last" -> in.rank() - 1;
      default -> throw new Formula.FormulaError("axis must be first or last, found '" + axis + "'");
    };
  }

  /** {@code to: c1s} turns [S, C] into the Neural Engine layout [C, 1, S]; {@code to: sc} back. */
  static LayerWork transpose(String op, Args a, Shape in) {
    String to = a.symbol("to", "");
    Shape out;
    if ("c1s".equals(to)) {
      OpRules.rank(in, 2, op, "[S, C]");
      out = Shape.of(in.dim(1), 1, in.dim(0));
    } else if ("sc".equals(to)) {
      OpRules.rank(in, 3, op, "[C, 1, S]");
      out = Shape.of(in.dim(2), in.dim(0));
    } else if (to.isEmpty()) {
      out = in.rank() < 2 ? in : in.with(-1, in.dim(-2)).with(-2, in.dim(-1));
    } else {
      throw new Formula.FormulaError("'to' must be c1s or sc, found '" + to + "'");
    }
    return new LayerWork(op, out, 0, 0, 0, 0, Map.of());
  }

  /**
   * {@code upsample}, {@code resize_nearest} and {@code resize_bilinear}: height and width times
   * {@code scale}, or times {@code scale_h} and {@code scale_w} where they differ (a 2 × 3
   * upsample). The layer carries the factor as {@code scale} when both are equal, else as {@code
   * scale_h} and {@code scale_w}, each checked against a unit's scale-factor limit. An upsample's
   * {@code mode} is {@code nearest} (the default) or {@code bilinear}; a resize's is in its id.
   */
  static LayerWork resize(String op, Args a, Shape in) {
    OpRules.rank(in, 3, op, "[C, H, W]");
    long scale = a.count("scale", 2);
    long h = a.count("scale_h", scale);
    long w = a.count("scale_w", scale);
    Interpolation mode =
        "upsample".equals(op)
            ? Interpolation.of(a.symbol("mode", Interpolation.NEAREST.word))
            : "resize_bilinear".equals(op) ? Interpolation.BILINEAR : Interpolation.NEAREST;
    Shape out = Shape.of(in.dim(0), mul(in.dim(1), h), mul(in.dim(2), w));
    Map<String, String> attributes = new java.util.LinkedHashMap<>();
    if (h == w) {
      attributes.put("scale", Long.toString(h));
    } else {
      attributes.put("scale_h", Long.toString(h));
      attributes.put("scale_w", Long.toString(w));
    }
    if ("upsample".equals(op)) {
      attributes.put("mode", mode.word);
    }
    return new LayerWork(op, out, 0, mul(mode.reads, out.elements()), 0, 0, attributes);
  }

  static LayerWork pixelShuffle(Args a, Shape in) {
    OpRules.rank(in, 3, "pixel_shuffle", "[C, H, W]");
    long r = a.count("factor");
    if (in.dim(0) % mul(r, r) != 0) {
      throw new Formula.FormulaError(
          "channels " + in.dim(0) + " are not divisible by factor² " + r * r);
    }
    return new LayerWork(
        "pixel_shuffle",
        Shape.of(in.dim(0) / (r * r), mul(in.dim(1), r), mul(in.dim(2), r)),
        0,
        0,
        0,
        0,
        Map.of());
  }

  static LayerWork pad(Args a, Shape in) {
    OpRules.rank(in, 3, "pad", "[C, H, W]");
    long p = a.nonNegative("amount", 1);
    return new LayerWork(
        "pad", Shape.of(in.dim(0), in.dim(1) + 2 * p, in.dim(2) + 2 * p), 0, 0, 0, 0, Map.of());
  }
}
