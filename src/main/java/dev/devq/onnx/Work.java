package dev.devq.onnx;

/** MACs and FLOPs of explicit layers, counted as the model's op rules count them. */
final class Work {
  private Work() {}

  /** Multiply-adds: matmuls of activations, and convolutions the op rules cannot express. */
  static long macs(NodeView v, long[] out) throws ImportFailure {
    long elements = Shapes.elements(out);
    switch (v.op()) {
      case "MatMul", "Gemm" -> {
        long[] a = v.dims(0);
        boolean transA = Attrs.i(v.node, "transA", 0) == 1;
        long k = transA ? a[a.length - 2] : a[a.length - 1];
        return Math.multiplyExact(elements, k);
      }
      case "Conv", "ConvTranspose" -> {
        long[] w = v.dims(1);
        long perOutput = 1;
        for (int i = 1; i < w.length; i++) {
          perOutput = Math.multiplyExact(perOutput, w[i]);
        }
        if ("ConvTranspose".equals(v.op())) {
          return Math.multiplyExact(Shapes.elements(v.dims(0)), w[1] * (perOutput / w[1]));
        }
        return Math.multiplyExact(elements, perOutput);
      }
      default -> {
        return 0;
      }
    }
  }

  /** Other arithmetic: one operation per output element, or per input element for reductions. */
  static long flops(NodeView v, long outElements) throws ImportFailure {
    if (v.op().startsWith("Reduce") || v.op().startsWith("Global")) {
      return Shapes.elements(v.dims(0));
    }
    return outElements;
  }
}
