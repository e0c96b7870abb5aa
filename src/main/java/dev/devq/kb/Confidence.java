package dev.devq.kb;

import java.util.Locale;

/**
 * What the evidence for a number is, from a vendor statement down to our own estimate: {@code
 * vendor} (the maker states it), {@code measured} (a controlled measurement of that exact claim),
 * {@code reported} (third-party reports, reverse engineering, community lists), {@code derived}
 * (computed from sourced numbers, the note says how) and {@code estimate} (our judgement).
 */
public enum Confidence {
  VENDOR,
  MEASURED,
  REPORTED,
  DERIVED,
  ESTIMATE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code vendor | measured | reported | derived | estimate}; null when the text is none of
   * them.
   */
  public static Confidence parse(String text) {
    for (Confidence c : values()) {
      if (c.label().equals(text)) {
        return c;
      }
    }
    return null;
  }
}
