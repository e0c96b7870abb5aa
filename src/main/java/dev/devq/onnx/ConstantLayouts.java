package dev.devq.onnx;

/**
 * The values of small constants that Slice and Transpose rearrange, of any rank: PyTorch writes the
 * pads of every {@code F.pad} as such a chain (the pads reshaped to pairs, the pairs reversed by a
 * Slice of step -1, transposed and flattened), which must fold for the Pad to be read.
 */
final class ConstantLayouts {
  private ConstantLayouts() {}

  /**
   * A slice of {@code in} (shaped {@code inDims}): output index {@code o} on axis {@code a} reads
   * input index {@code first + o × step} ({@link Layouts#sliceRanges}).
   */
  static double[] slice(double[] in, long[] inDims, long[][] ranges, long[] outDims) {
    long[] strides = strides(inDims);
    long[] offsets = new long[inDims.length];
    long[] steps = new long[inDims.length];
    for (int a = 0; a < inDims.length; a++) {
      offsets[a] = ranges[a][0] * strides[a];
      steps[a] = ranges[a][1] * strides[a];
    }
    return gathered(in, outDims, offsets, steps);
  }

  /** {@code in} (shaped {@code inDims}) with its axes in the order {@code perm}. */
  static double[] transpose(double[] in, long[] inDims, long[] perm, long[] outDims) {
    long[] strides = strides(inDims);
    long[] steps = new long[outDims.length];
    for (int a = 0; a < outDims.length; a++) {
      steps[a] = strides[perm == null ? inDims.length - 1 - a : (int) perm[a]];
    }
    return gathered(in, outDims, new long[outDims.length], steps);
  }

  /**
   * Each output element, in row-major order, read from {@code in} at the sum over axes of {@code
   * offsets[a] + index[a] × steps[a]}.
   */
  private static double[] gathered(double[] in, long[] outDims, long[] offsets, long[] steps) {
    double[] out = new double[(int) Shapes.elements(outDims)];
    long[] index = new long[outDims.length];
    for (int k = 0; k < out.length; k++) {
      long at = 0;
      for (int a = 0; a < outDims.length; a++) {
        at += offsets[a] + index[a] * steps[a];
      }
      out[k] = in[(int) at];
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
