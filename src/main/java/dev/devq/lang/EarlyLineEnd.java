package dev.devq.lang;

import dev.devq.lang.antlr.DevqParser;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * A statement cut off at the end of its line: {@code check "a": latency(m, a16) <} followed by a
 * line that begins the next statement. The parser only notices at the next line's first token, but
 * the mistake is at the end of the unfinished line, so the error points there and says the line
 * ended early. A statement may continue on the next line (after an operator, inside brackets); this
 * applies only when the next line cannot continue it and begins a statement of its own, as error
 * recovery reads it.
 *
 * <pre>{@code
 * error[SYNTAX]: the line ends before the expression after '<'
 *  --> bad.devq:1:40
 * }</pre>
 */
final class EarlyLineEnd {
  private EarlyLineEnd() {}

  /** The diagnostic for a statement cut off before {@code offending}, or null when it is not. */
  static Diagnostic diagnose(Parser parser, Token offending, SourceText source) {
    ParserRuleContext statement = statementOf(parser.getContext());
    if (statement == null || offending.getType() == Token.EOF) {
      return null;
    }
    TokenStream tokens = parser.getInputStream();
    Token last = previousSignificant(tokens, offending);
    if (last == null || last.getLine() >= offending.getLine()) {
      return null;
    }
    Token start = statement.getStart();
    if (last.getTokenIndex() < start.getTokenIndex()
        || !StatementRecovery.beginsStatementAt(
            parser,
            offending,
            start,
            StatementRecovery.depth(tokens, start, last.getTokenIndex() + 1))) {
      return null;
    }
    int from = source.offsetOfCodePoint(start.getStartIndex());
    int cut = source.offsetOfCodePoint(last.getStopIndex() + 1);
    String expected = Completeness.expectedAtEnd(source.text().substring(from, cut));
    if (expected == null) {
      return null;
    }
    String after = "'" + last.getText() + "'";
    boolean expression = ExpectedTokens.EXPRESSION.equals(expected);
    String message =
        expression
            ? "the line ends before the expression after " + after
            : "the line ends before the statement is complete";
    int nextAt = source.offsetOfCodePoint(offending.getStartIndex());
    return Diagnostic.error(DiagnosticCode.SYNTAX, message, source, Span.at(cut))
        .withLabel(expression ? "expected an expression after " + after : "expected " + expected)
        .withNote(
            "'"
                + offending.getText()
                + "' on line "
                + source.line(nextAt)
                + " begins the next statement");
  }

  private static ParserRuleContext statementOf(ParserRuleContext context) {
    for (ParserRuleContext c = context; c != null; c = c.getParent()) {
      if (c instanceof DevqParser.StatementContext) {
        return c;
      }
    }
    return null;
  }

  /** Whether {@code token} is the first token of its line that the parser sees. */
  static boolean startsLine(TokenStream tokens, Token token) {
    Token previous = previousSignificant(tokens, token);
    return previous == null || previous.getLine() < token.getLine();
  }

  /** The nearest token before {@code token} that the parser sees (not blank, not a comment). */
  static Token previousSignificant(TokenStream tokens, Token token) {
    for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
      if (tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL) {
        return tokens.get(i);
      }
    }
    return null;
  }
}
