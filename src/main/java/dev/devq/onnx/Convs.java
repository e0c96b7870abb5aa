package dev.devq.onnx;

import dev.devq.model.ModelLimits;
import java.util.Arrays;

/** Output shapes of convolutions and pooling windows (ONNX Conv, ConvTranspose, MaxPool, …). */
final class Convs {
  private Convs() {}

  /** The weight input of a convolution: 1, or 3 for QLinearConv. */
  static int weightInput(NodeView v) {
    return "QLinearConv".equals(v.op()) ? 3 : 1;
  }

  static long[] conv(NodeView v) throws ImportFailure {
    long[] x = v.dims(0);
    long[] w = v.dims(weightInput(v));
    int spatial = x.length - 2;
    if (spatial < 1 || w.length != x.length) {
      throw v.failure(
          "needs an input [N, C, …] and weights of the same rank, found "
              + Arrays.toString(x)
              + " and "
              + Arrays.toString(w));
    }
    long group = Attrs.i(v.node, "group", 1);
    if (group < 1 || x[1] != v.times(w[1], group, "the weights' input channels × group")) {
      throw v.failure(
          "input channels "
              + x[1]
              + " do not match weights "
              + Arrays.toString(w)
              + " with group "
              + group);
    }
    divides(v, group, w[0], "output channels", w);
    long[] kernel = kernelOf(v, w);
    if (!"ConvInteger".equals(v.op())) {
      // ConvInteger has no bias: its input 2 is the input's zero point
      bias(v, "QLinearConv".equals(v.op()) ? 8 : 2, w[0]);
    }
    long[] out = new long[x.length];
    out[0] = x[0];
    out[1] = w[0];
    window(v, x, kernel, out, false);
    return out;
  }

  static long[] convTranspose(NodeView v) throws ImportFailure {
    long[] x = v.dims(0);
    long[] w = v.dims(1);
    int spatial = x.length - 2;
    if (spatial < 1 || w.length != x.length) {
      throw v.failure("needs an input [N, C, …] and weights of the same rank");
    }
    long group = Attrs.i(v.node, "group", 1);
    if (group < 1) {
      throw v.failure("group must be a positive whole number, found " + group);
    }
    // ConvTranspose's weights are [C, M / group, k…]: the input's channels come first
    if (x[1] != w[0]) {
      throw v.failure(
          "input channels " + x[1] + " do not match weights " + Arrays.toString(w) + " (axis 0)");
    }
    divides(v, group, x[1], "input channels", w);
    kernelOf(v, w);
    // the output channels: a group near 2^63 wrapped the product to a plausible count
    long channels = v.times(w[1], group, "the output channels, weights axis 1 × group,");
    bias(v, 2, channels);
    long[] strides = steps(v, "strides", spatial);
    long[] dil = steps(v, "dilations", spatial);
    long[] pads = pads(v, spatial);
    long[] extra = sizes(v, "output_padding", 0, spatial);
    long[] given = sizes(v, "output_shape", 1, spatial);
    // SAME pads so that the output is the input times the stride, whatever the kernel
    boolean same = Attrs.s(v.node, "auto_pad", "NOTSET").startsWith("SAME_");
    long[] out = new long[x.length];
    out[0] = x[0];
    out[1] = channels;
    for (int i = 0; i < spatial; i++) {
      long k = w[i + 2];
      long p = pads == null ? 0 : pads[i] + pads[i + spatial];
      long e = extra == null ? 0 : extra[i];
      String size = "the output size on axis " + (i + 2);
      out[i + 2] =
          given != null
              ? given[given.length - spatial + i]
              : same
                  ? v.times(x[i + 2], strides[i], size)
                  : v.minus(
                      v.plus(
                          v.times(v.minus(x[i + 2], 1, size), strides[i], size),
                          dil[i] * (k - 1) + 1 + e,
                          size),
                      p,
                      size);
      if (out[i + 2] <= 0) {
        throw v.failure("the output would have size " + out[i + 2] + " on axis " + (i + 2));
      }
    }
    return out;
  }

  static long[] pool(NodeView v) throws ImportFailure {
    long[] x = v.dims(0);
    long[] kernel = Attrs.ints(v.node, "kernel_shape");
    if (kernel == null || kernel.length != x.length - 2) {
      throw v.failure("kernel_shape does not fit the input " + Arrays.toString(x));
    }
    kernel(v, kernel, "kernel_shape " + Arrays.toString(kernel));
    long[] out = x.clone();
    window(v, x, kernel, out, Attrs.i(v.node, "ceil_mode", 0) == 1);
    return out;
  }

  /** Spatial output sizes of a sliding window, with explicit pads or auto_pad. */
  private static void window(NodeView v, long[] x, long[] kernel, long[] out, boolean ceil)
      throws ImportFailure {
    int spatial = x.length - 2;
    long[] strides = steps(v, "strides", spatial);
    long[] dil = steps(v, "dilations", spatial);
    long[] pads = pads(v, spatial);
    String auto = Attrs.s(v.node, "auto_pad", "NOTSET");
    for (int i = 0; i < spatial; i++) {
      long in = x[i + 2];
      long span = dil[i] * (kernel[i] - 1) + 1;
      long size;
      if ("SAME_UPPER".equals(auto) || "SAME_LOWER".equals(auto)) {
        // in ÷ stride rounded up, without the overflow of in + stride − 1 for a constant's axis
        size = in / strides[i] + (in % strides[i] == 0 ? 0 : 1);
      } else {
        long p = "VALID".equals(auto) || pads == null ? 0 : pads[i] + pads[i + spatial];
        long room = v.minus(v.plus(in, p, "the padded axis " + (i + 2)), span, "the window room");
        if (room < 0) {
          throw v.failure(
              "kernel "
                  + kernel[i]
                  + " does not fit an input of size "
                  + in
                  + " on axis "
                  + (i + 2));
        }
        size = room / strides[i] + (ceil && room % strides[i] != 0 ? 1 : 0) + 1;
      }
      out[i + 2] = size;
    }
  }

  /**
   * The kernel of a convolution's weights [M, C, k…]. ONNX lets the node state {@code kernel_shape}
   * beside them and requires the two to agree; when they do not, one of them is wrong, and taking
   * either would cost a different model than the file runs.
   */
  private static long[] kernelOf(NodeView v, long[] w) throws ImportFailure {
    long[] sizes = kernel(v, Arrays.copyOfRange(w, 2, w.length), "weights " + Arrays.toString(w));
    long[] declared = Attrs.ints(v.node, "kernel_shape");
    if (declared != null && !Arrays.equals(declared, sizes)) {
      throw v.failure(
          "kernel_shape "
              + Arrays.toString(declared)
              + " does not match the weights "
              + Arrays.toString(w)
              + ", whose kernel is "
              + Arrays.toString(sizes),
          "ONNX requires kernel_shape to equal the weights' spatial dims; re-export the model");
    }
    return sizes;
  }

  /** Grouped channels split evenly: {@code channels} must be a multiple of {@code group}. */
  private static void divides(NodeView v, long group, long channels, String what, long[] w)
      throws ImportFailure {
    if (channels % group != 0) {
      throw v.failure(
          what
              + " "
              + channels
              + " (weights "
              + Arrays.toString(w)
              + ") do not split into group "
              + group);
    }
  }

  /** The optional bias at {@code input}: one value per output channel. */
  private static void bias(NodeView v, int input, long channels) throws ImportFailure {
    oneEach(v, input, "the bias", channels, "output channel");
  }

  /**
   * A BatchNormalization keeps its input's shape. Its scale, shift, mean and variance hold one
   * value per channel: a scale of another length was folded into the convolution before it as if it
   * fitted, and the file imported though no runtime can run it.
   */
  static long[] batchNorm(NodeView v) throws ImportFailure {
    long[] x = v.dims(0);
    if (x.length < 2) {
      throw v.failure("needs an input [N, C, …], found " + Arrays.toString(x));
    }
    String[] names = {"the scale", "the shift", "the mean", "the variance"};
    for (int i = 0; i < names.length; i++) {
      oneEach(v, i + 1, names[i], x[1], "channel");
    }
    return x;
  }

  /** The optional input {@code input}, when its shape is known: one value per {@code channel}. */
  private static void oneEach(NodeView v, int input, String what, long channels, String channel)
      throws ImportFailure {
    if (!v.has(input) || v.inputs.get(input).dims() == null) {
      return;
    }
    long[] b = v.dims(input);
    if (b.length != 1 || b[0] != channels) {
      throw v.failure(
          what
              + " (input "
              + input
              + ") has shape "
              + Arrays.toString(b)
              + "; it needs one value per "
              + channel
              + ", ["
              + channels
              + "]");
    }
  }

  /**
   * A kernel's sizes: each at least 1 and at most an axis (a 0 would make a window of no elements,
   * and the arithmetic of the output size would no longer mean anything).
   */
  private static long[] kernel(NodeView v, long[] sizes, String what) throws ImportFailure {
    for (long k : sizes) {
      if (k < 1 || k > ModelLimits.MAX_AXIS) {
        throw v.failure(what + " give a kernel size of " + k + "; a kernel has at least 1 element");
      }
    }
    return sizes;
  }

  /**
   * {@code strides} or {@code dilations}: one value per spatial axis, each from 1 to the largest
   * axis (1 when the attribute is absent). A stride of 0 would divide by zero.
   */
  private static long[] steps(NodeView v, String name, int spatial) throws ImportFailure {
    return within(v, name, orOnes(Attrs.ints(v.node, name), spatial), spatial, spatial, 1);
  }

  /** {@code pads}: a begin and an end per spatial axis, none negative; null when absent. */
  private static long[] pads(NodeView v, int spatial) throws ImportFailure {
    long[] pads = Attrs.ints(v.node, "pads");
    if (pads == null) {
      return null;
    }
    if (pads.length != 2 * spatial) {
      throw v.failure(
          "pads "
              + Arrays.toString(pads)
              + " has not two values per spatial axis ("
              + spatial
              + ")");
    }
    for (long p : pads) {
      if (p < 0 || p > ModelLimits.MAX_AXIS) {
        throw v.failure(
            "pads " + Arrays.toString(pads) + ": each must be from 0 to " + ModelLimits.MAX_AXIS);
      }
    }
    return pads;
  }

  /**
   * ConvTranspose's {@code output_padding} or {@code output_shape}: at least one value per spatial
   * axis (the last ones are read), each from {@code least} to the largest axis; null when absent. A
   * shorter list was read before its start, and a padding near 2^63 wrapped the output size.
   */
  private static long[] sizes(NodeView v, String name, long least, int spatial)
      throws ImportFailure {
    long[] values = Attrs.ints(v.node, name);
    return values == null ? null : within(v, name, values, spatial, Integer.MAX_VALUE, least);
  }

  /**
   * The values of attribute {@code name}: from {@code fewest} to {@code most} of them, each a whole
   * number from {@code least} to the largest axis.
   */
  private static long[] within(
      NodeView v, String name, long[] values, int fewest, int most, long least)
      throws ImportFailure {
    if (values.length < fewest || values.length > most) {
      throw v.failure(
          name
              + " "
              + Arrays.toString(values)
              + " has not one value per spatial axis ("
              + fewest
              + ")");
    }
    for (long s : values) {
      if (s < least || s > ModelLimits.MAX_AXIS) {
        throw v.failure(
            name
                + " "
                + Arrays.toString(values)
                + ": each must be a whole number from "
                + least
                + " to "
                + ModelLimits.MAX_AXIS);
      }
    }
    return values;
  }

  static long[] orOnes(long[] values, int n) {
    if (values != null) {
      return values;
    }
    long[] ones = new long[n];
    Arrays.fill(ones, 1);
    return ones;
  }
}
