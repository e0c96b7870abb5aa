package dev.devq.lang;

import dev.devq.lang.antlr.DevqParser;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The tokens that can begin a rule of the grammar, read from the parser's ATN rather than listed by
 * hand, so a new way to begin a statement or an expression reaches error recovery and the expected
 * lists of syntax errors with the grammar change alone.
 *
 * <pre>{@code
 * FirstTokens.EXPRESSION.contains(DevqParser.NOT)   // true: 'not' begins an expression
 * }</pre>
 */
final class FirstTokens {
  /** Tokens that can begin a statement. */
  static final IntervalSet STATEMENT = of(DevqParser.RULE_statement);

  /** Tokens that can begin an expression. */
  static final IntervalSet EXPRESSION = of(DevqParser.RULE_expr);

  private FirstTokens() {}

  /** ANTLR computes the set once per state and makes it read-only, so it may be shared. */
  private static IntervalSet of(int rule) {
    ATN atn = DevqParser._ATN;
    return atn.nextTokens(atn.ruleToStartState[rule]);
  }
}
