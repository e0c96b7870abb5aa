package dev.devq.model;

import static dev.devq.model.ModelLimits.mul;

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
      case "depthwise_conv2d" ->
          conv(op, a, in, in.dim(0), mul(in.dim(0), a.count("multiplier", 1)));
      case "conv_transpose2d" -> convTranspose(a, in);
      case "conv1d" -> conv1d(a, in);
      case "linear" -> linear(op, a, in);
      case "batch_norm", "instance_norm", "group_norm" -> norm(op, a, in, 2, 4, channelAxis(in));
      case "layer_norm" -> norm(op, a, in, 2, 7, normAxis(a, in));
      case "rms_norm" -> norm(op, a, in, 1, 4, normAxis(a, in));
      case "softmax" -> softmax(a, in);
      case "max_pool2d", "avg_pool2d" -> LayoutRules.pool(op, a, in);
      case "global_avg_pool" -> LayoutRules.globalPool(in);
      case "adaptive_avg_pool2d" -> LayoutRules.adaptivePool(a, in);
      case "flatten" -> LayoutRules.flatten(a, in);
      case "slice" -> LayoutRules.slice(a, in);
      case "reduce_mean", "reduce_sum", "reduce_max", "reduce_min" -> LayoutRules.reduce(op, a, in);
      case "transpose", "permute" -> LayoutRules.transpose(op, a, in);
      case "embedding" -> embedding(a, in);
      case "lstm" -> recurrent(op, a, in, 4);
      case "gru" -> recurrent(op, a, in, 3);
      case "rnn" -> recurrent(op, a, in, 1);
      case "resize_nearest", "resize_bilinear", "upsample" -> LayoutRules.resize(op, a, in);
      case "pixel_shuffle" -> LayoutRules.pixelShuffle(a, in);
      case "pad" -> LayoutRules.pad(a, in);
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
    // the width's padding follows the height's, unless the kernel has a width of its own
    long padW = a.nonNegative("pad_w", a.has("kernel_w") ? d * (kw - 1) / 2 : pad);
    boolean bias = a.flag("bias", true);
    if (c % groups != 0 || out % groups != 0) {
      throw new Formula.FormulaError(
          "channels " + c + " → " + out + " are not divisible by groups " + groups);
    }
    long oh = outSize(in.dim(1), k, s, d, pad);
    long ow = outSize(in.dim(2), kw, s, d, padW);
    long perOutput = mul(c / groups, k, kw);
    long macs = mul(oh, ow, out, perOutput);
    long params = mul(out, perOutput) + (bias ? out : 0);
    String id = d > 1 && "conv2d".equals(op) ? "dilated_conv2d" : op;
    return new LayerWork(
        id,
        Shape.of(out, oh, ow),
        macs,
        mul(2, macs),
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
    long oh = mul(in.dim(1) - 1, s) - 2 * pad + k + extra;
    long ow = mul(in.dim(2) - 1, s) - 2 * pad + k + extra;
    long macs = mul(in.dim(1), in.dim(2), in.dim(0), out, k, k);
    return new LayerWork(
        "conv_transpose2d",
        Shape.of(out, oh, ow),
        macs,
        mul(2, macs),
        mul(in.dim(0), out, k, k) + (bias ? out : 0),
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
    long macs = mul(ol, out, in.dim(0) / groups, k);
    return new LayerWork(
        "conv1d",
        Shape.of(out, ol),
        macs,
        mul(2, macs),
        mul(out, in.dim(0) / groups, k) + (a.flag("bias", true) ? out : 0),
        0,
        attrs("kernel", k, "stride", s, "dilation", 1));
  }

  private static LayerWork linear(String op, Args a, Shape in) {
    long features = in.dim(-1);
    long out = a.count("out");
    long rows = in.elements() / features;
    long macs = mul(rows, features, out);
    long params = mul(features, out) + (a.flag("bias", true) ? out : 0);
    return new LayerWork(op, in.with(-1, out), macs, mul(2, macs), params, 0, Map.of());
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
        op, in, 0, mul(flopsPerElement, in.elements()), params, 0, Map.of("axis", axisName));
  }

  private static LayerWork softmax(Args a, Shape in) {
    String axis = a.symbol("axis", "last");
    return new LayerWork("softmax", in, 0, mul(5, in.elements()), 0, 0, Map.of("axis", axis));
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
        mul(vocab, dim),
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
      long perDirection = mul(gates, mul(inputSize, hidden) + mul(hidden, hidden) + 2 * hidden);
      params = Math.addExact(params, mul(dirs, perDirection));
      macs =
          Math.addExact(
              macs, mul(dirs, steps, gates, mul(inputSize, hidden) + mul(hidden, hidden)));
      inputSize = hidden * dirs;
    }
    return new LayerWork(
        op,
        Shape.of(steps, hidden * dirs),
        macs,
        mul(2, macs) + mul(10, steps, hidden, dirs, layers),
        params,
        0,
        Map.of("steps", Long.toString(steps)));
  }

  static void rank(Shape in, int rank, String op, String layout) {
    if (in.rank() != rank) {
      throw new Formula.FormulaError(op + " expects an input of shape " + layout + ", found " + in);
    }
  }

  static Map<String, String> attrs(Object... kv) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      out.put((String) kv[i], String.valueOf(kv[i + 1]));
    }
    return out;
  }
}
