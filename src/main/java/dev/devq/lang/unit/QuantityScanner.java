package dev.devq.lang.unit;

/**
 * A quantity as profiles write it ({@code 51.2 GB/s}, {@code -3 dB}, {@code 1_000 MB}, {@code 69%})
 * read by hand, without the query grammar.
 *
 * <p>Profiles hold about a thousand such strings and loading them is most of devq's start-up; the
 * parser behind the full grammar costs far more per string in a cold JVM than this scanner. It
 * accepts only what the grammar's {@code standaloneQuantity} rule accepts with a unit the registry
 * knows, and answers {@code null} for anything else, so that the grammar can then produce the exact
 * diagnostic (position, suggestion) a query would get. A test checks both agree on every quantity
 * of the shipped profiles and on a table of edge cases.
 */
final class QuantityScanner {
  private final String text;
  private int pos;

  private QuantityScanner(String text) {
    this.text = text;
  }

  /** The quantity {@code text} denotes, or null when only the grammar can say what is wrong. */
  static Quantity scan(String text, UnitRegistry units) {
    return new QuantityScanner(text).quantity(units);
  }

  private Quantity quantity(UnitRegistry units) {
    skipSpace();
    boolean negative = eat('-');
    skipSpace();
    int start = pos;
    if (!number()) {
      return null;
    }
    double value = Double.parseDouble(text.substring(start, pos).replace("_", ""));
    skipSpace();
    String unit = unit();
    skipSpace();
    if (unit == null || pos != text.length()) {
      return null;
    }
    double signed = negative ? -value : value;
    if (unit.isEmpty()) {
      return Quantity.number(signed);
    }
    Unit u = units.find(unit);
    if (u == null) {
      return null;
    }
    // as QuantityParser.resolve
    return new Quantity(signed * u.factor(), u.dimension(), Quantity.literalDisplay(unit, u));
  }

  /** NUMBER of the grammar: {@code DIGITS ('.' DIGITS)? exponent? | '.' DIGITS exponent?}. */
  private boolean number() {
    if (digits()) {
      if (peek() == '.' && isDigit(peekAt(1))) {
        pos++;
        digits();
      }
    } else if (peek() == '.' && isDigit(peekAt(1))) {
      pos++;
      digits();
    } else {
      return false;
    }
    int mark = pos;
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digits()) {
        pos = mark; // "5e" is a number followed by the unit "e": leave it to the unit rule
      }
    }
    return !misplaced;
  }

  /**
   * DIGITS of the grammar: {@code [0-9]+ ('_' [0-9]+)*}, one '_' between two digits. A run of
   * digits and underscores with any other '_' ({@code 1__0}, {@code 1_}) is the grammar's
   * MISPLACED_SEPARATOR: it marks the number {@link #misplaced}.
   */
  private boolean digits() {
    if (!isDigit(peek())) {
      return false;
    }
    int start = pos;
    while (isDigit(peek()) || peek() == '_') {
      pos++;
    }
    String run = text.substring(start, pos);
    misplaced |= run.endsWith("_") || run.contains("__");
    return true;
  }

  /** Whether a digit separator of the number stands other than between two digits. */
  private boolean misplaced;

  /**
   * The unit after the number: "" when there is none, null when what follows is not a unit token
   * this scanner is sure of ({@code %}, {@code GB/s}, or a name of letters, digits and
   * underscores).
   */
  private String unit() {
    if (pos == text.length()) {
      return "";
    }
    if (peek() == '%') {
      pos++;
      return "%";
    }
    int start = pos;
    if (!isLetter(peek())) {
      return null;
    }
    while (isLetter(peek())) {
      pos++;
    }
    if (peek() == '/' && isLetter(peekAt(1))) {
      pos++;
      while (isLetter(peek())) {
        pos++;
      }
      return text.substring(start, pos);
    }
    while (isLetter(peek()) || isDigit(peek()) || peek() == '_') {
      pos++;
    }
    return text.substring(start, pos);
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n\u00A0".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private boolean eat(char c) {
    if (peek() == c) {
      pos++;
      return true;
    }
    return false;
  }

  private char peek() {
    return peekAt(0);
  }

  private char peekAt(int offset) {
    int i = pos + offset;
    return i < text.length() ? text.charAt(i) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** LETTER of the grammar: ASCII letters and the two micro signs. */
  private static boolean isLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '\u00B5' || c == '\u03BC';
  }
}
