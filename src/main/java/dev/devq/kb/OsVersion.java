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
      Pattern.compile("(?i)\\s*(ios|ipados|macos)?\\s*(\\d+)(?:\\.\\d+){0,2}\\s*");

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
    // a major beyond any int is no release; a shorter one that is not known is the caller's to say
    if (m.group(2).length() > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "expected an OS release such as 'iOS 17' or 'macOS 14', found '" + text + "'");
    }
    return new OsVersion(
        platform(m.group(1) == null ? "ios" : m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** The most digits a major version is read with: every {@code int} of 9 digits fits. */
  private static final int MAX_DIGITS = 9;

  private static String platform(String word) {
    String p = word.toLowerCase(Locale.ROOT);
    return p.equals("ipados") ? "ios" : p;
  }

  /**
   * Whether this release has what a catalog {@code since.os} asks for ({@code "iOS 17 / macOS
   * 14"}). A requirement that names only other platforms does not hold this release back.
   */
  public boolean allows(String sinceOs) {
    // read by hand, not with a pattern: the support rule asks this for every op, unit and layer
    int at = 0;
    while (at < sinceOs.length()) {
      int end = sinceOs.indexOf('/', at);
      end = end < 0 ? sinceOs.length() : end;
      String part = sinceOs.substring(at, end);
      int digit = 0;
      while (digit < part.length() && !Character.isDigit(part.charAt(digit))) {
        digit++;
      }
      if (digit < part.length() && platform(part.substring(0, digit).strip()).equals(platform)) {
        return major >= leadingNumber(part.substring(digit));
      }
      at = end + 1;
    }
    return true;
  }

  /** The number a version starts with: 17 of "17.4"; 0 when it starts with none. */
  private static int leadingNumber(String version) {
    int n = 0;
    for (int i = 0; i < version.length() && Character.isDigit(version.charAt(i)); i++) {
      n = n * 10 + (version.charAt(i) - '0');
    }
    return n;
  }

  /**
   * The iOS (or iPadOS) major version of this release, or for macOS the iOS of the same year, whose
   * Core ML it ships (macOS 11 to 15 with iOS 14 to 18, as the catalog's {@code since.os} pairs
   * them: {@code "iOS 17 / macOS 14"}; 26 and later with the same number): the calibration's
   * per-release constants ({@code os16.ane_dispatch}) are keyed by iOS's. macOS 10 (10.13 to 10.15,
   * with iOS 11 to 13) takes iOS 13's, the newest of the three and the oldest devq has figures for.
   */
  public int iosMajor() {
    if (platform.equals("ios")) {
      return major;
    }
    if (major >= FIRST_SHARED_NUMBER) {
      return major;
    }
    return major <= LAST_MACOS_10 ? LAST_MACOS_10 + MACOS_TO_IOS : major + MACOS_TO_IOS;
  }

  /** iOS's major less macOS's of the same year, from macOS 10.15 (iOS 13) to 15 (iOS 18). */
  private static final int MACOS_TO_IOS = 3;

  /** The major devq counts every macOS 10.x release as ({@code releases.yaml}). */
  private static final int LAST_MACOS_10 = 10;

  /** The first year's releases numbered alike on iOS and macOS (2025's, named for 2026). */
  private static final int FIRST_SHARED_NUMBER = 26;

  /** The platform as users write it: iOS (iPadOS counts as iOS) or macOS. */
  public String platformName() {
    return platform.equals("ios") ? "iOS" : "macOS";
  }

  /**
   * The platform's releases whichever name the user gave: {@code iOS or iPadOS} (kept as one
   * platform, so {@code iPadOS 17} reads as iOS 17) or {@code macOS}. A device that runs none of
   * them is told so in these words, not in the name of the half the user did not write.
   */
  public String platformNames() {
    return platform.equals("ios") ? "iOS or iPadOS" : "macOS";
  }

  @Override
  public String toString() {
    return platformName() + " " + major;
  }
}
