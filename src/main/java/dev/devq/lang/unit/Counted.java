package dev.devq.lang.unit;

import java.util.Locale;

/**
 * What a frequency or count unit counts, as its line of {@code units.txt} says ({@code unit MHz =
 * 1e6 1/s counts cycles}): frames (predictions: {@code fps}, {@code Hz}, {@code kHz}), tokens
 * ({@code tok/s}, and the count {@code tok}) or a core's cycles ({@code MHz}, {@code GHz}). Rates
 * of two kinds share their dimension but must never be compared; the checker reads the kind of the
 * unit a rate or count is written in. Every unit of another dimension, and a quotient made on the
 * fly ({@code tok/ms}), counts nothing in particular.
 */
public enum Counted {
  NOTHING,
  FRAMES,
  TOKENS,
  CYCLES;

  /** The kind a {@code counts WORD} of {@code units.txt} names, or null for no such kind. */
  static Counted named(String word) {
    for (Counted c : values()) {
      if (c != NOTHING && c.name().toLowerCase(Locale.ROOT).equals(word)) {
        return c;
      }
    }
    return null;
  }
}
