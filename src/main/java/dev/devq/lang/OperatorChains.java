package dev.devq.lang;

import dev.devq.lang.antlr.DevqLexer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.antlr.v4.runtime.Token;

/**
 * Refuses, before the parser sees it, a run of operators longer than the parse tree may be deep: a
 * flat {@code 1 ms < 1 ms < … } or {@code 1 + 1 + …} of thousands of links is a tree as deep as it
 * is long, which the parse would refuse anyway, but only after ANTLR's prediction had spent time
 * quadratic in its length on it (32,000 links: two minutes). Counting is one pass over the tokens:
 * operators at the same bracket depth, counted afresh after each comma and, outside brackets, on
 * each new line (a new statement).
 */
final class OperatorChains {
  private OperatorChains() {}

  private static final Set<String> OPERATORS =
      Set.of(
          "'.'", "'-'", "'+'", "'*'", "'/'", "'<'", "'<='", "'>'", "'>='", "'=='", "'!='", "'and'",
          "'or'", "'not'", "'in'");

  /** The operator at which a chain passes {@code limit} links, or null when none does. */
  static Token tooLong(String text, int limit) {
    DevqLexer lexer = AstBuilder.lexer(text);
    lexer.removeErrorListeners();
    Deque<int[]> counts = new ArrayDeque<>();
    counts.push(new int[1]);
    int line = -1;
    for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
      if (t.getChannel() != Token.DEFAULT_CHANNEL) {
        continue;
      }
      String literal = DevqLexer.VOCABULARY.getLiteralName(t.getType());
      if (counts.size() == 1 && t.getLine() != line) {
        counts.peek()[0] = 0;
      }
      line = t.getLine();
      if (literal == null) {
        continue;
      }
      switch (literal) {
        case "'('", "'['" -> counts.push(new int[1]);
        case "')'", "']'" -> {
          if (counts.size() > 1) {
            counts.pop();
          }
        }
        case "','", "';'" -> counts.peek()[0] = 0;
        default -> {
          if (OPERATORS.contains(literal) && ++counts.peek()[0] > limit) {
            return t;
          }
        }
      }
    }
    return null;
  }
}
