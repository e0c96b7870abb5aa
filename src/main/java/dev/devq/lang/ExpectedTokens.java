package dev.devq.lang;

import dev.devq.lang.antlr.DevqLexer;
import dev.devq.lang.antlr.DevqParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * What a syntax error says the parser expected, in the user's words: every token that can begin an
 * expression folds into one {@code <expression>}, keywords and punctuation are quoted, and a long
 * list ends in "…".
 *
 * <pre>{@code
 * ExpectedTokens.describe(parser)   // "<expression>" after "1 ms <", "')', ','" inside a call
 * }</pre>
 */
final class ExpectedTokens {
  /** The word for "any expression" in an expected list. */
  static final String EXPRESSION = "<expression>";

  /** What a statement lacks when a second one follows it on its line. */
  static final String STATEMENT_BREAK = "an operator, or ';' or a new line before a new statement";

  /**
   * The quoted keywords and punctuation that begin an expression ({@code 'not'}, {@code '('}, …):
   * one word covers them.
   */
  private static final Set<String> EXPRESSION_STARTS = literals(FirstTokens.EXPRESSION);

  /** What is expected where only a name may stand: after {@code let}, a quantifier, a dot. */
  static final String NAME = "a name";

  private ExpectedTokens() {}

  /**
   * Whether the parser takes nothing but a name at its current state ({@code let _ =}, {@code all _
   * in}, {@code x._}): a name there is no expression, so the list must not say one.
   */
  static boolean onlyName(Parser parser) {
    IntervalSet set = expected(parser);
    return set != null && set.size() == 1 && set.contains(DevqLexer.IDENT);
  }

  /** The tokens the parser can take at its current state, or null when ANTLR cannot tell. */
  private static IntervalSet expected(Parser parser) {
    try {
      return parser.getExpectedTokens();
    } catch (IllegalArgumentException | IllegalStateException e) {
      return null;
    }
  }

  /** The tokens the parser can take at its current state; empty when ANTLR cannot tell. */
  static String describe(Parser parser) {
    IntervalSet set = expected(parser);
    if (set == null) {
      return "";
    }
    if (onlyName(parser)) {
      return NAME;
    }
    var names = new TreeSet<String>();
    boolean expression = false;
    for (int type : set.toArray()) {
      switch (type) {
        case DevqLexer.NUMBER, DevqLexer.STRING, DevqLexer.IDENT, DevqLexer.TRUE, DevqLexer.FALSE ->
            expression = true;
        case Token.EOF -> names.add("end of input");
        default -> {
          String literal = parser.getVocabulary().getLiteralName(type);
          if (literal != null) {
            names.add(literal);
          }
        }
      }
    }
    var parts = new ArrayList<String>();
    if (expression) {
      parts.add(EXPRESSION);
      names.removeAll(EXPRESSION_STARTS);
    }
    parts.addAll(names);
    if (parts.size() > 6) {
      return String.join(", ", parts.subList(0, 6)) + ", …";
    }
    return String.join(", ", parts);
  }

  private static Set<String> literals(IntervalSet types) {
    var out = new HashSet<String>();
    for (int type : types.toArray()) {
      String literal = DevqParser.VOCABULARY.getLiteralName(type);
      if (literal != null) {
        out.add(literal);
      }
    }
    return Set.copyOf(out);
  }
}
