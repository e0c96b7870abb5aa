package dev.devq.kb;

import java.util.Locale;

/** The shape of a device, which decides how long it can hold its peak before heat slows it. */
public enum FormFactor {
  PHONE,
  TABLET,
  FANLESS_LAPTOP,
  LAPTOP,
  DESKTOP;

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The OS platform a device of this shape runs, as {@link OsVersion#platform()} names it: {@code
   * ios} for phones and tablets (iPadOS counts as iOS), {@code macos} for Macs.
   */
  public String platform() {
    return OsLine.of(this).platform();
  }

  public static java.util.List<String> keys() {
    return java.util.Arrays.stream(values()).map(FormFactor::key).toList();
  }

  public static FormFactor parse(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
