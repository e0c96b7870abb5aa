package dev.devq.kb;

/**
 * A major OS release devq knows of, with where that is known from: {@code platform} as {@link
 * OsVersion#platform()} writes it ({@code ios}, which iPadOS shares, or {@code macos}).
 */
public record OsRelease(String platform, int major, Provenance provenance) {
  public OsRelease {
    if (platform == null || provenance == null || major < 0) {
      throw new IllegalArgumentException(
          "a release needs a platform, a major version and a source");
    }
  }

  public OsVersion version() {
    return new OsVersion(platform, major);
  }
}
