package dev.devq.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Output shapes of reductions, resizes and pads. */
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

  /** Resize (opset 11+: X, roi, scales, sizes) and the older Upsample (X, scales). */
  static long[] resize(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    int scalesAt = "Upsample".equals(v.op()) ? 1 : 2;
    if (v.has(3) && v.in(3).values() != null && v.in(3).values().length > 0) {
      long[] sizes = v.ints(3);
      long[] axes = Attrs.ints(v.node, "axes");
      // more sizes than axes wrote past the output's last axis, an internal error
      if (sizes.length != (axes == null ? in.length : axes.length)) {
        throw v.failure(
            "sizes "
                + Arrays.toString(sizes)
                + " do not fit "
                + (axes == null ? "rank " + in.length : "axes " + Arrays.toString(axes)));
      }
      long[] out = in.clone();
      for (int k = 0; k < sizes.length; k++) {
        out[axes == null ? k : v.axis(axes[k], in.length)] = sizes[k];
      }
      return out;
    }
    double[] scales = v.doubles(scalesAt);
    if (scales.length != in.length) {
      throw v.failure("scales " + NodeView.shown(scales) + " do not fit rank " + in.length);
    }
    long[] out = new long[in.length];
    for (int i = 0; i < in.length; i++) {
      // a NaN scale was read as a size of 0, an infinite one as 2^63 - 1
      if (!(scales[i] > 0) || Double.isInfinite(scales[i])) {
        throw v.failure(
            "scale "
                + NodeView.shown(scales[i])
                + " on axis "
                + i
                + ": a scale is a positive finite number");
      }
      out[i] = (long) Math.floor(in[i] * scales[i]);
      if (out[i] <= 0) {
        throw v.failure("scale " + scales[i] + " leaves axis " + i + " empty");
      }
    }
    return out;
  }

  static long[] pad(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    long[] pads = Attrs.ints(v.node, "pads");
    if (pads == null) {
      pads = v.ints(1);
    }
    long[] axes = v.has(3) ? v.ints(3) : null;
    int n = axes == null ? in.length : axes.length;
    if (pads.length != 2 * n) {
      throw v.failure("pads " + Arrays.toString(pads) + " do not fit rank " + in.length);
    }
    long[] out = in.clone();
    for (int k = 0; k < n; k++) {
      int a = axes == null ? k : v.axis(axes[k], in.length);
      String padded = "axis " + a + " padded by " + Arrays.toString(pads);
      out[a] = v.plus(v.plus(in[a], pads[k], padded), pads[k + n], padded);
      if (out[a] <= 0) {
        throw v.failure("pads leave axis " + a + " empty");
      }
    }
    return out;
  }
}
