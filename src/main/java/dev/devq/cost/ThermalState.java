package dev.devq.cost;

import java.util.List;
import java.util.Locale;

/**
 * Apple's {@code ProcessInfo.ThermalState} values plus {@code sustained} (the plateau after minutes
 * of continuous load) and {@code throttled} (the same as {@code serious}).
 */
public enum ThermalState {
  NOMINAL,
  FAIR,
  SERIOUS,
  CRITICAL,
  SUSTAINED,
  THROTTLED;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> keys() {
    return java.util.Arrays.stream(values()).map(ThermalState::key).toList();
  }

  /** The state of a name, or null. */
  public static ThermalState parse(String name) {
    for (ThermalState s : values()) {
      if (s.key().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
