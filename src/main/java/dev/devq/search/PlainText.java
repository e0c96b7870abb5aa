package dev.devq.search;

import dev.devq.lang.CompatibilityForms;

/**
 * Text as the index reads it. Unicode compatibility forms are folded to the plain characters they
 * stand for (NFKC): full-width letters ({@code ｌａｙｅｒ ｎｏｒｍ}, as an East Asian input method types
 * them), ligatures ({@code ﬁ}), superscripts ({@code x²}) and the micro sign ({@link
 * CompatibilityForms#fold}). The index folds every name and text it holds before splitting it into
 * words, and every query and name it is asked for is folded and cut to a size ({@link #clip}), so
 * each matches the other however it was typed. Lucene folds these forms only in its ICU module,
 * which devq does not ship; the JDK's normalizer does the same here.
 *
 * <pre>{@code
 * PlainText.clip("  ｌａｙｅｒ ｎｏｒｍ ") // "layer norm"
 * }</pre>
 */
final class PlainText {
  private PlainText() {}

  /** Words of a query past which nothing is read: no name is that long. */
  static final int MAX_WORDS = 64;

  /** Characters past which nothing is read, for the same reason. */
  static final int MAX_CHARS = 512;

  /**
   * A query or name folded, and cut to {@link #MAX_WORDS} words and {@link #MAX_CHARS} characters,
   * so that a pasted paragraph cannot build a Lucene query over its clause limit or a huge typo
   * automaton. Cut before folding too, so a pasted page is not folded whole.
   */
  static String clip(String text) {
    return cut(CompatibilityForms.fold(cut(text)));
  }

  private static String cut(String text) {
    String[] words = text.strip().split("\\s+", MAX_WORDS + 1);
    String kept =
        words.length > MAX_WORDS
            ? String.join(" ", java.util.Arrays.copyOf(words, MAX_WORDS))
            : text.strip();
    return kept.length() > MAX_CHARS ? kept.substring(0, MAX_CHARS) : kept;
  }
}
