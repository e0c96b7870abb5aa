package dev.devq.doc;

import java.util.HashMap;
import java.util.Map;

/**
 * The HTML comment that opens a result region, invisible when the Markdown is rendered:
 *
 * <pre>{@code <!-- devq:result q=3f9a1c0b7e22 kb=5d0e9a7c4411 r=9b1f2e6a0c3d -->}</pre>
 *
 * {@code q} hashes the block's query (with the blocks before it, whose bindings it sees), {@code
 * kb} is the knowledge-base version the result was computed with, and {@code r} hashes the result
 * text itself, so a region edited by hand is told apart from one devq wrote. A result computed with
 * profile overlays ({@code --profiles}, front matter) also carries {@code shipped}, the version of
 * the shipped profiles alone, so a stale result can say whether the overlays are what changed; a
 * marker without it (all markers written before it existed) was computed without overlays. {@code
 * <!-- devq:end -->} closes the region.
 *
 * @param shipped the shipped profiles' version when overlays were loaded, else empty
 */
record ResultMarker(String query, String kb, String shipped, String result) {
  static final String START = "<!-- devq:result";
  static final String END = "<!-- devq:end -->";

  /** Whether an HTML block opens a result region (well-formed or not). */
  static boolean opens(String html) {
    return html.strip().startsWith(START);
  }

  static boolean closes(String html) {
    return html.strip().equals(END);
  }

  /** Reads a marker; {@code null} when it is not one devq could have written. */
  static ResultMarker parse(String html) {
    String s = html.strip();
    if (!s.startsWith(START) || !s.endsWith("-->") || s.length() < START.length() + 3) {
      return null;
    }
    Map<String, String> fields = new HashMap<>();
    for (String word : s.substring(START.length(), s.length() - 3).strip().split("\\s+")) {
      int eq = word.indexOf('=');
      if (eq <= 0 || fields.put(word.substring(0, eq), word.substring(eq + 1)) != null) {
        return null;
      }
    }
    String shipped = fields.getOrDefault("shipped", "");
    if (fields.size() != (shipped.isEmpty() ? 3 : 4)
        || !hex(fields.get("q"))
        || !hex(fields.get("kb"))
        || !hex(fields.get("r"))
        || !shipped.isEmpty() && !hex(shipped)) {
      return null;
    }
    return new ResultMarker(fields.get("q"), fields.get("kb"), shipped, fields.get("r"));
  }

  /** Whether the result was computed with profile overlays on top of the shipped profiles. */
  boolean withOverlays() {
    return !shipped.isEmpty();
  }

  String line() {
    return START
        + " q="
        + query
        + " kb="
        + kb
        + (shipped.isEmpty() ? "" : " shipped=" + shipped)
        + " r="
        + result
        + " -->";
  }

  private static boolean hex(String s) {
    return s != null && !s.isEmpty() && s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
  }
}
