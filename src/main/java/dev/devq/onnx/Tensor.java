package dev.devq.onnx;

import java.util.Arrays;

/**
 * What the importer knows about one tensor of the graph: its shape with the batch axis, and for
 * constants their values when small, and the initializer whose learned values they carry.
 *
 * @param dims the full ONNX shape; null when a constant's shape is not known
 * @param values the elements of a small constant (shape arithmetic, axes, scales), else null
 * @param ints the same elements held exactly, for a constant of an integer type (int64, int32,
 *     int8, uint8, bool), else null: a double holds every whole number only up to 2^53, and a
 *     shape, an index or a slice end past it read as a double came out as a neighbouring number
 * @param activation true when computed from the graph inputs at run time
 * @param weight the float initializer a constant derives from (learned values), else null
 */
record Tensor(long[] dims, double[] values, long[] ints, boolean activation, String weight) {
  static Tensor activation(long[] dims) {
    return new Tensor(dims, null, null, true, null);
  }

  static Tensor constant(long[] dims, double[] values) {
    return new Tensor(dims, values, null, false, null);
  }

  /** A constant of an integer type holding {@code ints}, its values also read as doubles. */
  static Tensor integers(long[] dims, long[] ints) {
    return new Tensor(dims, doubles(ints), ints, false, null);
  }

  /** {@code ints} as doubles, for the arithmetic that reads any constant as doubles. */
  static double[] doubles(long[] ints) {
    if (ints == null) {
      return null;
    }
    double[] out = new double[ints.length];
    for (int i = 0; i < ints.length; i++) {
      out[i] = ints[i];
    }
    return out;
  }

  /**
   * The element count of an initializer, whose dims were held below 2^63 when it was read ({@link
   * TensorData#elements}, {@link SparseInitializers}).
   */
  long elements() {
    return Shapes.elements(dims);
  }

  int rank() {
    return dims.length;
  }

  /** Axis {@code i}, counting from the end when negative. */
  long dim(int i) {
    return dims[i < 0 ? dims.length + i : i];
  }

  @Override
  public String toString() {
    return Arrays.toString(dims).replace(" ", "");
  }
}
