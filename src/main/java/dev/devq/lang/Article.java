package dev.devq.lang;

import java.util.Locale;

/**
 * The indefinite article of a noun phrase, so every message that names a kind of thing reads "an
 * explain record", "an op", "a SoC", "an OS release" and never "a explain record".
 *
 * <p>The choice follows the sound of the first word, not its first letter: a word spelled out as
 * capital letters ({@code OS}, {@code MB}) takes "an" when its first letter's name starts with a
 * vowel sound; "uni…", "use…" and "one…" sound like "you…" and "won…" and take "a".
 */
public final class Article {
  /** Capital letters whose names start with a vowel sound: "an A", "an F", "an MB", "an OS". */
  private static final String VOWEL_SOUND_LETTERS = "AEFHILMNORSX";

  private Article() {}

  /** The phrase with its article: {@code with("explain record")} is {@code "an explain record"}. */
  public static String with(String phrase) {
    return (startsWithVowelSound(phrase) ? "an " : "a ") + phrase;
  }

  static boolean startsWithVowelSound(String phrase) {
    String word = phrase.strip().split("[^\\p{L}\\p{N}]", 2)[0];
    if (word.isEmpty()) {
      return false;
    }
    if (word.length() > 1 && word.equals(word.toUpperCase(Locale.ROOT))) {
      return VOWEL_SOUND_LETTERS.indexOf(word.charAt(0)) >= 0;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.startsWith("uni") || lower.startsWith("use") || lower.startsWith("one")) {
      return false;
    }
    return "aeiou".indexOf(lower.charAt(0)) >= 0;
  }
}
