package dev.devq.cost;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How a prediction starts: with the model already loaded ({@code warm}), after loading it from
 * storage with its compiled form cached ({@code cold}), or on the first launch after install, which
 * also compiles the model for the device ({@code first}).
 */
public enum Start {
  WARM,
  COLD,
  FIRST;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(Start::key).toList();
  }

  /**
   * The start of a name, or null. {@code first_launch} is read as {@code first}: it is what the
   * documentation and Xcode call that start, so a user writes it as often as the short word.
   */
  public static Start parse(String name) {
    for (Start s : values()) {
      if (s.key().equals(name)) {
        return s;
      }
    }
    return name.equals("first_launch") ? FIRST : null;
  }

  /** Whether the latency of this start includes loading the model. */
  public boolean loads() {
    return this != WARM;
  }

  /** Whether loading includes the uncached compile of a first launch. */
  public boolean compiles() {
    return this == FIRST;
  }
}
