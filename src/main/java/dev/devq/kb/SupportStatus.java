package dev.devq.kb;

import java.util.Locale;

/** Whether a compute unit runs an operator. */
public enum SupportStatus {
  YES,
  PARTIAL,
  NO,
  UNKNOWN;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static java.util.List<String> keys() {
    return java.util.Arrays.stream(values()).map(SupportStatus::key).toList();
  }
}
