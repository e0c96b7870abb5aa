package dev.devq.kb;

import java.util.Locale;

/** How much a number can be trusted, from a vendor statement down to our own estimate. */
public enum Confidence {
  VENDOR,
  MEASURED,
  DERIVED,
  ESTIMATE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code vendor | measured | derived | estimate}; null when the text is none of them. */
  public static Confidence parse(String text) {
    for (Confidence c : values()) {
      if (c.label().equals(text)) {
        return c;
      }
    }
    return null;
  }
}
