package dev.devq.lang;

import dev.devq.lang.antlr.DevqParser;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Two arguments of a call with no comma between them: {@code latency(mobilenet_v2 a16)}. Since
 * statements need no separator, the parser reads that as the name {@code latency} and then a
 * bracketed expression, so it expected only {@code ')'} after {@code mobilenet_v2}; with an earlier
 * comma ({@code latency(m, a16 throttled)}) it is inside the call and expects {@code ')'} or {@code
 * ','}. Either way the error is at the second argument, which could begin an expression, and says
 * that a comma may be what is missing.
 *
 * <pre>{@code
 * error[SYNTAX]: unexpected 'a16'
 *   |     ^^^ expected ',' or ')'
 *   = missing ',' between arguments?
 * }</pre>
 */
final class MissingComma {
  private MissingComma() {}

  /**
   * {@code unexpected}, the error at {@code offending}, saying that a comma may be missing before
   * it; null when a comma there would not continue a call.
   */
  static Diagnostic explain(Parser parser, Token offending, Diagnostic unexpected) {
    if (!FirstTokens.EXPRESSION.contains(offending.getType()) || !inArguments(parser)) {
      return null;
    }
    return unexpected.withLabel("expected ',' or ')'").withNote("missing ',' between arguments?");
  }

  /**
   * Whether the parser stopped right after an argument: at the end of a call's argument, or of a
   * bracket that follows a function name on its line ({@code latency(mobilenet_v2}), which is a
   * call the parser did not take as one.
   */
  private static boolean inArguments(Parser parser) {
    ParserRuleContext context = parser.getContext();
    if (context instanceof DevqParser.CallContext) {
      return true;
    }
    if (!(context instanceof DevqParser.ParensContext parens)) {
      return false;
    }
    Token open = parens.getStart();
    Token name = EarlyLineEnd.previousSignificant(parser.getInputStream(), open);
    return name != null && name.getLine() == open.getLine() && isCallee(name.getType());
  }

  private static boolean isCallee(int type) {
    return type == DevqParser.IDENT
        || type == DevqParser.MIN
        || type == DevqParser.MAX
        || type == DevqParser.SEARCH;
  }
}
