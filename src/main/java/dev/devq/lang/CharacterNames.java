package dev.devq.lang;

import java.util.Locale;

/**
 * How a character a user typed is shown in a message and in the echoed source line. A NUL byte, a
 * zero-width space or a bidirectional override quoted as itself shows nothing (or reorders the
 * terminal's line), and a Cyrillic {@code а} looks exactly like the Latin {@code a} it replaced; so
 * a character outside ASCII is named by its code point and Unicode name, and one that shows nothing
 * is never printed raw.
 *
 * <pre>{@code
 * CharacterNames.describe(0x200B)   // U+200B (zero width space)
 * CharacterNames.describe(0x0430)   // 'а' (U+0430, cyrillic small letter a)
 * CharacterNames.visible("1 +\0 1") // 1 +␀ 1
 * }</pre>
 */
public final class CharacterNames {
  private static final int REPLACEMENT = 0xFFFD;

  private CharacterNames() {}

  /** Longer names than this are cut in a message's headline ({@link #headline}). */
  private static final int HEADLINE_NAME = 60;

  /**
   * A name as a headline quotes it: whole when short, else its first {@value #HEADLINE_NAME}
   * characters, {@code …} and its length, since the source excerpt under the headline already shows
   * where it is and a headline of a 100,000-character name would fill the terminal.
   */
  public static String headline(String name) {
    int n = name.codePointCount(0, name.length());
    if (n <= HEADLINE_NAME) {
      return name;
    }
    return name.substring(0, name.offsetByCodePoints(0, HEADLINE_NAME))
        + "… ("
        + n
        + " characters)";
  }

  /** The character for a message: quoted, with its code point and name unless it is ASCII. */
  public static String describe(int cp) {
    if (cp >= 0x20 && cp < 0x7F) {
      return "'" + (char) cp + "'";
    }
    String code = String.format(Locale.ROOT, "U+%04X", cp);
    String name = Character.getName(cp);
    String named = name == null ? "" : name.toLowerCase(Locale.ROOT);
    if (invisible(cp)) {
      return named.isEmpty() ? code : code + " (" + named + ")";
    }
    return "'"
        + Character.toString(cp)
        + "' ("
        + code
        + (named.isEmpty() ? "" : ", " + named)
        + ")";
  }

  /**
   * {@code line} with each character that shows nothing made visible, one code point for one, so
   * columns and carets stay where they were: a control character as its Unicode control picture
   * ({@code ␀}), any other (a zero-width space, a bidirectional override) as {@code �}. A tab is
   * left for the renderer, and the two joiners that build emoji and scripts are kept.
   */
  public static String visible(String line) {
    if (line.codePoints().noneMatch(cp -> cp != '\t' && hidden(cp))) {
      return line;
    }
    var out = new StringBuilder(line.length());
    line.codePoints()
        .forEach(
            cp -> {
              if (cp == '\t' || !hidden(cp)) {
                out.appendCodePoint(cp);
              } else if (cp < 0x20) {
                out.appendCodePoint(0x2400 + cp);
              } else if (cp == 0x7F) {
                out.appendCodePoint(0x2421);
              } else {
                out.appendCodePoint(REPLACEMENT);
              }
            });
    return out.toString();
  }

  /** Whether a character leaves no mark of its own where it stands (space included). */
  private static boolean invisible(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL,
              Character.FORMAT,
              Character.SPACE_SEPARATOR,
              Character.LINE_SEPARATOR,
              Character.PARAGRAPH_SEPARATOR,
              Character.NON_SPACING_MARK,
              Character.ENCLOSING_MARK,
              Character.UNASSIGNED,
              Character.PRIVATE_USE,
              Character.SURROGATE ->
          true;
      default -> false;
    };
  }

  /** Whether printing a character raw would hide it or disturb the line around it. */
  private static boolean hidden(int cp) {
    int type = Character.getType(cp);
    return type == Character.CONTROL
        || type == Character.FORMAT && cp != 0x200C && cp != 0x200D
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR;
  }
}
