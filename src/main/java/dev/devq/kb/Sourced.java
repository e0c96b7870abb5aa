package dev.devq.kb;

/**
 * A value read from a profile with its provenance and origin. An optional field that was not
 * written holds a "missing" value ({@link #missing}): NaN for quantities, empty text, so records
 * never hold {@code null}.
 */
public record Sourced<T>(T value, Provenance provenance, Origin origin, boolean present) {
  public Sourced {
    if (value == null || provenance == null || origin == null) {
      throw new IllegalArgumentException("sourced value needs a value, provenance and origin");
    }
  }

  public static <T> Sourced<T> of(T value, Provenance provenance, Origin origin) {
    return new Sourced<>(value, provenance, origin, true);
  }

  public static <T> Sourced<T> missing(T placeholder, Provenance provenance, Origin origin) {
    return new Sourced<>(placeholder, provenance, origin, false);
  }
}
