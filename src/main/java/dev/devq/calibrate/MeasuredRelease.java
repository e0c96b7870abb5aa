package dev.devq.calibrate;

import dev.devq.kb.OsVersion;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OS release a measurement row was made on, read from its {@code method} or {@code notes} cell:
 * {@code iOS 13.5}, {@code iPadOS 17} (iPadOS counts as iOS), {@code macOS 14}, a minor and patch
 * version or none. A release followed by "or later" or "or newer" is what a tool asks for, not what
 * the row was measured on, and is passed over. A row that names none is predicted for the newest
 * release its target runs.
 *
 * <p>What it cannot read it refuses, rather than predict the row for the wrong release: a version
 * that is no release ({@code iOS 17.4.1.2}), a platform devq has no profiles for ({@code watchOS
 * 10}), or two different releases in one row.
 *
 * <pre>{@code
 * MeasuredRelease.read(Map.of("notes", "iOS 17; Float16")).release()   // iOS 17
 * MeasuredRelease.read(Map.of("method", "macOS 14.5")).release()       // macOS 14
 * }</pre>
 */
final class MeasuredRelease {
  private MeasuredRelease() {}

  /** The cells read, in order: the first to name a release gives the row's. */
  static final List<String> COLUMNS = List.of("method", "notes");

  /**
   * A platform name and the version after it. The version runs on over letters, digits and dots, so
   * that one devq cannot read ({@code iOS 17b}) is seen and refused, not cut short to 17.
   */
  private static final Pattern MENTION =
      Pattern.compile("(?i)\\b(iOS|iPadOS|macOS|watchOS|tvOS|visionOS)\\s*(\\d[\\w.]*+)");

  /** What makes a release a requirement: "iOS 15 or later". */
  private static final Pattern OR_LATER = Pattern.compile("(?i)\\s+or\\s+(?:later|newer)\\b");

  private static final List<String> READ = List.of("ios", "ipados", "macos");

  /**
   * What a row says: its release (null when it names none), or a problem in {@code column} from
   * {@code from} to {@code to} (offsets in that cell's text).
   */
  record Reading(OsVersion release, String problem, String column, int from, int to) {
    static Reading of(OsVersion release) {
      return new Reading(release, "", "", 0, 0);
    }

    boolean refused() {
      return !problem.isEmpty();
    }
  }

  /** Reads the release a row's cells name. */
  static Reading read(Map<String, String> cells) {
    OsVersion found = null;
    for (String column : COLUMNS) {
      String text = cells.getOrDefault(column, "");
      Matcher m = MENTION.matcher(text);
      while (m.find()) {
        // the mention itself, without a sentence's full stop after its version ("on iOS 17.")
        String mention = trimDot(m.group());
        if (OR_LATER.matcher(text).region(m.end(), text.length()).lookingAt()) {
          continue; // a requirement ("iOS 15 or later"), not where the row was measured
        }
        String platform = m.group(1);
        if (!READ.contains(platform.toLowerCase(java.util.Locale.ROOT))) {
          return refuse(
              "devq predicts for iOS, iPadOS and macOS releases, found '" + mention + "'",
              column,
              m);
        }
        OsVersion release;
        try {
          release = OsVersion.parse(platform + " " + trimDot(m.group(2)));
        } catch (IllegalArgumentException e) {
          return refuse(
              "expected a release such as 'iOS 17.4' or 'macOS 14', found '" + mention + "'",
              column,
              m);
        }
        if (found != null && !found.equals(release)) {
          return refuse(
              "the row names two releases, "
                  + found
                  + " and "
                  + release
                  + ": keep the one it was"
                  + " measured on",
              column,
              m);
        }
        found = release;
      }
      if (found != null) {
        return Reading.of(found);
      }
    }
    return Reading.of(null);
  }

  /** {@code text} without a final full stop. */
  private static String trimDot(String version) {
    return version.endsWith(".") ? version.substring(0, version.length() - 1) : version;
  }

  private static Reading refuse(String problem, String column, Matcher m) {
    return new Reading(null, problem, column, m.start(), m.end());
  }
}
