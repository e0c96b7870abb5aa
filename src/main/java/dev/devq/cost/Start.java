package dev.devq.cost;

import java.util.List;
import java.util.Locale;

/**
 * Whether a prediction finds its model ready: {@code warm} (loaded, the steady state), {@code cold}
 * (read from storage with the compiled model cached, as on a relaunch) or {@code first} (the first
 * launch after install: read and compiled for the device). Latency under {@code cold} and {@code
 * first} is the warm latency plus that start's load time.
 */
public enum Start {
  WARM,
  COLD,
  FIRST;

  /** The query-language words, in order. */
  public static List<String> keys() {
    return List.of("warm", "cold", "first");
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The start of a word of {@link #keys()}. */
  public static Start of(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }

  /** Whether the model must be loaded before the prediction. */
  public boolean loads() {
    return this != WARM;
  }
}
