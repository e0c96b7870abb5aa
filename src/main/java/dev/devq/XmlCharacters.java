package dev.devq;

/**
 * Text an XML 1.0 document can hold. XML forbids some characters even escaped (control characters
 * other than tab and line breaks, U+FFFE and U+FFFF, unpaired surrogates), and the writers devq
 * uses escape markup but pass those through: one of them in a plot's title or a check's label made
 * the whole SVG or JUnit report malformed, so no browser or CI system read it. Both documents go
 * through here before they are written.
 */
public final class XmlCharacters {
  private XmlCharacters() {}

  /** {@code xml} without the characters XML 1.0 forbids; everything else as it was. */
  public static String only(String xml) {
    var out = new StringBuilder(xml.length());
    xml.codePoints().filter(XmlCharacters::allowed).forEach(out::appendCodePoint);
    return out.toString();
  }

  private static boolean allowed(int c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD)
        || c >= 0x10000;
  }
}
