package dev.devq.onnx;

import java.util.Arrays;

/**
 * The output shape of a Pad (opset 11+: data, pads, constant_value, and from opset 18 axes), and
 * the limits its modes put on the pads.
 *
 * <p>A reflection mirrors an axis about its first and last elements, which are not repeated, so it
 * can add at most the axis length − 1 on each side: the ONNX spec's examples keep to that, numpy
 * refuses more, and onnxruntime refuses it (before, it read past the axis). A negative pad crops
 * first, so the limit is that of the cropped axis. The constant mode's {@code constant_value} is
 * one value, a scalar; onnxruntime refuses a tensor of any other size.
 */
final class Paddings {
  private Paddings() {}

  static long[] pad(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    long[] pads = v.ints(1);
    long[] axes = v.has(3) ? v.ints(3) : null;
    int n = axes == null ? in.length : axes.length;
    if (pads.length != 2 * n) {
      throw v.failure("pads " + Arrays.toString(pads) + " do not fit rank " + in.length);
    }
    int[] named = axes == null ? null : v.distinctAxes(axes, in.length, "axes (input 3)");
    String mode = Attrs.s(v.node, "mode", "constant");
    if ("constant".equals(mode)) {
      constantValue(v);
    }
    long[] out = in.clone();
    for (int k = 0; k < n; k++) {
      int a = named == null ? k : named[k];
      if ("reflect".equals(mode)) {
        reflection(v, a, in[a], pads[k], pads[k + n]);
      }
      String padded = "axis " + a + " padded by " + Arrays.toString(pads);
      out[a] = v.plus(v.plus(in[a], pads[k], padded), pads[k + n], padded);
      if (out[a] <= 0) {
        throw v.failure("pads leave axis " + a + " empty");
      }
    }
    return out;
  }

  /** A reflection of axis {@code a} of {@code length} by {@code before} and {@code after}. */
  private static void reflection(NodeView v, int a, long length, long before, long after)
      throws ImportFailure {
    // the negative pads crop first; the reflection mirrors what is left
    long kept = length + Math.min(before, 0) + Math.min(after, 0);
    long most = Math.max(kept - 1, 0);
    long widest = Math.max(before, after);
    if (widest <= most) {
      return;
    }
    String side = before >= after ? "at its start" : "at its end";
    String cropped = kept == length ? "" : " (" + kept + " once its negative pads crop it)";
    throw v.failure(
        "mode reflect pads axis "
            + a
            + " by "
            + widest
            + " "
            + side
            + ", but axis "
            + a
            + " has "
            + length
            + " elements"
            + cropped
            + ", so a reflection adds at most "
            + most
            + " (the axis length − 1); onnxruntime refuses the node",
        kept > 1
            ? "pad axis " + a + " by at most " + most + " on each side, or use mode edge"
            : "a reflection needs at least 2 elements on the axis; use mode edge or constant");
  }

  /** A constant Pad's fill value (input 2), when given with a known shape, is one value. */
  private static void constantValue(NodeView v) throws ImportFailure {
    if (!v.has(2) || v.inputs.get(2).dims() == null) {
      return;
    }
    long[] dims = v.dims(2);
    long count = v.elements(dims, "constant_value (input 2)");
    if (count != 1) {
      throw v.failure(
          "constant_value (input 2) "
              + Arrays.toString(dims)
              + " holds "
              + count
              + " values; it is one value, the fill of mode constant",
          "give a scalar (a tensor of shape [])");
    }
  }
}
