package dev.devq.model;

import java.util.HashMap;
import java.util.Map;

/**
 * Shape inference and work counts per op: for a layer's op, arguments and input shape, the output
 * shape, MACs, FLOPs and parameters. Counting follows the usual papers' conventions: one MAC per
 * multiply-add, biases and normalization scale/shift counted as parameters, activations as FLOPs
 * but not MACs.
 *
 * <p>Catalog ops without a rule here are treated as shape-preserving elementwise work.
 */
final class OpRules {
  /** FLOPs per element of elementwise ops, from the arithmetic of their formulas. */
  private static final Map<String, Integer> ELEMENTWISE_FLOPS =
      Map.ofEntries(
          Map.entry("relu", 1),
          Map.entry("relu6", 2),
          Map.entry("leaky_relu", 2),
          Map.entry("prelu", 2),
          Map.entry("gelu", 8),
          Map.entry("silu", 5),
          Map.entry("hardswish", 4),
          Map.entry("hardsigmoid", 3),
          Map.entry("sigmoid", 4),
          Map.entry("tanh", 4),
          Map.entry("elu", 4),
          Map.entry("mish", 8),
          Map.entry("softplus", 4),
          Map.entry("erf", 6),
          Map.entry("add", 1),
          Map.entry("sub", 1),
          Map.entry("mul", 1),
          Map.entry("div", 1),
          Map.entry("clip", 2),
          Map.entry("exp", 4),
          Map.entry("sqrt", 4),
          Map.entry("rsqrt", 4));

  private OpRules() {}

  /** The work of one layer, or null for ops that vanish at conversion (dropout, identity). */
  static LayerWork apply(String op, Args a, Shape in) {
    return switch (op) {
      case "conv2d", "dilated_conv2d" -> conv(op, a, in, a.count("groups", 1), a.count("out"));
      case "pointwise_conv2d" -> conv(op, a, in, a.count("groups", 1), a.count("out"));
      case "depthwise_conv2d" -> conv(op, a, in, in.dim(0), in.dim(0) * a.count("multiplier", 1));
      case "conv_transpose2d" -> convTranspose(a, in);
      case "conv1d" -> conv1d(a, in);
      case "linear" -> linear(op, a, in);
      case "batch_norm", "instance_norm", "group_norm" -> norm(op, a, in, 2, 4, channelAxis(in));
      case "layer_norm" -> norm(op, a, in, 2, 7, normAxis(a, in));
      case "rms_norm" -> norm(op, a, in, 1, 4, normAxis(a, in));
      case "softmax" -> softmax(a, in);
      case "max_pool2d", "avg_pool2d" -> pool(op, a, in);
      case "global_avg_pool" -> globalPool(in);
      case "adaptive_avg_pool2d" -> adaptivePool(a, in);
      case "flatten" -> flatten(a, in);
      case "slice" -> slice(a, in);
      case "reduce_mean", "reduce_sum", "reduce_max", "reduce_min" -> reduce(op, a, in);
      case "transpose", "permute" -> transpose(op, a, in);
      case "embedding" -> embedding(a, in);
      case "lstm" -> recurrent(op, a, in, 4);
      case "gru" -> recurrent(op, a, in, 3);
      case "rnn" -> recurrent(op, a, in, 1);
      case "resize_nearest", "resize_bilinear", "upsample" -> resize(op, a, in);
      case "pixel_shuffle" -> pixelShuffle(a, in);
      case "pad" -> pad(a, in);
      case "dropout", "identity" -> null;
      default -> LayerWork.elementwise(op, in, ELEMENTWISE_FLOPS.getOrDefault(op, 1));
    };
  }

  private static LayerWork conv(String op, Args a, Shape in, long groups, long out) {
    rank(in, 3, op, "[C, H, W]");
    long c = in.dim(0);
    long k = "pointwise_conv2d".equals(op) ? 1 : a.count("kernel");
    long kw = a.count("kernel_w", k);
    long s = a.count("stride", 1);
    long d = a.count("dilation", 1);
    long pad = a.nonNegative("pad", d * (k - 1) / 2);
    long padW = a.nonNegative("pad_w", d * (kw - 1) / 2);
    boolean bias = a.flag("bias", true);
    if (c % groups != 0 || out % groups != 0) {
      throw new Formula.FormulaError(
          "channels " + c + " → " + out + " are not divisible by groups " + groups);
    }
    long oh = outSize(in.dim(1), k, s, d, pad);
    long ow = outSize(in.dim(2), kw, s, d, padW);
    long perOutput = (c / groups) * k * kw;
    long macs = oh * ow * out * perOutput;
    long params = out * perOutput + (bias ? out : 0);
    String id = d > 1 && "conv2d".equals(op) ? "dilated_conv2d" : op;
    return new LayerWork(
        id,
        Shape.of(out, oh, ow),
        macs,
        2 * macs,
        params,
        0,
        attrs("kernel", Math.max(k, kw), "stride", s, "dilation", d));
  }

  private static long outSize(long size, long k, long s, long d, long pad) {
    long out = (size + 2 * pad - d * (k - 1) - 1) / s + 1;
    if (out <= 0) {
      throw new Formula.FormulaError("kernel " + k + " does not fit an input of size " + size);
    }
    return out;
  }

  private static LayerWork convTranspose(Args a, Shape in) {
    rank(in, 3, "conv_transpose2d", "[C, H, W]");
    long out = a.count("out");
    long k = a.count("kernel");
    long s = a.count("stride", 1);
    long pad = a.nonNegative("pad", 0);
    long extra = a.nonNegative("output_padding", 0);
    boolean bias = a.flag("bias", true);
    long oh = (in.dim(1) - 1) * s - 2 * pad + k + extra;
    long ow = (in.dim(2) - 1) * s - 2 * pad + k + extra;
    long macs = in.dim(1) * in.dim(2) * in.dim(0) * out * k * k;
    return new LayerWork(
        "conv_transpose2d",
        Shape.of(out, oh, ow),
        macs,
        2 * macs,
        in.dim(0) * out * k * k + (bias ? out : 0),
        0,
        attrs("kernel", k, "stride", s, "dilation", 1));
  }

  private static LayerWork conv1d(Args a, Shape in) {
    rank(in, 2, "conv1d", "[C, L]");
    long out = a.count("out");
    long k = a.count("kernel");
    long s = a.count("stride", 1);
    long pad = a.nonNegative("pad", (k - 1) / 2);
    long groups = a.count("groups", 1);
    long ol = outSize(in.dim(1), k, s, 1, pad);
    long macs = ol * out * (in.dim(0) / groups) * k;
    return new LayerWork(
        "conv1d",
        Shape.of(out, ol),
        macs,
        2 * macs,
        out * (in.dim(0) / groups) * k + (a.flag("bias", true) ? out : 0),
        0,
        attrs("kernel", k, "stride", s, "dilation", 1));
  }

  private static LayerWork linear(String op, Args a, Shape in) {
    long features = in.dim(-1);
    long out = a.count("out");
    long rows = in.elements() / features;
    long macs = rows * features * out;
    long params = features * out + (a.flag("bias", true) ? out : 0);
    return new LayerWork(op, in.with(-1, out), macs, 2 * macs, params, 0, Map.of());
  }

  private static int channelAxis(Shape in) {
    return in.rank() >= 3 ? 0 : in.rank() - 1;
  }

  private static int normAxis(Args a, Shape in) {
    String axis = a.symbol("axis", in.rank() >= 3 ? "channel" : "last");
    return switch (axis) {
      case "channel" -> 0;
      case "last" -> in.rank() - 1;
      default ->
          throw new Formula.FormulaError("axis must be channel or last, found '" + axis + "'");
    };
  }

  private static LayerWork norm(
      String op, Args a, Shape in, int paramsPerChannel, int flopsPerElement, int axis) {
    a.count("groups", 1);
    boolean affine = a.flag("affine", true);
    long params = affine ? paramsPerChannel * in.dim(axis) : 0;
    String axisName =
        axis == 0 && in.rank() >= 3 ? "channel" : axis == in.rank() - 1 ? "last" : "other";
    return new LayerWork(
        op, in, 0, (long) flopsPerElement * in.elements(), params, 0, Map.of("axis", axisName));
  }

  private static LayerWork softmax(Args a, Shape in) {
    String axis = a.symbol("axis", "last");
    return new LayerWork("softmax", in, 0, 5 * in.elements(), 0, 0, Map.of("axis", axis));
  }

  private static LayerWork pool(String op, Args a, Shape in) {
    rank(in, 3, op, "[C, H, W]");
    long k = a.count("kernel");
    long s = a.count("stride", k);
    long pad = a.nonNegative("pad", 0);
    boolean ceil = a.flag("ceil", false);
    long oh = poolOut(in.dim(1), k, s, pad, ceil);
    long ow = poolOut(in.dim(2), k, s, pad, ceil);
    Shape out = Shape.of(in.dim(0), oh, ow);
    return new LayerWork(
        op, out, 0, k * k * out.elements(), 0, 0, attrs("kernel", k, "stride", s, "dilation", 1));
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

  private static LayerWork globalPool(Shape in) {
    rank(in, 3, "global_avg_pool", "[C, H, W]");
    return new LayerWork(
        "global_avg_pool", Shape.of(in.dim(0), 1, 1), 0, in.elements(), 0, 0, Map.of());
  }

  private static LayerWork adaptivePool(Args a, Shape in) {
    rank(in, 3, "adaptive_avg_pool2d", "[C, H, W]");
    long size = a.count("size");
    return new LayerWork(
        "adaptive_avg_pool2d", Shape.of(in.dim(0), size, size), 0, in.elements(), 0, 0, Map.of());
  }

  /**
   * {@code flatten {start}}: the axes from {@code start} on become one, as torch.flatten(x, start +
   * 1).
   */
  private static LayerWork flatten(Args a, Shape in) {
    long start = a.nonNegative("start", 0);
    if (start >= in.rank()) {
      throw new Formula.FormulaError("flatten start " + start + " is past the last axis of " + in);
    }
    long[] dims = new long[(int) start + 1];
    for (int i = 0; i < start; i++) {
      dims[i] = in.dim(i);
    }
    dims[(int) start] =
        in.elements() / java.util.Arrays.stream(dims, 0, (int) start).reduce(1, (x, y) -> x * y);
    return new LayerWork("flatten", Shape.of(dims), 0, 0, 0, 0, Map.of());
  }

  /**
   * {@code slice {start, size, axis: first | last}}: {@code size} entries from {@code start} of one
   * axis, by default the first (channels of [C, H, W], tokens of [S, C]).
   */
  private static LayerWork slice(Args a, Shape in) {
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
  private static LayerWork reduce(String op, Args a, Shape in) {
    String axis = a.symbol("axis", in.rank() == 3 ? "spatial" : "first");
    Shape out;
    if ("spatial".equals(axis)) {
      rank(in, 3, op + " over spatial axes", "[C, H, W]");
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
  private static LayerWork transpose(String op, Args a, Shape in) {
    String to = a.symbol("to", "");
    Shape out;
    if ("c1s".equals(to)) {
      rank(in, 2, op, "[S, C]");
      out = Shape.of(in.dim(1), 1, in.dim(0));
    } else if ("sc".equals(to)) {
      rank(in, 3, op, "[C, 1, S]");
      out = Shape.of(in.dim(2), in.dim(0));
    } else if (to.isEmpty()) {
      out = in.rank() < 2 ? in : in.with(-1, in.dim(-2)).with(-2, in.dim(-1));
    } else {
      throw new Formula.FormulaError("'to' must be c1s or sc, found '" + to + "'");
    }
    return new LayerWork(op, out, 0, 0, 0, 0, Map.of());
  }

  /**
   * A table lookup: [S] ids → [S, dim]. With {@code add: true} the looked-up rows (positions) are
   * added to an input of [S, dim]. Only the rows read cross the memory bus, not the whole table.
   */
  private static LayerWork embedding(Args a, Shape in) {
    long vocab = a.count("vocab");
    long dim = a.count("dim");
    boolean add = a.flag("add", false);
    Shape out;
    long rows;
    if (add) {
      if (in.dim(-1) != dim) {
        throw new Formula.FormulaError("embedding of width " + dim + " cannot be added to " + in);
      }
      out = in;
      rows = in.elements() / dim;
    } else {
      rank(in, 1, "embedding", "[S] (token ids)");
      out = Shape.of(in.dim(0), dim);
      rows = in.dim(0);
    }
    return new LayerWork(
        "embedding",
        out,
        0,
        add ? out.elements() : 0,
        vocab * dim,
        0,
        Map.of("rows_read", Long.toString(rows)));
  }

  private static LayerWork recurrent(String op, Args a, Shape in, int gates) {
    rank(in, 2, op, "[S, features]");
    long hidden = a.count("hidden");
    long layers = a.count("layers", 1);
    long dirs = a.flag("bidirectional", false) ? 2 : 1;
    long steps = in.dim(0);
    long params = 0;
    long macs = 0;
    long inputSize = in.dim(1);
    for (long l = 0; l < layers; l++) {
      long perDirection = gates * (inputSize * hidden + hidden * hidden + 2 * hidden);
      params += dirs * perDirection;
      macs += dirs * steps * gates * (inputSize * hidden + hidden * hidden);
      inputSize = hidden * dirs;
    }
    return new LayerWork(
        op,
        Shape.of(steps, hidden * dirs),
        macs,
        2 * macs + 10 * steps * hidden * dirs * layers,
        params,
        0,
        Map.of("steps", Long.toString(steps)));
  }

  private static LayerWork resize(String op, Args a, Shape in) {
    rank(in, 3, op, "[C, H, W]");
    long scale = a.count("scale", 2);
    Shape out = Shape.of(in.dim(0), in.dim(1) * scale, in.dim(2) * scale);
    long perElement = "resize_bilinear".equals(op) ? 4 : 1;
    return new LayerWork(
        op, out, 0, perElement * out.elements(), 0, 0, Map.of("scale", Long.toString(scale)));
  }

  private static LayerWork pixelShuffle(Args a, Shape in) {
    rank(in, 3, "pixel_shuffle", "[C, H, W]");
    long r = a.count("factor");
    if (in.dim(0) % (r * r) != 0) {
      throw new Formula.FormulaError(
          "channels " + in.dim(0) + " are not divisible by factor² " + r * r);
    }
    return new LayerWork(
        "pixel_shuffle",
        Shape.of(in.dim(0) / (r * r), in.dim(1) * r, in.dim(2) * r),
        0,
        0,
        0,
        0,
        Map.of());
  }

  private static LayerWork pad(Args a, Shape in) {
    rank(in, 3, "pad", "[C, H, W]");
    long p = a.nonNegative("amount", 1);
    return new LayerWork(
        "pad", Shape.of(in.dim(0), in.dim(1) + 2 * p, in.dim(2) + 2 * p), 0, 0, 0, 0, Map.of());
  }

  private static void rank(Shape in, int rank, String op, String layout) {
    if (in.rank() != rank) {
      throw new Formula.FormulaError(op + " expects an input of shape " + layout + ", found " + in);
    }
  }

  private static Map<String, String> attrs(Object... kv) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], String.valueOf(kv[i + 1]));
    }
    return out;
  }
}
