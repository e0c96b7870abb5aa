package dev.devq.doc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The short hashes a result marker carries. Line breaks are normalized first, so a checkout that
 * turns LF into CRLF does not make every result look stale or edited.
 */
final class Hashes {
  /** Hex digits kept: 48 bits, plenty to notice a change, short enough to read in a diff. */
  static final int LENGTH = 12;

  private Hashes() {}

  /** The short hash of a text. */
  static String of(String text) {
    return full(text).substring(0, LENGTH);
  }

  /**
   * The hash of a block's query in its context: the blocks before it share their {@code let}
   * bindings with it, so a change to any of them must make this block stale too.
   */
  static String chain(String previous, String text) {
    return full(previous + "\u0000" + text);
  }

  static String full(String text) {
    String normalized = text.replace("\r\n", "\n").replace('\r', '\n');
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(normalized.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }
}
