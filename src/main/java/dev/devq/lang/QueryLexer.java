package dev.devq.lang;

import dev.devq.lang.antlr.DevqLexer;
import dev.devq.lang.antlr.DevqParser;
import java.util.ArrayDeque;
import java.util.Deque;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;

/**
 * The lexer of the language, deciding in the token stream which word is a number's unit: a word, a
 * ratio such as {@code GB/s}, {@code min} or {@code %} right after a number on the number's line
 * becomes a {@code NUMBER_UNIT} token, so {@code 33ms} and {@code 33 ms} are quantities while
 * {@code let k = 2} and then {@code k} on the next line are two statements, not 2k.
 *
 * <p>Why here and not in the grammar: a semantic predicate there ("the unit is on its number's
 * line") is ignored whenever ANTLR's prediction or error recovery looks past the number, so a real
 * error further down a file also made the parser reject a valid line after a number. A token type
 * leaves the parser nothing to guess.
 *
 * <pre>{@code
 * new QueryLexer(CharStreams.fromString("2 ms"))   // NUMBER, WS, NUMBER_UNIT
 * new QueryLexer(CharStreams.fromString("2\nms"))  // NUMBER, WS, IDENT
 * }</pre>
 */
final class QueryLexer extends DevqLexer {
  /** Tokens read ahead of the parser while looking for a number's unit. */
  private final Deque<Token> ahead = new ArrayDeque<>();

  QueryLexer(CharStream input) {
    super(input);
  }

  @Override
  public Token nextToken() {
    // A number read ahead is the last token read ahead, so its own unit is still to be read.
    Token token = ahead.isEmpty() ? super.nextToken() : ahead.removeFirst();
    if (token.getType() == NUMBER && ahead.isEmpty()) {
      readUnitAfter(token);
    }
    return token;
  }

  /** Reads on past spaces and comments to the next token, marking it when it is the unit. */
  private void readUnitAfter(Token number) {
    Token next = super.nextToken();
    while (next.getChannel() != Token.DEFAULT_CHANNEL) {
      ahead.addLast(next);
      next = super.nextToken();
    }
    if (next.getLine() == number.getLine() && canBeUnit(next.getType())) {
      ((WritableToken) next).setType(DevqParser.NUMBER_UNIT);
    }
    ahead.addLast(next);
  }

  private static boolean canBeUnit(int type) {
    return type == IDENT || type == UNIT_RATIO || type == MIN || type == PERCENT;
  }
}
