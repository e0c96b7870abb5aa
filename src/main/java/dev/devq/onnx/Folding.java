package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Evaluates nodes whose inputs are all constants, as a converter's constant folding does: the Shape
 * → Gather → Unsqueeze → Concat chains PyTorch emits for every reshape, the ConstantOfShape →
 * Concat → Reshape → Slice → Transpose chains it emits for the pads of every {@code F.pad},
 * Constant nodes, and weights passed through Identity, Transpose or DequantizeLinear. Values are
 * computed for small tensors; larger ones keep only their shape and the initializer they carry.
 * None of these become layers.
 */
final class Folding {
  private Folding() {}

  static List<Tensor> fold(NodeView v, Path modelDir) throws ImportFailure {
    String op = v.op();
    if ("Constant".equals(op)) {
      return List.of(constant(v, modelDir));
    }
    if ("Shape".equals(op)) {
      return List.of(shapeOf(v));
    }
    String weight = null;
    for (Tensor t : v.inputs) {
      if (t != null && t.weight() != null && weight == null) {
        weight = t.weight();
      }
    }
    List<long[]> dims =
        "ConstantOfShape".equals(op) || "Range".equals(op)
            ? List.of(valueShape(v))
            : knownShapes(v) ? Shapes.infer(v) : null;
    sizesAtLeastZero(v, dims);
    Folded values = dims != null && dims.size() == 1 ? values(v, dims.get(0)) : Folded.NONE;
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < v.node.getOutputCount(); i++) {
      long[] d = dims == null || i >= dims.size() ? null : dims.get(i);
      out.add(
          i == 0
              ? new Tensor(d, values.values(), values.ints(), false, weight)
              : new Tensor(d, null, null, false, weight));
    }
    return out;
  }

  /**
   * The values of a folded output: as doubles, and exactly as well for an integer type (null when
   * not computed); when {@code ints} is known, {@code values} are its doubles.
   */
  private record Folded(double[] values, long[] ints) {
    static final Folded NONE = new Folded(null, null);

    static Folded of(double[] values) {
      return new Folded(values, null);
    }

    static Folded exactly(long[] ints) {
      return new Folded(Tensor.doubles(ints), ints);
    }

    /** {@code ints} where known, else {@code values}. */
    static Folded either(long[] ints, double[] values) {
      return ints != null ? exactly(ints) : of(values);
    }
  }

  /**
   * A constant's sizes come from the file's values (a ConstantOfShape's shape, a Tile's repeats),
   * which may be negative: such a shape sized an array of a negative length, an internal error.
   */
  private static void sizesAtLeastZero(NodeView v, List<long[]> shapes) throws ImportFailure {
    for (long[] shape : shapes == null ? List.<long[]>of() : shapes) {
      for (int axis = 0; axis < shape.length; axis++) {
        if (shape[axis] < 0) {
          throw v.failure(
              "the output "
                  + Arrays.toString(shape)
                  + " has the negative size "
                  + shape[axis]
                  + " on axis "
                  + axis);
        }
      }
    }
  }

  private static boolean knownShapes(NodeView v) {
    for (Tensor t : v.inputs) {
      if (t != null && t.dims() == null) {
        return false;
      }
    }
    return true;
  }

  private static Tensor shapeOf(NodeView v) throws ImportFailure {
    long[] d = v.dims(0);
    long start = Attrs.i(v.node, "start", 0);
    long end = Attrs.i(v.node, "end", d.length);
    int s = (int) Math.max(0, Math.min(d.length, start < 0 ? start + d.length : start));
    int e = (int) Math.max(0, Math.min(d.length, end < 0 ? end + d.length : end));
    long[] values = Arrays.copyOfRange(d, s, Math.max(s, e));
    return Tensor.integers(new long[] {values.length}, values);
  }

  private static Tensor constant(NodeView v, Path modelDir) throws ImportFailure {
    for (Onnx.AttributeProto a : v.node.getAttributeList()) {
      switch (a.getName()) {
        case "value" -> {
          return TensorData.read(a.getT(), modelDir, v.name() + " value", false);
        }
        case "value_float" -> {
          return Tensor.constant(new long[0], new double[] {a.getF()});
        }
        case "value_int" -> {
          return Tensor.integers(new long[0], new long[] {a.getI()});
        }
        case "value_floats" -> {
          double[] d = new double[a.getFloatsCount()];
          for (int i = 0; i < d.length; i++) {
            d[i] = a.getFloats(i);
          }
          return Tensor.constant(new long[] {d.length}, d);
        }
        case "value_ints" -> {
          long[] d = a.getIntsList().stream().mapToLong(Long::longValue).toArray();
          return Tensor.integers(new long[] {d.length}, d);
        }
        default -> {
          // sparse_value and strings are not shape arithmetic
        }
      }
    }
    throw v.failure("Constant has no value devq can read");
  }

  /** Values of the output of a small constant computation, or NONE when not computed. */
  private static Folded values(NodeView v, long[] outDims) throws ImportFailure {
    long n = v.elements(outDims, "the output");
    if (n > TensorData.SMALL) {
      return Folded.NONE;
    }
    double[] a = v.has(0) ? v.in(0).values() : null;
    long[] exact = v.has(0) ? v.in(0).ints() : null;
    switch (v.op()) {
      case "Identity", "Reshape", "Squeeze", "Unsqueeze", "Flatten", "CastLike" -> {
        return Folded.either(exact, a);
      }
      case "Cast" -> {
        return cast(v, exact, a);
      }
      case "Concat" -> {
        return concat(v);
      }
      case "Gather" -> {
        return gather(v, exact, a);
      }
      case "Slice", "Transpose" -> {
        if (a == null) {
          return Folded.NONE;
        }
        long[] inDims = v.in(0).dims();
        int[] at =
            "Slice".equals(v.op())
                ? ConstantLayouts.slice(inDims, Layouts.sliceRanges(v), outDims)
                : ConstantLayouts.transpose(inDims, Attrs.ints(v.node, "perm"), outDims);
        return exact != null
            ? Folded.exactly(ConstantLayouts.at(exact, at))
            : Folded.of(ConstantLayouts.at(a, at));
      }
      case "ConstantOfShape" -> {
        return filled(v, (int) n);
      }
      case "Range" -> {
        return range(v, (int) n);
      }
      default -> {
        long[] ints = Elementwise.ints(v, (int) n);
        return ints != null ? Folded.exactly(ints) : Folded.of(Elementwise.values(v, (int) n));
      }
    }
  }

  /**
   * A Cast to an integer type truncates toward zero and wraps to the type's width, as a runtime
   * does (400 as uint8 is 144); to float32 the values are rounded to it (16777217 is 16777216); to
   * float16 and bfloat16 they stay doubles. A value a long does not hold (NaN, past 2^63), and one
   * cast to a float8 type, is left unread. {@link CastTypes} has checked {@code to}.
   */
  private static Folded cast(NodeView v, long[] exact, double[] a) {
    int to = (int) Attrs.i(v.node, "to", TensorData.FLOAT);
    if (a == null || to >= CastTypes.FLOAT8_FIRST && to <= CastTypes.FLOAT8_LAST) {
      return Folded.NONE;
    }
    if (to == TensorData.FLOAT) {
      double[] out = new double[a.length];
      for (int i = 0; i < a.length; i++) {
        out[i] = (float) a[i];
      }
      return Folded.of(out);
    }
    if (TensorData.isFloat(to)) {
      return Folded.of(a);
    }
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      if (exact == null && !(Math.abs(a[i]) < 0x1p63)) {
        return Folded.NONE;
      }
      out[i] = narrowed(exact != null ? exact[i] : (long) a[i], to);
    }
    return Folded.exactly(out);
  }

  /** {@code value} as an integer of ONNX type {@code to} holds it (two's complement wrapping). */
  private static long narrowed(long value, int to) {
    return switch (to) {
      case TensorData.BOOL -> value != 0 ? 1 : 0;
      case TensorData.INT8 -> (byte) value;
      case TensorData.UINT8 -> value & 0xFF;
      case TensorData.INT16 -> (short) value;
      case TensorData.UINT16 -> value & 0xFFFF;
      case TensorData.INT32 -> (int) value;
      case TensorData.UINT32 -> value & 0xFFFF_FFFFL;
      case CastTypes.UINT4 -> value & 0xF;
      case CastTypes.INT4 -> (value << 60) >> 60;
      default -> value;
    };
  }

  /** Concatenated rank-1 constants, exact when every one is. */
  private static Folded concat(NodeView v) {
    List<double[]> parts = new ArrayList<>();
    List<long[]> exact = new ArrayList<>();
    for (Tensor t : v.inputs) {
      if (t == null || t.values() == null || t.dims().length > 1) {
        return Folded.NONE;
      }
      parts.add(t.values());
      exact.add(t.ints());
    }
    if (!exact.contains(null)) {
      return Folded.exactly(exact.stream().flatMapToLong(Arrays::stream).toArray());
    }
    return Folded.of(parts.stream().flatMapToDouble(Arrays::stream).toArray());
  }

  /** A rank-1 constant gathered at constant indexes, each checked against its length. */
  private static Folded gather(NodeView v, long[] exact, double[] a) throws ImportFailure {
    if (a == null || v.in(1).values() == null || v.in(0).dims().length != 1) {
      return Folded.NONE;
    }
    long[] idx = v.ints(1);
    int[] at = new int[idx.length];
    for (int i = 0; i < idx.length; i++) {
      long k = idx[i] < 0 ? idx[i] + a.length : idx[i];
      if (k < 0 || k >= a.length) {
        throw v.failure("index " + idx[i] + " is out of range for " + a.length + " values");
      }
      at[i] = (int) k;
    }
    return exact != null
        ? Folded.exactly(ConstantLayouts.at(exact, at))
        : Folded.of(ConstantLayouts.at(a, at));
  }

  /** A ConstantOfShape's output: its value attribute (a float 0 when absent) repeated. */
  private static Folded filled(NodeView v, int n) throws ImportFailure {
    var attr = Attrs.find(v.node, "value");
    Tensor fill =
        attr == null
            ? Tensor.constant(new long[0], new double[] {0})
            : TensorData.read(attr.getT(), Path.of("."), v.name() + " value", false);
    if (fill.ints() != null && fill.ints().length > 0) {
      long[] out = new long[n];
      Arrays.fill(out, fill.ints()[0]);
      return Folded.exactly(out);
    }
    double[] f = fill.values();
    double[] out = new double[n];
    Arrays.fill(out, f == null || f.length == 0 ? 0 : f[0]);
    return Folded.of(out);
  }

  /** A Range's values: exact when its start and step are integers. */
  private static Folded range(NodeView v, int n) throws ImportFailure {
    if (v.in(0).ints() != null && v.in(2).ints() != null) {
      long start = v.ints(0)[0];
      long delta = v.ints(2)[0];
      long[] out = new long[n];
      for (int i = 0; i < n; i++) {
        out[i] = v.plus(start, v.times(i, delta, "a Range value"), "a Range value");
      }
      return Folded.exactly(out);
    }
    double start = v.scalar(0);
    double delta = v.scalar(2);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = start + i * delta;
    }
    return Folded.of(out);
  }

  /** Output dims of ConstantOfShape and Range, whose shapes come from their values. */
  static long[] valueShape(NodeView v) throws ImportFailure {
    if ("ConstantOfShape".equals(v.op())) {
      return v.ints(0);
    }
    double start = v.scalar(0);
    double limit = v.scalar(1);
    double step = v.scalar(2);
    if (v.in(0).ints() != null && v.in(1).ints() != null && v.in(2).ints() != null) {
      long delta = v.ints(2)[0];
      if (delta == 0) {
        throw v.failure("Range delta 0");
      }
      long span = v.minus(v.ints(1)[0], v.ints(0)[0], "Range's limit − start");
      // the count of steps, rounded up, without the overflow of span + delta − 1
      long n =
          delta > 0
              ? (span > 0 ? (span - 1) / delta + 1 : 0)
              : span < 0 ? (span + 1) / delta + 1 : 0;
      return new long[] {n};
    }
    if (!Double.isFinite(start) || !Double.isFinite(limit) || !Double.isFinite(step)) {
      throw v.failure(
          "Range start "
              + NodeView.shown(start)
              + ", limit "
              + NodeView.shown(limit)
              + ", delta "
              + NodeView.shown(step)
              + ": each must be finite");
    }
    if (step == 0) {
      throw v.failure("Range delta 0");
    }
    return new long[] {Math.max(0, (long) Math.ceil((limit - start) / step))};
  }
}
