package dev.devq.model;

import dev.devq.lang.unit.QuantityFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The transforms of the query language. Each returns a new model; they compose in the order
 * written, e.g. {@code prune(palettize(m, 4), 50%)}.
 *
 * <p>Weight compression changes stored bytes, not FLOPs: Core ML decompresses weights on the fly
 * (iOS 17+). Only W8A8 changes the compute precision, to int8.
 */
public final class Transforms {
  /** GGUF's block formats among the modes of {@code quantize}, as lowercase ids. */
  public static final List<String> GGUF_MODES = List.of("q4_0", "q8_0", "q4_k_m");

  /** The modes of {@code quantize}. */
  public static final List<String> QUANTIZE_MODES =
      Stream.concat(Stream.of("w8", "w8a8", "w4"), GGUF_MODES.stream()).toList();

  /** Weights per fp16 scale of GGUF's Q4_0 and Q8_0 blocks (ggml's block_q4_0, block_q8_0). */
  public static final int GGUF_BLOCK = 32;

  /**
   * Average bits per weight of GGUF Q4_K_M over the layers other than the output layer, scales
   * included: Q4_K super-blocks (4.5 bits) with Q6_K (6.56 bits) for half of the attention-value
   * and feed-forward-down tensors. Derived from llama.cpp's quantize README, which measures 4.84
   * bits over all of Llama 2 7B (6738M weights), its 131M-weight output layer at Q6_K ({@link
   * NumericFormat#Q6_K_BITS}): (4.84 × 6738 − 6.5625 × 131) / 6607 = 4.806.
   */
  public static final double Q4_K_M_BITS = 4.806;

  /** The precisions of {@code precision}. */
  public static final List<String> PRECISIONS = List.of("fp16", "fp32");

  /** Weights per fp16 scale of per-block int4, the block size of Apple's Llama 3.1 recipe. */
  public static final int INT4_BLOCK = 32;

  /** The fewest and most bits of a palette index that {@code palettize} takes. */
  public static final int MIN_PALETTE_BITS = 1;

  public static final int MAX_PALETTE_BITS = 8;

  private Transforms() {}

  /**
   * Whether {@code palettize} takes {@code bits}: a whole number from {@link #MIN_PALETTE_BITS} to
   * {@link #MAX_PALETTE_BITS}. The query language asks this before it calls, so its message and
   * this limit cannot drift apart.
   */
  public static boolean paletteBits(double bits) {
    return bits == Math.rint(bits) && bits >= MIN_PALETTE_BITS && bits <= MAX_PALETTE_BITS;
  }

  /**
   * Whether {@code prune} takes {@code sparsity}: a fraction at least 0 and below 1 (all weights
   * zero leaves no model to run).
   */
  public static boolean sparsity(double sparsity) {
    return sparsity >= 0 && sparsity < 1;
  }

  /** {@code precision(m, fp32 | fp16)}: storage and compute precision together. */
  public static Model precision(Model m, String precision) {
    String label = "precision(" + m.label() + ", " + precision + ")";
    return switch (precision.toLowerCase(Locale.ROOT)) {
      case "fp32" ->
          m.withFormat(NumericFormat.FP32.withSparsity(m.format().sparsity(), "fp32"), label);
      case "fp16" ->
          m.withFormat(NumericFormat.FP16.withSparsity(m.format().sparsity(), "fp16"), label);
      default -> throw new IllegalArgumentException("precision must be fp16 or fp32");
    };
  }

  /**
   * {@code quantize(m, w8 | w8a8 | w4)}: int8 weights, int8 weights and activations, int4 per-block
   * weights; {@code q4_0 | q8_0 | q4_k_m}: GGUF's block formats (4.5, 8.5 and about 4.84 bits per
   * weight with their scales), which llama.cpp dequantizes inside its kernels.
   */
  public static Model quantize(Model m, String mode) {
    NumericFormat f = m.format();
    String label = "quantize(" + m.label() + ", " + mode + ")";
    NumericFormat next =
        switch (mode) {
          case "w8" -> f.withWeights(8, 0, 0, "int8 weights");
          case "w8a8" ->
              f.withWeights(8, 0, 0, "int8").withCompute("int8", 1, "int8 weights and activations");
          case "w4" -> f.withWeights(4, INT4_BLOCK, 0, "int4 weights, block " + INT4_BLOCK);
          case "q4_0" -> f.withGguf("q4_0", 4, GGUF_BLOCK, "GGUF Q4_0 (4.5 bits per weight)");
          case "q8_0" -> f.withGguf("q8_0", 8, GGUF_BLOCK, "GGUF Q8_0 (8.5 bits per weight)");
          case "q4_k_m" ->
              f.withGguf("q4_k_m", Q4_K_M_BITS, 0, "GGUF Q4_K_M (4.84 bits per weight)");
          default ->
              throw new IllegalArgumentException(
                  "quantize mode must be w8, w8a8, w4, q4_0, q8_0 or q4_k_m");
        };
    return m.withFormat(next, label);
  }

  /** {@code palettize(m, bits)}: each weight an index into a table of 2^bits fp16 values. */
  public static Model palettize(Model m, int bits) {
    if (!paletteBits(bits)) {
      throw new IllegalArgumentException(
          "palettize needs " + MIN_PALETTE_BITS + " to " + MAX_PALETTE_BITS + " bits");
    }
    String label = "palettize(" + m.label() + ", " + bits + ")";
    return m.withFormat(m.format().withWeights(bits, 0, bits, bits + "-bit palette"), label);
  }

  /**
   * {@code prune(m, sparsity)}: that fraction of weights zero, stored as values plus a bit mask.
   */
  public static Model prune(Model m, double sparsity) {
    if (!sparsity(sparsity)) {
      throw new IllegalArgumentException("sparsity must be at least 0% and below 100%");
    }
    // The percentage as given, not rounded: a label names the model (prune(m, 12.5%) is not
    // prune(m, 13%)), and models compare equal by it.
    String percent = QuantityFormat.number(sparsity * 100, 12) + "%";
    String label = "prune(" + m.label() + ", " + percent + ")";
    return m.withFormat(m.format().withSparsity(sparsity, percent + " sparse"), label);
  }
}
