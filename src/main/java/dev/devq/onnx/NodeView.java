package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.Arrays;
import java.util.List;

/** One node with what is known about its inputs (null for an omitted optional input). */
final class NodeView {
  final Onnx.NodeProto node;
  final List<Tensor> inputs;

  NodeView(Onnx.NodeProto node, List<Tensor> inputs) {
    this.node = node;
    this.inputs = inputs;
  }

  String op() {
    return node.getOpType();
  }

  String name() {
    return GraphOrder.describe(node);
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

  /** The values of a constant input (axes, shapes, pads, scales), as whole numbers. */
  long[] ints(int i) throws ImportFailure {
    double[] v = doubles(i);
    long[] out = new long[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k] >= 9.2e18 ? Long.MAX_VALUE : v[k] <= -9.2e18 ? Long.MIN_VALUE : (long) v[k];
    }
    return out;
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

  ImportFailure failure(String message) {
    return failure(message, "");
  }

  /** As {@link #failure(String)}, with a note on how to fix it. */
  ImportFailure failure(String message, String note) {
    return new ImportFailure(name() + ": " + message, note);
  }
}
