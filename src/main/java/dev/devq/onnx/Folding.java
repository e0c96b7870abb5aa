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
    double[] values = dims != null && dims.size() == 1 ? values(v, dims.get(0)) : null;
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < v.node.getOutputCount(); i++) {
      long[] d = dims == null || i >= dims.size() ? null : dims.get(i);
      out.add(new Tensor(d, i == 0 ? values : null, false, weight));
    }
    return out;
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
    double[] values = new double[Math.max(0, e - s)];
    for (int i = 0; i < values.length; i++) {
      values[i] = d[s + i];
    }
    return Tensor.constant(new long[] {values.length}, values);
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
          return Tensor.constant(new long[0], new double[] {a.getI()});
        }
        case "value_floats" -> {
          double[] d = new double[a.getFloatsCount()];
          for (int i = 0; i < d.length; i++) {
            d[i] = a.getFloats(i);
          }
          return Tensor.constant(new long[] {d.length}, d);
        }
        case "value_ints" -> {
          double[] d = a.getIntsList().stream().mapToDouble(Long::doubleValue).toArray();
          return Tensor.constant(new long[] {d.length}, d);
        }
        default -> {
          // sparse_value and strings are not shape arithmetic
        }
      }
    }
    throw v.failure("Constant has no value devq can read");
  }

  /** Values of the output of a small constant computation, or null when not computed. */
  private static double[] values(NodeView v, long[] outDims) throws ImportFailure {
    long n = v.elements(outDims, "the output");
    if (n > TensorData.SMALL) {
      return null;
    }
    double[] a = v.has(0) ? v.in(0).values() : null;
    switch (v.op()) {
      case "Identity", "Cast", "Reshape", "Squeeze", "Unsqueeze", "Flatten", "CastLike" -> {
        return a;
      }
      case "Concat" -> {
        List<Double> all = new ArrayList<>();
        for (Tensor t : v.inputs) {
          if (t == null || t.values() == null || t.dims().length > 1) {
            return null;
          }
          Arrays.stream(t.values()).forEach(all::add);
        }
        return all.stream().mapToDouble(Double::doubleValue).toArray();
      }
      case "Gather" -> {
        double[] idx = v.in(1).values();
        if (a == null || idx == null || v.in(0).dims().length != 1) {
          return null;
        }
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) {
          int k = (int) (idx[i] < 0 ? idx[i] + a.length : idx[i]);
          if (k < 0 || k >= a.length) {
            throw v.failure(
                "index " + (long) idx[i] + " is out of range for " + a.length + " values");
          }
          out[i] = a[k];
        }
        return out;
      }
      case "Slice" -> {
        return a == null
            ? null
            : ConstantLayouts.slice(a, v.in(0).dims(), Layouts.sliceRanges(v), outDims);
      }
      case "Transpose" -> {
        return a == null
            ? null
            : ConstantLayouts.transpose(a, v.in(0).dims(), Attrs.ints(v.node, "perm"), outDims);
      }
      case "ConstantOfShape" -> {
        double fill = 0;
        var attr = Attrs.find(v.node, "value");
        if (attr != null) {
          double[] f =
              TensorData.read(attr.getT(), Path.of("."), v.name() + " value", false).values();
          fill = f == null || f.length == 0 ? 0 : f[0];
        }
        double[] out = new double[(int) n];
        Arrays.fill(out, fill);
        return out;
      }
      case "Range" -> {
        double start = v.doubles(0)[0];
        double delta = v.doubles(2)[0];
        double[] out = new double[(int) n];
        for (int i = 0; i < n; i++) {
          out[i] = start + i * delta;
        }
        return out;
      }
      default -> {
        return Elementwise.values(v, outDims, (int) n);
      }
    }
  }

  /** Output dims of ConstantOfShape and Range, whose shapes come from their values. */
  static long[] valueShape(NodeView v) throws ImportFailure {
    if ("ConstantOfShape".equals(v.op())) {
      return v.ints(0);
    }
    double start = v.doubles(0)[0];
    double limit = v.doubles(1)[0];
    double delta = v.doubles(2)[0];
    if (delta == 0) {
      throw v.failure("Range delta 0");
    }
    return new long[] {Math.max(0, (long) Math.ceil((limit - start) / delta))};
  }
}
