package dev.devq.onnx;

/**
 * MACs and FLOPs of explicit layers, counted as the model's op rules count them. Every product is
 * exact: a count past 2^63 is refused naming the node ({@link NodeView#times}), never wrapped.
 */
final class Work {
  private static final String MACS = "the multiply-adds";

  private Work() {}

  /**
   * Multiply-adds: matmuls and einsums of activations, and convolutions the op rules cannot
   * express.
   */
  static long macs(NodeView v, long[] out) throws ImportFailure {
    long elements = v.elements(out, "the output");
    switch (v.op()) {
      case "MatMul", "Gemm" -> {
        long[] a = v.dims(0);
        boolean transA = Attrs.i(v.node, "transA", 0) == 1;
        long k = transA ? a[a.length - 2] : a[a.length - 1];
        return v.times(elements, k, MACS);
      }
      case "Conv", "ConvTranspose" -> {
        long[] w = v.dims(1);
        long perOutput = 1;
        for (int i = 1; i < w.length; i++) {
          perOutput = v.times(perOutput, w[i], MACS);
        }
        // a transposed convolution spreads each input element over a window of outputs
        long over = "ConvTranspose".equals(v.op()) ? v.elements(v.dims(0), "the input") : elements;
        return v.times(over, perOutput, MACS);
      }
      case "Einsum" -> {
        return Einsums.macs(v);
      }
      default -> {
        return 0;
      }
    }
  }

  /**
   * Other arithmetic: one operation per output element, per input element for reductions, and per
   * input element each output reads for a nearest or linear Resize, as the op rules count a resize.
   */
  static long flops(NodeView v, long outElements) throws ImportFailure {
    if (v.op().startsWith("Reduce") || v.op().startsWith("Global")) {
      return v.elements(v.dims(0), "the input");
    }
    if ("Resize".equals(v.op())) {
      return v.times(outElements, Resizes.mode(v).reads, "the FLOPs");
    }
    return outElements;
  }
}
