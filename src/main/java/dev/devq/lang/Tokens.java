package dev.devq.lang;

import dev.devq.lang.antlr.DevqLexer;
import dev.devq.lang.antlr.DevqParser;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Vocabulary;

/**
 * The query language's tokens, classified for highlighting and completion. Wraps the generated
 * lexer so that no ANTLR type leaves this package: the REPL colours and completes from the same
 * lexer the parser uses, never from regular expressions over names.
 *
 * <pre>{@code
 * Tokens.of("latency(m, a16) < 33ms")   // NAME, PUNCTUATION, NAME, …, OPERATOR, NUMBER, UNIT
 * }</pre>
 */
public final class Tokens {
  /** What a token is, as far as the lexer (and one token of context) can tell. */
  public enum Kind {
    /** {@code let}, {@code where}, {@code and}, … */
    KEYWORD,
    NUMBER,
    /** A unit written after a number: {@code ms} in {@code 33ms}, {@code GB/s}, {@code %}. */
    UNIT,
    STRING,
    /** An identifier: a function, entity, variable or word. */
    NAME,
    /** Arithmetic and comparison operators. */
    OPERATOR,
    /** Brackets, commas, {@code .}, {@code =}, {@code :}, {@code ?}, {@code ;}. */
    PUNCTUATION,
    COMMENT,
    SPACE,
    /** A character the language has no use for, such as the quote of an unterminated string. */
    ERROR
  }

  /**
   * One token; {@code start} and {@code end} are offsets into the text as {@link String#substring}
   * takes them.
   */
  public record Token(Kind kind, int start, int end, String text) {}

  private static final List<String> KEYWORDS = keywordsOf(DevqLexer.VOCABULARY);

  private Tokens() {}

  /** Every token of the text in order, whitespace and comments included, covering it completely. */
  public static List<Token> of(String text) {
    var lexer = AstBuilder.lexer(text);
    lexer.removeErrorListeners();
    List<Token> out = new ArrayList<>();
    boolean surrogates = text.length() != text.codePointCount(0, text.length());
    for (org.antlr.v4.runtime.Token t = lexer.nextToken();
        t.getType() != org.antlr.v4.runtime.Token.EOF;
        t = lexer.nextToken()) {
      // ANTLR counts code points; callers index Java strings.
      int start = surrogates ? text.offsetByCodePoints(0, t.getStartIndex()) : t.getStartIndex();
      int end =
          surrogates ? text.offsetByCodePoints(0, t.getStopIndex() + 1) : t.getStopIndex() + 1;
      out.add(new Token(kind(t.getType(), t.getText()), start, end, text.substring(start, end)));
    }
    return out;
  }

  /** The tokens that are not whitespace or comments. */
  public static List<Token> significant(String text) {
    return of(text).stream()
        .filter(t -> t.kind() != Kind.SPACE && t.kind() != Kind.COMMENT)
        .toList();
  }

  /** The keywords of the language, from the lexer's vocabulary. */
  public static List<String> keywords() {
    return KEYWORDS;
  }

  private static Kind kind(int type, String text) {
    switch (type) {
      case DevqLexer.NUMBER:
        return Kind.NUMBER;
      case DevqParser.NUMBER_UNIT:
        return Kind.UNIT;
      case DevqLexer.STRING:
        return Kind.STRING;
      case DevqLexer.UNIT_RATIO:
      case DevqLexer.IDENT:
      case DevqLexer.DOTTED_NAME:
        return Kind.NAME;
      case DevqLexer.COMMENT:
        return Kind.COMMENT;
      case DevqLexer.WS:
        return Kind.SPACE;
      case DevqLexer.UNEXPECTED:
      case DevqLexer.HEX_NUMBER: // no rule takes it: shown as the error it is
      case DevqLexer.MISPLACED_SEPARATOR:
        return Kind.ERROR;
      default:
        break;
    }
    if (KEYWORDS.contains(text)) {
      return Kind.KEYWORD;
    }
    if (type == DevqLexer.PERCENT) {
      return Kind.OPERATOR;
    }
    return "+-*/<=>!".indexOf(text.charAt(0)) >= 0 && !text.equals("=")
        ? Kind.OPERATOR
        : Kind.PUNCTUATION;
  }

  private static List<String> keywordsOf(Vocabulary vocabulary) {
    List<String> out = new ArrayList<>();
    for (int type = 1; type <= vocabulary.getMaxTokenType(); type++) {
      String literal = vocabulary.getLiteralName(type);
      if (literal != null && literal.length() > 2 && Character.isLetter(literal.charAt(1))) {
        out.add(literal.substring(1, literal.length() - 1));
      }
    }
    return List.copyOf(out);
  }
}
