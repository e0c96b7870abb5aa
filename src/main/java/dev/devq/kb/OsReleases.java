package dev.devq.kb;

import java.util.List;
import java.util.Optional;

/**
 * The major OS releases devq knows of ({@code releases.yaml}), so that a condition naming a release
 * that never shipped ({@code os = "iOS 19"}: Apple went from 18 to 26) or is not out ({@code "iOS
 * 99"}) is refused instead of being costed as if it existed. A platform with no release listed
 * refuses nothing: the knowledge base then has no ground to.
 *
 * <pre>{@code
 * kb.releases().unknown(OsVersion.parse("iOS 17"))   // empty
 * kb.releases().unknown(OsVersion.parse("iOS 21"))   // "there was no iOS 21: …", "did you mean …"
 * }</pre>
 */
public record OsReleases(List<OsRelease> known) {
  public static final OsReleases NONE = new OsReleases(List.of());

  public OsReleases {
    known = List.copyOf(known);
  }

  /** Why a release is not one devq knows, and what to write instead. */
  public record Unknown(String reason, String suggestion) {}

  /** Empty when {@code version} is a known release, or its platform lists none. */
  public Optional<Unknown> unknown(OsVersion version) {
    OsRelease below = null;
    OsRelease above = null;
    for (OsRelease r : known) {
      if (!r.platform().equals(version.platform())) {
        continue;
      }
      if (r.major() == version.major()) {
        return Optional.empty();
      }
      if (r.major() < version.major() && (below == null || r.major() > below.major())) {
        below = r;
      } else if (r.major() > version.major() && (above == null || r.major() < above.major())) {
        above = r;
      }
    }
    if (below == null && above == null) {
      return Optional.empty();
    }
    String name = version.toString();
    if (above == null) {
      return Optional.of(
          new Unknown(
              "the newest " + version.platformName() + " release devq knows is " + cited(below),
              meant(below)));
    }
    if (below == null) {
      return Optional.of(
          new Unknown(
              "the oldest " + version.platformName() + " release devq knows is " + cited(above),
              "devq's devices start with " + above.version()));
    }
    return Optional.of(
        new Unknown(
            "there was no " + name + ": after " + below.version() + " came " + cited(above),
            meant(above)));
  }

  private static String meant(OsRelease r) {
    return "did you mean \"" + r.version() + "\"?";
  }

  private static String cited(OsRelease r) {
    return r.version() + " [" + r.provenance().source() + "]";
  }
}
