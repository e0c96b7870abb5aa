package dev.devq.kb;

import java.util.List;
import java.util.Locale;

/**
 * What kind of evidence a source is, written as {@code evidence:} in {@code sources.yaml}. It
 * bounds the confidence a claim resting on the source may carry: only a {@link #MEASUREMENT} (a
 * controlled run that measured the claim) supports {@code confidence: measured}, so a reverse-
 * engineering guide or a community list cannot pass its guesses off as measurements.
 *
 * <pre>{@code
 * Evidence.parse("reverse_engineering").allows(Confidence.MEASURED)   // false
 * }</pre>
 */
public enum Evidence {
  /** the maker's own statement: a spec page, documentation, reference code, a model's paper */
  VENDOR,
  /** a controlled measurement published with its method (a benchmark, a logged reading) */
  MEASUREMENT,
  /** press coverage, reviews quoting figures, leaks, third-party summaries */
  REPORT,
  /** reverse engineering of private interfaces */
  REVERSE_ENGINEERING,
  /** community lists, forum posts, issue threads, third-party code */
  COMMUNITY,
  /** devq's own rules and derivations, each explained where it is used */
  DEVQ;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Every label, for messages and suggestions. */
  public static List<String> labels() {
    return java.util.Arrays.stream(values()).map(Evidence::label).toList();
  }

  /** The kind with this label, or null. */
  public static Evidence parse(String text) {
    for (Evidence e : values()) {
      if (e.label().equals(text)) {
        return e;
      }
    }
    return null;
  }

  /** Whether a claim resting on this kind of source may carry {@code confidence}. */
  public boolean allows(Confidence confidence) {
    return confidence != Confidence.MEASURED || this == MEASUREMENT;
  }
}
