package dev.devq.lang;

import java.text.Normalizer;

/**
 * Unicode compatibility forms and the plain characters they stand for (NFKC): full-width letters
 * and digits ({@code ｌａｙｅｒ}, {@code ３３}, as an East Asian input method types them), ligatures
 * ({@code ﬁ}), superscripts ({@code x²}, {@code QKᵀ}) and the micro sign. Search folds every name,
 * text and query with {@link #fold}; a syntax error at such a character suggests the plain word
 * ({@link #plainWordAt}).
 *
 * <pre>{@code
 * CompatibilityForms.fold("ｌａｙｅｒ ｎｏｒｍ")   // "layer norm"
 * }</pre>
 */
public final class CompatibilityForms {
  /**
   * The Latin-1 characters that NFKC changes (no-break space, spacing accents, ª º, superscript
   * digits, µ, the fractions ¼ ½ ¾); every other character up to U+00FF is left as it is.
   */
  private static final String LATIN1_FOLDED = "\u00A0¨ª¯²³´µ¸¹º¼½¾";

  private CompatibilityForms() {}

  /** {@code text} with its compatibility forms folded (NFKC). */
  public static String fold(String text) {
    // The JDK's normalizer reads its tables on first use, some 25 ms of a one-shot search; text of
    // Latin-1 alone, as every query typed in English and every shipped name is, needs none: none of
    // its characters combines with another, so only those listed can change.
    boolean plain = true;
    for (int i = 0; i < text.length() && plain; i++) {
      char c = text.charAt(i);
      plain = c < 0xA0 || c <= 0xFF && LATIN1_FOLDED.indexOf(c) < 0;
    }
    return plain ? text : Normalizer.normalize(text, Normalizer.Form.NFKC);
  }

  /**
   * The characters from {@code start} to {@code end} that have a plain form, and {@code plain}, the
   * word they belong to written in ASCII.
   */
  record PlainWord(int start, int end, String plain) {}

  /**
   * The plain form of the word at {@code offset}, where the lexer stopped at a character it does
   * not know; null when that character has no printable ASCII form. A name is read whole, its ASCII
   * letters, digits and underscores on both sides included, so {@code ｍｏｂｉｌｅｎｅｔ_v2} gives the id
   * {@code mobilenet_v2}, not {@code mobilenet}; anything else ({@code ３３}, {@code ＜=}) is the run
   * of characters with an ASCII form.
   */
  static PlainWord plainWordAt(String text, int offset) {
    char first = asciiForm(text.codePointAt(offset));
    if (first == 0) {
      return null;
    }
    boolean name = isNameStart(first);
    int end = offset;
    var plain = new StringBuilder();
    for (int cp; end < text.length(); end += Character.charCount(cp)) {
      cp = text.codePointAt(end);
      char c = cp < 0x80 && name ? (char) cp : asciiForm(cp);
      if (c == 0 || name && !isNamePart(c)) {
        break;
      }
      plain.append(c);
    }
    if (!name) {
      return new PlainWord(offset, end, plain.toString());
    }
    // the start of the name, which the lexer read as a name of its own (mobile in mobileｎｅｔ_v2)
    int start = offset;
    while (start > 0 && isNamePart(text.charAt(start - 1))) {
      start--;
    }
    while (start < offset && !isNameStart(text.charAt(start))) {
      start++; // 33ｍｓ: a name does not begin with the digits of a number
    }
    return new PlainWord(offset, end, text.substring(start, offset) + plain);
  }

  /** The printable ASCII character {@code cp} is a compatibility form of, or 0. */
  private static char asciiForm(int cp) {
    if (cp < 0x80) {
      return 0;
    }
    if (Character.isDigit(cp)) {
      return (char) ('0' + Character.digit(cp, 10)); // other scripts' digits, which NFKC keeps
    }
    String folded = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC);
    return folded.length() == 1 && folded.charAt(0) > ' ' && folded.charAt(0) < 0x7f
        ? folded.charAt(0)
        : 0;
  }

  private static boolean isNameStart(char c) {
    return c < 0x80 && (Character.isLetter(c) || c == '_');
  }

  private static boolean isNamePart(char c) {
    return isNameStart(c) || c >= '0' && c <= '9';
  }
}
