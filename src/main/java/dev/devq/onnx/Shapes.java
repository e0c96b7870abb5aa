package dev.devq.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Output shapes of ONNX operators from their input shapes and attributes, following the operator
 * specs of opsets 11 to 21 (with the batch axis). Returns null for an operator it does not know;
 * the importer then takes the shape the file declares for each output, or refuses the node.
 */
final class Shapes {
  private Shapes() {}

  static List<long[]> infer(NodeView v) throws ImportFailure {
    long[] one = shape(v);
    if (one != null) {
      return List.of(one);
    }
    return switch (v.op()) {
      case "Split" -> Layouts.split(v);
      case "TopK" -> {
        long[] d = v.dims(0).clone();
        int axis = v.axis(Attrs.i(v.node, "axis", -1), d.length);
        long[] k = v.ints(1);
        // an empty k was read past its end, an internal error
        if (k.length != 1 || k[0] < 0 || k[0] > d[axis]) {
          throw v.failure(
              "k "
                  + Arrays.toString(k)
                  + " is not one value from 0 to axis "
                  + axis
                  + "'s "
                  + d[axis]);
        }
        d[axis] = k[0];
        yield List.of(d, d);
      }
      default -> null;
    };
  }

  private static long[] shape(NodeView v) throws ImportFailure {
    return switch (v.op()) {
      case "Conv", "QLinearConv", "ConvInteger" -> Convs.conv(v);
      case "ConvTranspose" -> Convs.convTranspose(v);
      case "BatchNormalization" -> Convs.batchNorm(v);
      case "MaxPool", "AveragePool", "LpPool" -> Convs.pool(v);
      case "GlobalAveragePool", "GlobalMaxPool", "GlobalLpPool" -> global(v);
      case "Gemm" -> gemm(v);
      case "MatMul", "MatMulInteger", "QLinearMatMul" -> matmul(v);
      case "Flatten" -> flatten(v);
      case "Reshape" -> reshape(v.dims(0), v.ints(1), Attrs.i(v.node, "allowzero", 0) == 1, v);
      case "Transpose" -> transpose(v);
      case "Squeeze" -> Layouts.squeeze(v);
      case "Unsqueeze" -> Layouts.unsqueeze(v);
      case "Concat" -> Layouts.concat(v);
      case "Slice" -> Layouts.slice(v);
      case "Gather" -> Layouts.gather(v);
      case "Expand" -> broadcast(v.dims(0), toDims(v.ints(1)), v);
      case "Tile" -> Layouts.tile(v);
      case "ReduceMean",
              "ReduceSum",
              "ReduceMax",
              "ReduceMin",
              "ReduceProd",
              "ReduceL2",
              "ReduceL1",
              "ReduceLogSumExp",
              "ReduceSumSquare",
              "ArgMax",
              "ArgMin" ->
          Reductions.reduce(v);
      case "Resize" -> Reductions.resize(v);
      case "Pad" -> Paddings.pad(v);
      case "LayerNormalization" -> LayerNorms.shape(v);
      case "Einsum" -> Einsums.shape(v);
      case "Softmax", "LogSoftmax", "Hardmax" -> {
        softmaxAxis(v);
        yield v.dims(0);
      }
      case "CumSum" -> {
        cumSumAxis(v);
        yield v.dims(0);
      }
      case "DepthToSpace" -> Layouts.space(v, true);
      case "SpaceToDepth" -> Layouts.space(v, false);
      default ->
          ShapeFamilies.SAME_SHAPE.contains(v.op())
              ? v.dims(0)
              : ShapeFamilies.BROADCAST.contains(v.op()) ? broadcastAll(v) : null;
    };
  }

  /**
   * The axis a Softmax, LogSoftmax or Hardmax runs over, within its input's rank: before opset 13
   * one without an axis runs over axes 1 and after, flattened, and from 13 over the last one.
   */
  static int softmaxAxis(NodeView v) throws ImportFailure {
    return v.axis(Attrs.i(v.node, "axis", v.opset < 13 ? 1 : -1), v.dims(0).length);
  }

  /**
   * A CumSum's axis (input 1, a 0-D tensor) within its input's rank, [-rank, rank - 1] as the spec
   * requires: out of it onnxruntime refuses the node, where devq described a sum along no axis. An
   * axis computed at run time is the runtime's to check.
   */
  private static void cumSumAxis(NodeView v) throws ImportFailure {
    long[] axis = v.in(1).ints();
    if (axis == null) {
      return;
    }
    if (axis.length != 1) {
      throw v.failure(
          "axis (input 1) " + Arrays.toString(axis) + " is not one value; CumSum takes a 0-D axis");
    }
    v.axis(axis[0], v.dims(0).length);
  }

  /**
   * A global pool keeps the batch and channels and makes every spatial axis 1; an input without one
   * ([N, C]) was written as a 2-D pool that the model's rules then refused as devq's fault.
   */
  private static long[] global(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    if (in.length < 3) {
      throw v.failure("needs an input [N, C, D1, …], found " + Arrays.toString(in));
    }
    long[] out = in.clone();
    for (int i = 2; i < out.length; i++) {
      out[i] = 1;
    }
    return out;
  }

  private static long[] gemm(NodeView v) throws ImportFailure {
    long[] a = v.dims(0);
    long[] b = v.dims(1);
    if (a.length != 2 || b.length != 2) {
      throw v.failure(
          "Gemm needs two matrices, found " + Arrays.toString(a) + " and " + Arrays.toString(b));
    }
    boolean ta = Attrs.i(v.node, "transA", 0) == 1;
    boolean tb = Attrs.i(v.node, "transB", 0) == 1;
    long k1 = ta ? a[0] : a[1];
    long k2 = tb ? b[1] : b[0];
    if (k1 != k2) {
      throw v.failure("Gemm inner sizes " + k1 + " and " + k2 + " differ");
    }
    long[] out = {ta ? a[1] : a[0], tb ? b[0] : b[1]};
    // C is added to every row: a C the output does not broadcast over gave the node no shape
    if (v.has(2) && v.inputs.get(2).dims() != null) {
      long[] c = v.dims(2);
      if (c.length > 2 || !Arrays.equals(broadcast(c, out, v), out)) {
        throw v.failure(
            "the bias C (input 2) "
                + Arrays.toString(c)
                + " does not broadcast to the output "
                + Arrays.toString(out));
      }
    }
    return out;
  }

  static long[] matmul(NodeView v) throws ImportFailure {
    int second = "QLinearMatMul".equals(v.op()) ? 3 : 1;
    long[] a = v.dims(0);
    long[] b = v.dims(second);
    if (a.length == 0 || b.length == 0) {
      throw v.failure("MatMul of a scalar");
    }
    long[] a2 = a.length == 1 ? new long[] {1, a[0]} : a;
    long[] b2 = b.length == 1 ? new long[] {b[0], 1} : b;
    if (a2[a2.length - 1] != b2[b2.length - 2]) {
      throw v.failure(
          "MatMul inner sizes differ: " + Arrays.toString(a) + " × " + Arrays.toString(b));
    }
    long[] batch = broadcast(Arrays.copyOf(a2, a2.length - 2), Arrays.copyOf(b2, b2.length - 2), v);
    List<Long> out = new ArrayList<>();
    for (long d : batch) {
      out.add(d);
    }
    if (a.length > 1) {
      out.add(a2[a2.length - 2]);
    }
    if (b.length > 1) {
      out.add(b2[b2.length - 1]);
    }
    return out.stream().mapToLong(Long::longValue).toArray();
  }

  private static long[] broadcastAll(NodeView v) throws ImportFailure {
    long[] out = new long[0];
    for (int i = 0; i < v.inputs.size(); i++) {
      if (v.has(i)) {
        out = broadcast(out, v.dims(i), v);
      }
    }
    return out;
  }

  /** NumPy broadcasting: axes aligned from the end; sizes equal, or one of them 1. */
  static long[] broadcast(long[] a, long[] b, NodeView v) throws ImportFailure {
    int n = Math.max(a.length, b.length);
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      long x = i < n - a.length ? 1 : a[i - (n - a.length)];
      long y = i < n - b.length ? 1 : b[i - (n - b.length)];
      if (x != y && x != 1 && y != 1) {
        throw v.failure(
            "shapes " + Arrays.toString(a) + " and " + Arrays.toString(b) + " do not broadcast");
      }
      out[i] = x == 1 ? y : x;
    }
    return out;
  }

  private static long[] flatten(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    long axis = Attrs.i(v.node, "axis", 1);
    // compared as a long: cast to an int first, an axis of 2^62 was read as axis 0
    long at = axis < 0 ? axis + in.length : axis;
    if (at < 0 || at > in.length) {
      throw v.failure("axis " + axis + " is out of range for rank " + in.length);
    }
    int a = (int) at;
    long left = 1;
    long right = 1;
    for (int i = 0; i < in.length; i++) {
      if (i < a) {
        left = v.times(left, in[i], "the row count of the flattened " + Arrays.toString(in));
      } else {
        right = v.times(right, in[i], "the column count of the flattened " + Arrays.toString(in));
      }
    }
    return new long[] {left, right};
  }

  static long[] reshape(long[] in, long[] target, boolean allowZero, NodeView v)
      throws ImportFailure {
    long[] out = new long[target.length];
    int unknown = -1;
    long known = 1;
    for (int i = 0; i < target.length; i++) {
      long t = target[i];
      if (t == 0 && !allowZero) {
        if (i >= in.length) {
          throw v.failure("shape entry 0 at axis " + i + " copies an axis the input lacks");
        }
        t = in[i];
      }
      if (t == -1) {
        if (unknown >= 0) {
          throw v.failure("the target shape has more than one -1");
        }
        unknown = i;
        continue;
      }
      if (t < 0) {
        throw v.failure("the target shape has a negative size " + t);
      }
      out[i] = t;
      known = v.times(known, t, "the element count of the target shape " + Arrays.toString(target));
    }
    long total = v.elements(in, "the input shape");
    if (unknown >= 0) {
      if (known == 0 || total % known != 0) {
        throw v.failure(
            "cannot reshape " + Arrays.toString(in) + " into " + Arrays.toString(target));
      }
      out[unknown] = total / known;
    } else if (known != total) {
      throw v.failure(
          "cannot reshape "
              + Arrays.toString(in)
              + " ("
              + total
              + " elements) into "
              + Arrays.toString(out));
    }
    return out;
  }

  private static long[] transpose(NodeView v) throws ImportFailure {
    long[] in = v.dims(0);
    long[] perm = Attrs.ints(v.node, "perm");
    long[] out = new long[in.length];
    boolean[] taken = new boolean[in.length];
    for (int i = 0; i < in.length; i++) {
      // an empty perm was read past its end, and an entry of 2^32 + 1 cast to an int was axis 1
      long axis = perm == null ? in.length - 1 - i : i < perm.length ? perm[i] : -1;
      if (perm != null && (perm.length != in.length || axis < 0 || axis >= in.length)) {
        throw v.failure("perm " + Arrays.toString(perm) + " does not fit rank " + in.length);
      }
      int from = (int) axis;
      // a perm naming an axis twice drops another axis: the shape would be made up
      if (taken[from]) {
        throw v.failure(
            "perm "
                + Arrays.toString(perm)
                + " names axis "
                + from
                + " twice; it is a permutation");
      }
      taken[from] = true;
      out[i] = in[from];
    }
    return out;
  }

  /** Axes from the attribute (opsets before 13) or the second input (13 and later). */
  static long[] axes(NodeView v, int input) throws ImportFailure {
    long[] attr = Attrs.ints(v.node, "axes");
    if (attr != null) {
      return attr;
    }
    return v.has(input) ? v.ints(input) : null;
  }

  static long[] toDims(long[] values) {
    return values.clone();
  }

  /**
   * The element count of {@code dims}; past 2^63 it throws {@link ArithmeticException}. A shape
   * from the file goes through {@link NodeView#elements} (or {@link TensorData#elements}), which
   * turns that into a failure naming the node and the shape.
   */
  static long elements(long[] dims) {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d);
    }
    return n;
  }
}
