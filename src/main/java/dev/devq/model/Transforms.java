package dev.devq.model;

import java.util.List;
import java.util.Locale;

/**
 * The transforms of the query language. Each returns a new model; they compose in the order
 * written, e.g. {@code prune(palettize(m, 4), 50%)}.
 *
 * <p>Weight compression changes stored bytes, not FLOPs: Core ML decompresses weights on the fly
 * (iOS 17+). Only W8A8 changes the compute precision, to int8.
 */
public final class Transforms {
  /** The modes of {@code quantize}. */
  public static final List<String> QUANTIZE_MODES = List.of("w8", "w8a8", "w4");

  /** The precisions of {@code precision}. */
  public static final List<String> PRECISIONS = List.of("fp16", "fp32");

  /** Weights per fp16 scale of per-block int4, the block size of Apple's Llama 3.1 recipe. */
  public static final int INT4_BLOCK = 32;

  private Transforms() {}

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
   * weights.
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
          default -> throw new IllegalArgumentException("quantize mode must be w8, w8a8 or w4");
        };
    return m.withFormat(next, label);
  }

  /** {@code palettize(m, bits)}: each weight an index into a table of 2^bits fp16 values. */
  public static Model palettize(Model m, int bits) {
    if (bits < 1 || bits > 8) {
      throw new IllegalArgumentException("palettize needs 1 to 8 bits");
    }
    String label = "palettize(" + m.label() + ", " + bits + ")";
    return m.withFormat(m.format().withWeights(bits, 0, bits, bits + "-bit palette"), label);
  }

  /**
   * {@code prune(m, sparsity)}: that fraction of weights zero, stored as values plus a bit mask.
   */
  public static Model prune(Model m, double sparsity) {
    if (!(sparsity >= 0 && sparsity < 1)) {
      throw new IllegalArgumentException("sparsity must be at least 0% and below 100%");
    }
    String label = "prune(" + m.label() + ", " + Math.round(sparsity * 100) + "%)";
    return m.withFormat(
        m.format().withSparsity(sparsity, Math.round(sparsity * 100) + "% sparse"), label);
  }
}
