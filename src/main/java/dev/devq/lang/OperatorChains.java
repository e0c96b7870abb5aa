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
 *
 * <p>The same pass refuses brackets nested deeper than the tree may be: each bracket is at least
 * two levels of the tree (the bracket's expression and the one inside), so from the 100th open
 * bracket the parse refuses them too, but only after its prediction had looked ahead through every
 * bracket still open at each level it entered ({@code memory(quantize(} and 51,200 more: 17 s on a
 * fresh start, 1.6 s after).
 */
final class OperatorChains {
  private OperatorChains() {}

  private static final Set<String> OPERATORS =
      Set.of(
          "'.'", "'-'", "'+'", "'*'", "'/'", "'<'", "'<='", "'>'", "'>='", "'=='", "'!='", "'and'",
          "'or'", "'not'", "'in'");

  /**
   * The operator at which a chain passes {@code limit} links, or the bracket that opens level
   * {@code brackets} of nesting, or null when there is neither.
   */
  static Token tooLong(String text, int limit, int brackets) {
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
        case "'('", "'['" -> {
          if (counts.size() >= brackets) {
            return t;
          }
          counts.push(new int[1]);
        }
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
