package dev.devq.kb;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OS release as the catalog writes it in {@code since.os}: a platform and a major version
 * ({@code iOS 17}, {@code macOS 14}). iPadOS counts as iOS, whose version numbers it shares.
 *
 * <pre>{@code
 * OsVersion.parse("iOS 16").allows("iOS 17 / macOS 14")   // false: needs iOS 17
 * OsVersion.parse("macOS 15").allows("iOS 17 / macOS 14") // true
 * }</pre>
 */
public record OsVersion(String platform, int major) {
  private static final Pattern RELEASE =
      Pattern.compile("(?i)\\s*(ios|ipados|macos)?\\s*(\\d+)(?:\\.\\d+)*\\s*");
  private static final Pattern PART = Pattern.compile("(?i)(ios|ipados|macos)\\s*(\\d+)");

  public OsVersion {
    if (major < 0) {
      throw new IllegalArgumentException("a version is zero or more, found " + major);
    }
  }

  /**
   * Parses {@code iOS 17}, {@code iPadOS 17.4}, {@code macOS 14} or a bare {@code 17} (iOS).
   *
   * @throws IllegalArgumentException when the text is not an OS release
   */
  public static OsVersion parse(String text) {
    Matcher m = RELEASE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "expected an OS release such as 'iOS 17' or 'macOS 14', found '" + text + "'");
    }
    return new OsVersion(
        platform(m.group(1) == null ? "ios" : m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static String platform(String word) {
    String p = word.toLowerCase(Locale.ROOT);
    return p.equals("ipados") ? "ios" : p;
  }

  /**
   * Whether this release has what a catalog {@code since.os} asks for ({@code "iOS 17 / macOS
   * 14"}). A requirement that names only other platforms does not hold this release back.
   */
  public boolean allows(String sinceOs) {
    Matcher m = PART.matcher(sinceOs);
    while (m.find()) {
      if (platform(m.group(1)).equals(platform)) {
        return major >= Integer.parseInt(m.group(2));
      }
    }
    return true;
  }

  /** The platform as users write it: iOS (iPadOS counts as iOS) or macOS. */
  public String platformName() {
    return platform.equals("ios") ? "iOS" : "macOS";
  }

  @Override
  public String toString() {
    return platformName() + " " + major;
  }
}
