package dev.devq.onnx;

import dev.devq.model.ModelLimits;
import dev.devq.onnx.proto.Onnx;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * {@code GraphProto.sparse_initializer}: initializers stored as their non-zero values and the
 * positions of those values. A converter given such a graph runs the weights dense, so devq
 * describes them by their dense shape, like any initializer; how sparse they were in the file is
 * kept for the description's header. Each is checked as a dense one is: its values against their
 * declared dims, its indices against the values and the dense shape.
 */
final class SparseInitializers {
  private SparseInitializers() {}

  /**
   * What the sparse initializers held.
   *
   * @param tensors how many carry weights
   * @param nonZero their values stored
   * @param elements their elements once dense
   * @param fp32 whether any of them is fp32
   */
  record Read(int tensors, long nonZero, long elements, boolean fp32) {
    static final Read NONE = new Read(0, 0, 0, false);
  }

  /**
   * Reads every sparse initializer into {@code tensors} under its name (the name of its values) and
   * adds the name to {@code provided}, which holds the dense initializers' names already.
   */
  static Read read(
      Onnx.GraphProto graph, Path modelDir, Map<String, Tensor> tensors, Set<String> provided)
      throws ImportFailure {
    Read read = Read.NONE;
    for (Onnx.SparseTensorProto s : graph.getSparseInitializerList()) {
      String name = s.getValues().getName();
      if (name.isEmpty()) {
        throw new ImportFailure(
            "a sparse initializer has no name", "its name is that of its values tensor");
      }
      String what = "sparse initializer '" + name + "'";
      if (!provided.add(name)) {
        throw new ImportFailure(
            what + " is given twice (as an initializer or a sparse initializer)",
            GraphNames.UNIQUE);
      }
      long[] dims = dims(s, what);
      long elements = elements(dims, what);
      Tensor values = TensorData.read(s.getValues(), modelDir, what + " (its values)", false);
      if (values.rank() != 1) {
        throw new ImportFailure(
            what + " has values of dims " + values + "; they must be one list (rank 1)");
      }
      long nonZero = values.dims()[0];
      if (nonZero > elements) {
        throw new ImportFailure(
            what
                + " holds "
                + nonZero
                + " values, more than its "
                + elements
                + " elements (dims "
                + Arrays.toString(dims).replace(" ", "")
                + ")");
      }
      double[] dense = dense(s, modelDir, what, dims, elements, values);
      int type = s.getValues().getDataType();
      boolean weight = TensorData.carriesWeights(type, elements);
      tensors.put(name, new Tensor(dims, dense, null, false, weight ? name : null));
      if (weight) {
        try {
          read =
              new Read(
                  read.tensors() + 1,
                  Math.addExact(read.nonZero(), nonZero),
                  Math.addExact(read.elements(), elements),
                  read.fp32() || type == TensorData.FLOAT);
        } catch (ArithmeticException e) {
          throw new ImportFailure("the sparse initializers hold more than 2^63 elements");
        }
      }
    }
    return read;
  }

  /**
   * The dense shape, held to the model limits: a dense initializer's size is held to the bytes it
   * carries, a sparse one's to nothing but these.
   */
  private static long[] dims(Onnx.SparseTensorProto s, String what) throws ImportFailure {
    long[] dims = TensorData.dims(s.getDimsList(), what);
    for (long d : dims) {
      if (d > ModelLimits.MAX_AXIS) {
        throw new ImportFailure(
            what
                + " has an axis of "
                + d
                + " (dims "
                + s.getDimsList()
                + "), above the limit of "
                + ModelLimits.MAX_AXIS);
      }
    }
    return dims;
  }

  /** Counted axis by axis so the limit refuses before the product could overflow. */
  private static long elements(long[] dims, String what) throws ImportFailure {
    long n = 1;
    for (long d : dims) {
      n = Math.multiplyExact(n, d); // each factor is at most 2^24 and n at most 2^40: no overflow
      if (n > ModelLimits.MAX_ELEMENTS) {
        throw new ImportFailure(
            what
                + " declares dims "
                + Arrays.toString(dims).replace(" ", "")
                + ", more than "
                + ModelLimits.MAX_ELEMENTS
                + " elements (2^40), the limit");
      }
    }
    return n;
  }

  /**
   * Checks the indices, int64 of dims [NNZ] (positions in the flattened tensor) or [NNZ, rank]
   * (coordinates), and returns the dense values of a small tensor, which shape arithmetic may need;
   * null for a large one, whose weights devq counts but never reads. Positions are checked against
   * the dense shape where they are read (a small tensor's).
   */
  private static double[] dense(
      Onnx.SparseTensorProto s,
      Path modelDir,
      String what,
      long[] dims,
      long elements,
      Tensor values)
      throws ImportFailure {
    long nonZero = values.dims()[0];
    if (!s.hasIndices()) {
      if (nonZero > 0) {
        throw new ImportFailure(
            what + " holds " + nonZero + " values but no indices (SparseTensorProto.indices)");
      }
      return elements <= TensorData.SMALL ? new double[(int) elements] : null;
    }
    if (s.getIndices().getDataType() != TensorData.INT64) {
      throw new ImportFailure(
          what
              + " has indices of data type "
              + s.getIndices().getDataType()
              + "; they must be int64 (7)");
    }
    Tensor indices = TensorData.read(s.getIndices(), modelDir, what + " (its indices)", false);
    boolean linear = indices.rank() == 1 && indices.dims()[0] == nonZero;
    boolean coordinates =
        indices.rank() == 2 && indices.dims()[0] == nonZero && indices.dims()[1] == dims.length;
    if (!linear && !coordinates) {
      throw new ImportFailure(
          what
              + " has indices of dims "
              + indices
              + " for "
              + nonZero
              + " values of a rank-"
              + dims.length
              + " tensor",
          "indices are ["
              + nonZero
              + "] positions or ["
              + nonZero
              + ", "
              + dims.length
              + "]"
              + " coordinates");
    }
    if (elements > TensorData.SMALL || values.values() == null || indices.values() == null) {
      return null;
    }
    double[] dense = new double[(int) elements];
    for (int i = 0; i < nonZero; i++) {
      long at = linear ? (long) indices.values()[i] : position(indices.values(), i, dims);
      if (at < 0 || at >= elements) {
        throw new ImportFailure(
            what + " has an index out of its dims " + Arrays.toString(dims).replace(" ", ""));
      }
      dense[(int) at] = values.values()[i];
    }
    return dense;
  }

  /** The flattened position of the {@code i}-th coordinate row, or -1 when one is out of range. */
  private static long position(double[] coordinates, int i, long[] dims) {
    long at = 0;
    for (int axis = 0; axis < dims.length; axis++) {
      long c = (long) coordinates[i * dims.length + axis];
      if (c < 0 || c >= dims[axis]) {
        return -1;
      }
      at = at * dims[axis] + c;
    }
    return at;
  }
}
