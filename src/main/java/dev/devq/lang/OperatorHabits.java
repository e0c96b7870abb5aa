package dev.devq.lang;

import java.util.List;

/**
 * Operators that other languages have and devq spells with a word or lacks: {@code &&}, {@code ||},
 * {@code !}, {@code =} to compare, {@code <>}, {@code **} and {@code ^}, {@code //} as a comment.
 * The parser sees only an unexpected character or a second operator where an expression should
 * begin, so without this the error says "unexpected '*'" and leaves the user to guess.
 *
 * <pre>{@code
 * true && false   // unexpected '&&', note: devq writes 'and': a and b
 * 2 ** 3          // devq has no power operator
 * 1 = 1           // note: to compare, write '=='
 * }</pre>
 */
final class OperatorHabits {
  private OperatorHabits() {}

  /**
   * The error for a habit at {@code offset}, where the parser or lexer stopped, or null when the
   * text there is no operator of another language.
   */
  static Diagnostic at(SourceText source, int offset) {
    String text = source.text();
    if (offset < 0 || offset >= text.length()) {
      return null;
    }
    char c = text.charAt(offset);
    char before = offset > 0 ? text.charAt(offset - 1) : ' ';
    char after = offset + 1 < text.length() ? text.charAt(offset + 1) : ' ';
    return switch (c) {
      case '&' -> word(source, offset, after == '&' ? 2 : 1, "and", "a and b");
      case '|' -> word(source, offset, after == '|' ? 2 : 1, "or", "a or b");
      case '!' -> after == '=' ? null : word(source, offset, 1, "not", "not a");
      case '^' -> power(source, offset, 1);
      case '*' -> before == '*' ? power(source, offset - 1, 2) : null;
      case '/' ->
          before == '/' || after == '/'
              ? error(source, before == '/' ? offset - 1 : offset, 2, "not a comment")
                  .withNote("a comment begins with '#' and runs to the end of its line")
              : null;
      case '>' ->
          before == '<'
              ? error(source, offset - 1, 2, "not an operator of devq")
                  .withNote("write '!=' for 'not equal'")
              : null;
      case '=' -> comparesWithOneSign(source, offset) ? equals(source, offset) : null;
      default -> null;
    };
  }

  private static Diagnostic word(
      SourceText source, int offset, int length, String word, String example) {
    return error(source, offset, length, "not an operator of devq")
        .withNote("devq writes '" + word + "': " + example);
  }

  private static Diagnostic power(SourceText source, int offset, int length) {
    return error(source, offset, length, "devq has no power operator")
        .withNote("multiply it out (2 * 2 * 2) or write the value");
  }

  private static Diagnostic equals(SourceText source, int offset) {
    return error(source, offset, 1, "'=' names a value only in let and in a named argument")
        .withNote("to compare, write '=='");
  }

  /**
   * Whether a lone {@code =} follows what ends an expression ({@code 1 = 1}, {@code d.year = 2021})
   * outside a let: there it can only have meant {@code ==}. After {@code let} or an open bracket or
   * a comma the mistake is elsewhere (a missing name), and a hint to compare would mislead.
   */
  private static boolean comparesWithOneSign(SourceText source, int offset) {
    int lineStart = source.lineStart(offset);
    List<Tokens.Token> tokens = Tokens.significant(source.text().substring(lineStart, offset));
    if (tokens.isEmpty() || "let".equals(tokens.get(0).text())) {
      return false;
    }
    Tokens.Token last = tokens.get(tokens.size() - 1);
    return switch (last.kind()) {
      case NAME, NUMBER, UNIT, STRING -> true;
      case PUNCTUATION -> ")".equals(last.text()) || "]".equals(last.text());
      default -> false;
    };
  }

  private static Diagnostic error(SourceText source, int offset, int length, String label) {
    Span span = new Span(offset, offset + length);
    return Diagnostic.error(
            DiagnosticCode.SYNTAX, "unexpected '" + source.slice(span) + "'", source, span)
        .withLabel(label);
  }
}
