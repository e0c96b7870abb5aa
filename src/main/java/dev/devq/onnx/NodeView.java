package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.Arrays;
import java.util.List;

/** One node with what is known about its inputs (null for an omitted optional input). */
final class NodeView {
  final Onnx.NodeProto node;
  final List<Tensor> inputs;

  /**
   * The default-domain opset the model imports: where an op's inputs and attributes changed between
   * versions (Split's sizes, Squeeze's axes, Softmax's default axis), it says which apply.
   */
  final long opset;

  private final NodeLabels labels;

  NodeView(Onnx.NodeProto node, List<Tensor> inputs, NodeLabels labels, long opset) {
    this.node = node;
    this.inputs = inputs;
    this.labels = labels;
    this.opset = opset;
  }

  /** The same node read with {@code others} as its inputs (a fold that merges constants in). */
  NodeView with(List<Tensor> others) {
    return new NodeView(node, others, labels, opset);
  }

  String op() {
    return node.getOpType();
  }

  String name() {
    return labels.of(node);
  }

  boolean has(int i) {
    return i < inputs.size() && inputs.get(i) != null;
  }

  Tensor in(int i) throws ImportFailure {
    if (!has(i)) {
      throw failure("input " + i + " is missing");
    }
    return inputs.get(i);
  }

  long[] dims(int i) throws ImportFailure {
    Tensor t = in(i);
    if (t.dims() == null) {
      throw failure("the shape of input " + i + " ('" + node.getInput(i) + "') is not known");
    }
    return t.dims();
  }

  /** Whole numbers a double holds exactly: every one from -2^53 to 2^53. */
  static final double EXACT = 0x1p53;

  /**
   * The values of a constant input (axes, shapes, pads, indexes), as whole numbers: exact for a
   * tensor of an integer type. One held only as doubles (a float constant, arithmetic on one) must
   * hold whole numbers within ±2^53: past that a double stands for several whole numbers, and the
   * shape read would be a neighbour of the one written; a NaN was read as 0.
   */
  long[] ints(int i) throws ImportFailure {
    Tensor t = in(i);
    if (t.ints() != null) {
      return t.ints().clone();
    }
    double[] v = doubles(i);
    long[] out = new long[v.length];
    for (int k = 0; k < v.length; k++) {
      if (v[k] != Math.rint(v[k]) || Math.abs(v[k]) > EXACT) {
        throw failure(
            "input "
                + i
                + " ('"
                + node.getInput(i)
                + "') holds "
                + shown(v[k])
                + " where a whole number is needed"
                + (Double.isFinite(v[k]) && v[k] == Math.rint(v[k])
                    ? ", past 2^53, which a floating-point value does not hold exactly"
                    : ""),
            "shapes, axes and indexes are int64 tensors in ONNX");
      }
      out[k] = (long) v[k];
    }
    return out;
  }

  /**
   * The one value of a constant input (a Clip bound, a Range start): an empty tensor was read past
   * its end, an internal error.
   */
  double scalar(int i) throws ImportFailure {
    double[] v = doubles(i);
    if (v.length != 1) {
      throw failure(
          "input " + i + " ('" + node.getInput(i) + "') holds " + v.length + " values; it is one");
    }
    return v[0];
  }

  /** A value as a message shows it: a NaN or an infinity in words, never as a figure. */
  static String shown(double value) {
    if (Double.isNaN(value)) {
      return "a value that is not a number";
    }
    return Double.isInfinite(value) ? "an infinite value" : String.valueOf(value);
  }

  /** Values as a message shows them ({@link #shown(double)}). */
  static String shown(double[] values) {
    return Arrays.stream(values).mapToObj(NodeView::shown).toList().toString();
  }

  double[] doubles(int i) throws ImportFailure {
    Tensor t = in(i);
    if (t.values() == null) {
      throw failure(
          "input "
              + i
              + " ('"
              + node.getInput(i)
              + "') must be a constant devq can read"
              + (t.activation() ? ", but it is computed at run time" : ""));
    }
    return t.values();
  }

  /** An axis attribute or value normalized against {@code rank}. */
  int axis(long axis, int rank) throws ImportFailure {
    long a = axis < 0 ? axis + rank : axis;
    if (a < 0 || a >= rank) {
      throw failure("axis " + axis + " is out of range for rank " + rank);
    }
    return (int) a;
  }

  /**
   * Axes normalized against {@code rank}, each named once: ONNX requires the axes of a Slice, a Pad
   * or a Resize to be unique, and reading them one after another let the last entry for an axis
   * silently win. {@code what} names the list in messages ({@code "axes"}, input or attribute).
   */
  int[] distinctAxes(long[] axes, int rank, String what) throws ImportFailure {
    int[] out = new int[axes.length];
    int[] first = new int[rank];
    Arrays.fill(first, -1);
    for (int k = 0; k < axes.length; k++) {
      out[k] = axis(axes[k], rank);
      if (first[out[k]] >= 0) {
        throw failure(
            what
                + " "
                + Arrays.toString(axes)
                + " name axis "
                + out[k]
                + " twice, at entries "
                + first[out[k]]
                + " and "
                + k
                + "; ONNX requires each axis once",
            "each entry of " + what + " names a different axis");
      }
      first[out[k]] = k;
    }
    return out;
  }

  /**
   * The element count of {@code dims}, a shape this node reads or writes that {@code what} names
   * ({@code "the target shape"}): a count past 2^63 is refused naming the node and the shape,
   * rather than wrapped or reported as some other tensor's.
   */
  long elements(long[] dims, String what) throws ImportFailure {
    try {
      return Shapes.elements(dims);
    } catch (ArithmeticException overflow) {
      throw failure(what + " " + Arrays.toString(dims) + " has more elements than 2^63");
    }
  }

  /** {@code a × b}, a size or count of this node that {@code what} names; refused past 2^63. */
  long times(long a, long b, String what) throws ImportFailure {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException overflow) {
      throw failure(what + " overflows 64 bits (" + a + " × " + b + ")");
    }
  }

  /** {@code a + b}, a size of this node that {@code what} names; refused past 2^63. */
  long plus(long a, long b, String what) throws ImportFailure {
    try {
      return Math.addExact(a, b);
    } catch (ArithmeticException overflow) {
      throw failure(what + " overflows 64 bits (" + a + " + " + b + ")");
    }
  }

  /** {@code a − b}, a size of this node that {@code what} names; refused past 2^63. */
  long minus(long a, long b, String what) throws ImportFailure {
    try {
      return Math.subtractExact(a, b);
    } catch (ArithmeticException overflow) {
      throw failure(what + " overflows 64 bits (" + a + " − " + b + ")");
    }
  }

  ImportFailure failure(String message) {
    return failure(message, "");
  }

  /** As {@link #failure(String)}, with a note on how to fix it. */
  ImportFailure failure(String message, String note) {
    return new ImportFailure(name() + ": " + message, note);
  }
}
