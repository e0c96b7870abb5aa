package dev.devq.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Output shapes of the operators that rearrange data: squeeze, concat, slice, gather, split, …. */
final class Layouts {
  private Layouts() {}

  static long[] squeeze(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    long[] axes = Shapes.axes(v, 1);
    boolean[] drop = new boolean[in.length];
    if (axes == null) {
      for (int i = 0; i < in.length; i++) {
        drop[i] = in[i] == 1;
      }
    } else {
      for (long a : axes) {
        int k = v.axis(a, in.length);
        if (in[k] != 1) {
          throw v.failure("cannot squeeze axis " + a + " of size " + in[k]);
        }
        drop[k] = true;
      }
    }
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < in.length; i++) {
      if (!drop[i]) {
        out.add(in[i]);
      }
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  static long[] unsqueeze(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    long[] axes = Shapes.axes(v, 1);
    if (axes == null) {
      throw v.failure("Unsqueeze needs axes");
    }
    int rank = in.length + axes.length;
    boolean[] added = new boolean[rank];
    // an axis named twice left the output fewer axes than the rank counted
    for (int at : v.distinctAxes(axes, rank, "axes")) {
      added[at] = true;
    }
    long[] out = new long[rank];
    for (int i = 0, k = 0; i < rank; i++) {
      out[i] = added[i] ? 1 : in[k++];
    }
    return out;
  }

  static long[] concat(NodeView v) throws ImportFailure {
    long[] first = v.dims(0);
    int axis = v.axis(Attrs.i(v.node, "axis", 0), first.length);
    long[] out = first.clone();
    for (int i = 1; i < v.inputs.size(); i++) {
      long[] d = v.dims(i);
      for (int k = 0; k < first.length; k++) {
        if (d.length != first.length || k != axis && d[k] != first[k]) {
          throw v.failure(
              "cannot concatenate "
                  + Arrays.toString(first)
                  + " and "
                  + Arrays.toString(d)
                  + " on axis "
                  + axis);
        }
      }
      out[axis] = v.plus(out[axis], d[axis], "the concatenated axis " + axis);
    }
    return out;
  }

  static long[] slice(NodeView v) throws ImportFailure {
    long[] out = v.dims(0).clone();
    long[][] ranges = sliceRanges(v);
    for (int a = 0; a < out.length; a++) {
      out[a] = ranges[a][2];
    }
    return out;
  }

  /**
   * What a Slice takes of each axis of its input: {@code {first index, step, count}}, the whole
   * axis where it names none. Starts and ends count from the end when negative and are clamped to
   * the axis, as the ONNX spec says (a negative step walks down from the last index).
   */
  static long[][] sliceRanges(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    long[][] ranges = new long[in.length][];
    for (int a = 0; a < in.length; a++) {
      ranges[a] = new long[] {0, 1, in[a]};
    }
    long[] starts = v.ints(1);
    long[] ends = v.ints(2);
    long[] axes = v.has(3) ? v.ints(3) : null;
    long[] steps = v.has(4) ? v.ints(4) : null;
    if (ends.length != starts.length
        || axes != null && axes.length != starts.length
        || steps != null && steps.length != starts.length) {
      throw v.failure("Slice starts, ends, axes and steps need one value per sliced axis each");
    }
    int[] sliced = axes == null ? null : v.distinctAxes(axes, in.length, "axes (input 3)");
    for (int k = 0; k < starts.length; k++) {
      int a = sliced == null ? v.axis(k, in.length) : sliced[k];
      long step = steps == null ? 1 : steps[k];
      if (step == 0) {
        throw v.failure("slice step 0");
      }
      long size = in[a];
      long s =
          clamp(
              starts[k] < 0 ? starts[k] + size : starts[k],
              step > 0 ? 0 : -1,
              step > 0 ? size : size - 1);
      long e =
          clamp(
              ends[k] < 0 && ends[k] != Long.MIN_VALUE ? ends[k] + size : ends[k],
              step > 0 ? 0 : -1,
              step > 0 ? size : size - 1);
      // the distance over the step, rounded up; e - s + step - 1 wrapped for a step near 2^63
      long n =
          step > 0 ? (e > s ? (e - s - 1) / step + 1 : 0) : (s > e ? (s - e - 1) / -step + 1 : 0);
      ranges[a] = new long[] {s, step, n};
    }
    return ranges;
  }

  static long clamp(long x, long lo, long hi) {
    return Math.max(lo, Math.min(hi, x));
  }

  static long[] gather(NodeView v) throws ImportFailure {
    long[] data = v.dims(0);
    long[] idx = v.dims(1);
    int axis = v.axis(Attrs.i(v.node, "axis", 0), data.length);
    indexes(v, data[axis]);
    long[] out = new long[data.length - 1 + idx.length];
    int k = 0;
    for (int i = 0; i < axis; i++) {
      out[k++] = data[i];
    }
    for (long d : idx) {
      out[k++] = d;
    }
    for (int i = axis + 1; i < data.length; i++) {
      out[k++] = data[i];
    }
    return out;
  }

  /**
   * Constant indexes of a Gather, each within the gathered axis of {@code size} (negative ones
   * count from its end): a runtime refuses any other, and the import wrote the layer as if it
   * fitted.
   */
  private static void indexes(NodeView v, long size) throws ImportFailure {
    if (v.in(1).values() == null) {
      return;
    }
    for (long i : v.ints(1)) {
      if (i < -size || i >= size) {
        throw v.failure(
            "index " + i + " is out of range for an axis of size " + size,
            "an index is from -" + size + " to " + (size - 1));
      }
    }
  }

  static long[] tile(NodeView v) throws ImportFailure {
    long[] in = v.dims(0).clone();
    long[] reps = v.ints(1);
    if (reps.length != in.length) {
      throw v.failure("Tile repeats " + Arrays.toString(reps) + " do not fit rank " + in.length);
    }
    for (int i = 0; i < in.length; i++) {
      in[i] = v.times(in[i], reps[i], "axis " + i + " tiled " + reps[i] + " times");
    }
    return in;
  }

  /**
   * DepthToSpace ({@code toSpace}) moves blocksize² channels into each block of blocksize ×
   * blocksize pixels; SpaceToDepth moves them back. A block size is a long attribute, and one near
   * 2^32 made blocksize² wrap to 0 (a division by zero) or to a wrong divisor: every product here
   * is exact and a size past 2^63 is refused naming the node.
   */
  static long[] space(NodeView v, boolean toSpace) throws ImportFailure {
    long[] in = v.dims(0);
    long b = Attrs.i(v.node, "blocksize", 1);
    if (in.length != 4) {
      throw v.failure("needs an input [N, C, H, W], found " + Arrays.toString(in));
    }
    if (b < 1) {
      throw v.failure("blocksize " + b + ": a block size is a whole number from 1");
    }
    if (toSpace) {
      long area = v.times(b, b, "blocksize² of blocksize " + b);
      if (in[1] % area != 0) {
        throw v.failure(
            "the input's "
                + in[1]
                + " channels do not split into blocks of blocksize² = "
                + area
                + " (blocksize "
                + b
                + "), found "
                + Arrays.toString(in));
      }
      return new long[] {
        in[0],
        in[1] / area,
        v.times(in[2], b, "the output height, H × blocksize,"),
        v.times(in[3], b, "the output width, W × blocksize,")
      };
    }
    // the height and width were divided down, and a block that does not fit was dropped unseen
    if (in[2] % b != 0 || in[3] % b != 0) {
      throw v.failure(
          "needs [N, C, H, W] with H and W divisible by blocksize "
              + b
              + ", found "
              + Arrays.toString(in));
    }
    String channels = "the output channels, C × blocksize²,";
    return new long[] {
      in[0], v.times(v.times(in[1], b, channels), b, channels), in[2] / b, in[3] / b
    };
  }

  /**
   * A Split's outputs: the sizes given (attribute before opset 13, input from 13), or equal parts.
   * Before opset 18 equal parts must divide the axis; from 18 the count is {@code num_outputs}, one
   * per output, and the last part is the smaller. Each size is at least 0 and their sum, added
   * exactly, covers the axis: a sum that wrapped past 2^63 matched the axis and passed sizes of
   * 2^62.
   */
  static List<long[]> split(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    int axis = v.axis(Attrs.i(v.node, "axis", 0), in.length);
    int n = v.node.getOutputCount();
    long[] sizes = Attrs.ints(v.node, "split");
    if (sizes == null && v.has(1)) {
      sizes = v.ints(1);
    }
    if (sizes == null) {
      sizes = equalParts(v, in[axis], axis, n);
    } else if (Attrs.find(v.node, "num_outputs") != null) {
      throw v.failure("gives both the sizes (input 1) and num_outputs; ONNX takes one of them");
    }
    if (sizes.length != n) {
      throw v.failure(
          "split sizes " + Arrays.toString(sizes) + " are not one per output (" + n + ")");
    }
    long sum = 0;
    for (long s : sizes) {
      if (s < 0) {
        throw v.failure("split sizes " + Arrays.toString(sizes) + " hold the negative size " + s);
      }
      sum = v.plus(sum, s, "the sum of the split sizes " + Arrays.toString(sizes));
    }
    if (sum != in[axis]) {
      throw v.failure(
          "split sizes "
              + Arrays.toString(sizes)
              + " add up to "
              + sum
              + ", not axis "
              + axis
              + "'s "
              + in[axis]);
    }
    List<long[]> out = new ArrayList<>();
    for (long s : sizes) {
      long[] d = in.clone();
      d[axis] = s;
      out.add(d);
    }
    return out;
  }

  /**
   * The sizes of a Split into {@code n} equal parts of an axis of {@code size}: before opset 18 the
   * parts must be equal (ONNX refuses an axis they do not divide, where devq made the last one
   * smaller); from 18 {@code num_outputs} must say how many, and the last part may be smaller.
   */
  private static long[] equalParts(NodeView v, long size, int axis, int n) throws ImportFailure {
    if (v.opset >= 18) {
      var count = Attrs.find(v.node, "num_outputs");
      if (count == null) {
        throw v.failure(
            "gives neither the sizes (input 1) nor num_outputs; from opset 18 a Split needs one",
            "add num_outputs = " + n + ", the number of outputs it writes");
      }
      if (count.getI() != n) {
        throw v.failure(
            "num_outputs is " + count.getI() + ", but the node writes " + n + " outputs");
      }
    } else if (size % n != 0) {
      throw v.failure(
          "axis "
              + axis
              + "'s "
              + size
              + " does not split into "
              + n
              + " equal parts; before opset 18 a Split without sizes needs equal ones",
          "give the sizes (input 'split' from opset 13, the attribute before)");
    }
    long[] sizes = new long[n];
    long each = size / n + (size % n == 0 ? 0 : 1);
    long left = size;
    for (int i = 0; i < n; i++) {
      sizes[i] = Math.min(each, left);
      left -= sizes[i];
    }
    return sizes;
  }
}
