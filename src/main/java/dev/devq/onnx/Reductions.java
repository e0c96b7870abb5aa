package dev.devq.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Output shapes of reductions and resizes. */
final class Reductions {
  private Reductions() {}

  static long[] reduce(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    boolean keep = Attrs.i(v.node, "keepdims", 1) == 1;
    long[] axes;
    if (v.op().startsWith("Arg")) {
      axes = new long[] {Attrs.i(v.node, "axis", 0)};
    } else {
      axes = Shapes.axes(v, 1);
    }
    boolean[] reduced = new boolean[in.length];
    if (axes == null || axes.length == 0) {
      boolean noop = Attrs.i(v.node, "noop_with_empty_axes", 0) == 1;
      Arrays.fill(reduced, !noop);
    } else {
      for (long a : axes) {
        reduced[v.axis(a, in.length)] = true;
      }
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      if (!reduced[i]) {
        out.add(in[i]);
      } else if (keep) {
        out.add(1L);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  /**
   * Resize (opset 11+: X, roi, scales, sizes, with {@code axes} and {@code
   * keep_aspect_ratio_policy} from opset 18). ONNX takes scales or sizes, never both: a node giving
   * both was read by its sizes, though a runtime refuses it. (Upsample, deprecated from opset 10,
   * is refused before: {@link OpSchemas}.)
   */
  static long[] resize(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    boolean sizes = given(v, 3);
    boolean scales = given(v, 2);
    if (sizes == scales) {
      throw v.failure(
          "gives "
              + (sizes ? "both scales (input 2) and sizes (input 3)" : "neither scales nor sizes")
              + "; a Resize takes exactly one of them");
    }
    long[] listed = Attrs.ints(v.node, "axes");
    int[] axes =
        listed == null ? all(in.length) : v.distinctAxes(listed, in.length, "axes (attribute)");
    String fits = listed == null ? "rank " + in.length : "axes " + Arrays.toString(listed);
    if (scales) {
      double[] by = v.doubles(2);
      if (by.length != axes.length) {
        throw v.failure("scales " + NodeView.shown(by) + " do not fit " + fits);
      }
      return scaled(v, in, by, axes);
    }
    long[] to = v.ints(3);
    // more sizes than axes wrote past the output's last axis, an internal error
    if (to.length != axes.length) {
      throw v.failure("sizes " + Arrays.toString(to) + " do not fit " + fits);
    }
    long[] out = in.clone();
    String policy = Attrs.s(v.node, "keep_aspect_ratio_policy", "stretch");
    if ("stretch".equals(policy)) {
      for (int k = 0; k < to.length; k++) {
        out[axes[k]] = to[k];
      }
      return out;
    }
    // one scale for every axis listed, the smallest (not_larger) or largest (not_smaller) of the
    // sizes' ratios, each size rounded half up: [3, 5] to sizes [6, 6] not_smaller is [6, 10]
    double scale = "not_larger".equals(policy) ? Double.MAX_VALUE : 0;
    for (int k = 0; k < to.length; k++) {
      double ratio = (double) to[k] / in[axes[k]];
      scale = "not_larger".equals(policy) ? Math.min(scale, ratio) : Math.max(scale, ratio);
    }
    for (int a : axes) {
      out[a] = (long) Math.floor(scale * in[a] + 0.5);
      if (out[a] <= 0) {
        throw v.failure(
            "sizes " + Arrays.toString(to) + " (" + policy + ") leave axis " + a + " empty");
      }
    }
    return out;
  }

  /** Whether optional input {@code i} is given: named, and not an empty tensor (opset 11's way). */
  private static boolean given(NodeView v, int i) {
    if (!v.has(i)) {
      return false;
    }
    long[] dims = v.inputs.get(i).dims();
    return dims == null || Arrays.stream(dims).noneMatch(d -> d == 0);
  }

  private static int[] all(int rank) {
    int[] axes = new int[rank];
    for (int i = 0; i < rank; i++) {
      axes[i] = i;
    }
    return axes;
  }

  /** {@code in} with each of {@code axes} scaled by its scale and rounded down. */
  private static long[] scaled(NodeView v, long[] in, double[] scales, int[] axes)
      throws ImportFailure {
    if (scales.length != axes.length) {
      throw v.failure("scales " + NodeView.shown(scales) + " do not fit rank " + in.length);
    }
    long[] out = in.clone();
    for (int k = 0; k < axes.length; k++) {
      int i = axes[k];
      // a NaN scale was read as a size of 0, an infinite one as 2^63 - 1
      if (!(scales[k] > 0) || Double.isInfinite(scales[k])) {
        throw v.failure(
            "scale "
                + NodeView.shown(scales[k])
                + " on axis "
                + i
                + ": a scale is a positive finite number");
      }
      out[i] = (long) Math.floor(in[i] * scales[k]);
      if (out[i] <= 0) {
        throw v.failure("scale " + scales[k] + " leaves axis " + i + " empty");
      }
    }
    return out;
  }
}
