package dev.devq.onnx;

/**
 * The values of small constants that Slice and Transpose rearrange, of any rank: PyTorch writes the
 * pads of every {@code F.pad} as such a chain (the pads reshaped to pairs, the pairs reversed by a
 * Slice of step -1, transposed and flattened), which must fold for the Pad to be read.
 */
final class ConstantLayouts {
  private ConstantLayouts() {}

  /**
   * Where a slice of a tensor shaped {@code inDims} reads each output element: output index {@code
   * o} on axis {@code a} reads input index {@code first + o × step} ({@link Layouts#sliceRanges}).
   */
  static int[] slice(long[] inDims, long[][] ranges, long[] outDims) {
    long[] strides = strides(inDims);
    long[] offsets = new long[inDims.length];
    long[] steps = new long[inDims.length];
    for (int a = 0; a < inDims.length; a++) {
      offsets[a] = ranges[a][0] * strides[a];
      steps[a] = ranges[a][1] * strides[a];
    }
    return positions(outDims, offsets, steps);
  }

  /** Where a tensor shaped {@code inDims}, its axes put in the order {@code perm}, reads each. */
  static int[] transpose(long[] inDims, long[] perm, long[] outDims) {
    long[] strides = strides(inDims);
    long[] steps = new long[outDims.length];
    for (int a = 0; a < outDims.length; a++) {
      steps[a] = strides[perm == null ? inDims.length - 1 - a : (int) perm[a]];
    }
    return positions(outDims, new long[outDims.length], steps);
  }

  /** The elements of {@code in} at {@code positions}, which {@link #slice} and others give. */
  static double[] at(double[] in, int[] positions) {
    double[] out = new double[positions.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = in[positions[k]];
    }
    return out;
  }

  /** As {@link #at(double[], int[])}, for a constant held exactly. */
  static long[] at(long[] in, int[] positions) {
    long[] out = new long[positions.length];
    for (int k = 0; k < out.length; k++) {
      out[k] = in[positions[k]];
    }
    return out;
  }

  /**
   * Where each output element, in row-major order, is read from in the input: the sum over axes of
   * {@code offsets[a] + index[a] × steps[a]}.
   */
  private static int[] positions(long[] outDims, long[] offsets, long[] steps) {
    int[] out = new int[(int) Shapes.elements(outDims)];
    long[] index = new long[outDims.length];
    for (int k = 0; k < out.length; k++) {
      long at = 0;
      for (int a = 0; a < outDims.length; a++) {
        at += offsets[a] + index[a] * steps[a];
      }
      out[k] = (int) at;
      for (int a = outDims.length - 1; a >= 0 && ++index[a] == outDims[a]; a--) {
        index[a] = 0;
      }
    }
    return out;
  }

  /** Elements between neighbours along each axis of a row-major tensor. */
  private static long[] strides(long[] dims) {
    long[] strides = new long[dims.length];
    long stride = 1;
    for (int a = dims.length - 1; a >= 0; a--) {
      strides[a] = stride;
      stride *= dims[a];
    }
    return strides;
  }
}
