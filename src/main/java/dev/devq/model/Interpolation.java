package dev.devq.model;

import java.util.Arrays;
import java.util.List;

/**
 * How a resize computes each output element from its input: the nearest input element, or the 2 × 2
 * neighbours bilinear interpolation weighs. The work of a resize is counted per input element each
 * output reads ({@link #reads}), so a bilinear resize does four times a nearest one's, on every
 * unit that counts work (its memory traffic is the same: neighbouring outputs share their reads).
 * Core ML has both forms of its upsample layer ({@code upsample_nearest_neighbor}, {@code
 * upsample_bilinear}); the catalog's {@code upsample} takes either as its {@code mode}.
 */
public enum Interpolation {
  NEAREST("nearest", 1),
  BILINEAR("bilinear", 4);

  /** The word a description writes ({@code upsample: {scale: 2, mode: bilinear}}). */
  public final String word;

  /** Input elements each output element reads. */
  public final long reads;

  Interpolation(String word, long reads) {
    this.word = word;
    this.reads = reads;
  }

  /** The words a description may write, in order. */
  public static List<String> words() {
    return Arrays.stream(values()).map(m -> m.word).toList();
  }

  /** The mode a description's word names, refusing any other. */
  static Interpolation of(String word) {
    for (Interpolation m : values()) {
      if (m.word.equals(word)) {
        return m;
      }
    }
    throw new Formula.FormulaError("mode must be one of " + words() + ", found '" + word + "'");
  }
}
