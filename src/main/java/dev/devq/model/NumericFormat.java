package dev.devq.model;

/**
 * How a model stores weights and computes: the result of its transforms.
 *
 * @param weightBits bits per stored weight value (16 fp16, 32 fp32, 8 int8, 4 int4, palette bits)
 * @param blockSize weights sharing one fp16 scale (per-block int4); 0 for per-channel scales or
 *     none
 * @param paletteBits bits of a palette index, 0 when not palettized (the table is counted apart)
 * @param sparsity fraction of weights that are zero and stored sparsely (0 when not pruned)
 * @param compute {@code fp16}, {@code fp32} or {@code int8} (W8A8: activations quantized too)
 * @param activationBytes bytes per activation element
 * @param label how the transforms read, e.g. {@code palettized 4-bit}
 * @param scheme the GGUF weight format ({@code q4_0}, {@code q8_0}, {@code q4_k_m}) whose kernels
 *     llama.cpp dequantizes, or empty for Core ML's formats
 */
public record NumericFormat(
    double weightBits,
    int blockSize,
    int paletteBits,
    double sparsity,
    String compute,
    double activationBytes,
    String label,
    String scheme) {
  public static final NumericFormat FP16 = new NumericFormat(16, 0, 0, 0, "fp16", 2, "fp16");
  public static final NumericFormat FP32 = new NumericFormat(32, 0, 0, 0, "fp32", 4, "fp32");

  /** A format of no named weight scheme. */
  public NumericFormat(
      double weightBits,
      int blockSize,
      int paletteBits,
      double sparsity,
      String compute,
      double activationBytes,
      String label) {
    this(weightBits, blockSize, paletteBits, sparsity, compute, activationBytes, label, "");
  }

  /**
   * Bits per weight of GGUF's Q6_K, scales included: ggml's block_q6_K holds 256 weights in 210
   * bytes (6.5625 bits).
   */
  public static final double Q6_K_BITS = 210 * 8 / 256.0;

  /**
   * Bytes of stored weights of one layer, including block scales, palettes and sparse masks. Core
   * ML's block scales apply to matmul-like weights; its embedding tables keep one scale per row,
   * which is negligible, as per-block quantization targets linear and convolution weights. A GGUF
   * file stores every matrix in blocks with their scales, the token table included, and llama.cpp's
   * quantizer keeps the output layer ({@code outputLayer}: the LM head, or the token table an
   * output layer is tied to) at Q6_K in every format but Q8_0.
   */
  public double weightBytes(long params, boolean table, boolean outputLayer) {
    if (params == 0) {
      return 0;
    }
    boolean gguf = !scheme.isEmpty();
    if (gguf && outputLayer && !"q8_0".equals(scheme)) {
      return params * (1 - sparsity) * Q6_K_BITS / 8 + (sparsity > 0 ? params / 8.0 : 0);
    }
    double dense = params * (1 - sparsity);
    double bits = dense * weightBits;
    if (blockSize > 0 && (gguf || !table)) {
      bits += dense / blockSize * 16;
    }
    if (sparsity > 0) {
      bits += params; // one bit per weight marks the non-zeros
    }
    double palette = paletteBits == 0 ? 0 : (1 << paletteBits) * 2.0;
    return bits / 8 + palette;
  }

  public NumericFormat withWeights(double bits, int block, int palette, String newLabel) {
    return new NumericFormat(bits, block, palette, sparsity, compute, activationBytes, newLabel);
  }

  public NumericFormat withCompute(String newCompute, double newActivationBytes, String newLabel) {
    return new NumericFormat(
        weightBits,
        blockSize,
        paletteBits,
        sparsity,
        newCompute,
        newActivationBytes,
        newLabel,
        scheme);
  }

  public NumericFormat withSparsity(double newSparsity, String newLabel) {
    return new NumericFormat(
        weightBits,
        blockSize,
        paletteBits,
        newSparsity,
        compute,
        activationBytes,
        newLabel,
        scheme);
  }

  /** GGUF block-quantized weights: {@code bits} per weight, scales included when block is 0. */
  public NumericFormat withGguf(String newScheme, double bits, int block, String newLabel) {
    return new NumericFormat(
        bits, block, 0, sparsity, compute, activationBytes, newLabel, newScheme);
  }
}
