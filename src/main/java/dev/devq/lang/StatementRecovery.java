package dev.devq.lang;

import dev.devq.lang.antlr.DevqParser;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * The parser's error strategy: one report per statement, then a fresh start at the next statement,
 * so every statement of a file that has a syntax error gets its report.
 *
 * <p>ANTLR's default strategy repairs a single token and resumes in the middle of the statement, so
 * one mistake raised several reports, and a stray token between statements ended the parse of the
 * rest of the file. Here an error anywhere inside a statement unwinds to that statement, the tokens
 * up to the next statement are skipped, and the parse goes on from there. A statement begins at
 * {@code ;}, at the end of input, or at the first token of a line when that token can begin a
 * statement and the line is not the indented continuation of a bracket the failed statement left
 * open; {@code check}, {@code let} and {@code table} begin one at any line start.
 */
final class StatementRecovery extends DefaultErrorStrategy {
  private static final int SEMICOLON = literal("';'");
  private static final int OPEN_PAREN = literal("'('");
  private static final int CLOSE_PAREN = literal("')'");
  private static final int OPEN_BRACKET = literal("'['");
  private static final int CLOSE_BRACKET = literal("']'");

  /** No single-token repair: the statement is given up, so a guess would only add reports. */
  @Override
  public Token recoverInline(Parser parser) throws RecognitionException {
    throw nextTokensContext == null
        ? new InputMismatchException(parser)
        : new InputMismatchException(parser, nextTokensState, nextTokensContext);
  }

  /**
   * Called in the catch block of the rule that failed. Inner rules pass the error on to the rule
   * that called them until the statement (or the entry rule) has it, which skips to the next
   * statement and clears the error condition so that statement's errors are reported.
   */
  @Override
  public void recover(Parser parser, RecognitionException e) throws RecognitionException {
    ParserRuleContext failed = parser.getContext();
    if (!(failed instanceof DevqParser.StatementContext) && failed.getParent() != null) {
      throw e;
    }
    Token start = failed.getStart();
    // a statement that failed at its first token skips at least that token, or it would begin again
    boolean mustConsume = parser.getInputStream().index() <= start.getTokenIndex();
    skipToNextStatement(parser, start, mustConsume);
    endErrorCondition(parser);
  }

  /**
   * Between statements a token that cannot begin one ({@code )} after a complete statement) is
   * reported and skipped up to the next statement; inside a statement a token that does not fit
   * fails the statement at once rather than being deleted.
   */
  @Override
  public void sync(Parser parser) throws RecognitionException {
    if (inErrorRecoveryMode(parser)) {
      return;
    }
    ATNState state = parser.getInterpreter().atn.states.get(parser.getState());
    IntervalSet next = parser.getATN().nextTokens(state);
    int la = parser.getInputStream().LA(1);
    if (next.contains(la)) {
      nextTokensContext = null;
      nextTokensState = ATNState.INVALID_STATE_NUMBER;
      return;
    }
    if (next.contains(Token.EPSILON)) {
      if (nextTokensContext == null) {
        nextTokensContext = parser.getContext();
        nextTokensState = parser.getState();
      }
      return;
    }
    if (parser.getContext() instanceof DevqParser.QueryContext) {
      reportError(parser, new InputMismatchException(parser));
      skipToNextStatement(parser, parser.getCurrentToken(), true);
      endErrorCondition(parser);
      return;
    }
    switch (state.getStateType()) {
      case ATNState.BLOCK_START,
              ATNState.STAR_BLOCK_START,
              ATNState.PLUS_BLOCK_START,
              ATNState.STAR_LOOP_ENTRY,
              ATNState.PLUS_LOOP_BACK,
              ATNState.STAR_LOOP_BACK ->
          throw new InputMismatchException(parser);
      default -> {
        // other states decide nothing here; the next match or prediction reports the error
      }
    }
  }

  /**
   * Consumes tokens until one that begins a statement. Bracket depth and indentation are counted
   * from {@code start}, the failed statement's first token.
   */
  private static void skipToNextStatement(Parser parser, Token start, boolean mustConsume) {
    TokenStream tokens = parser.getInputStream();
    int depth = depth(tokens, start, tokens.index());
    boolean consume = mustConsume;
    while (consume || !beginsStatementAt(parser, tokens.LT(1), start, depth)) {
      consume = false;
      if (tokens.LA(1) == Token.EOF) {
        return;
      }
      depth += nesting(tokens.LA(1));
      parser.consume();
    }
  }

  /** How many brackets the tokens from {@code start} up to {@code end} (exclusive) leave open. */
  static int depth(TokenStream tokens, Token start, int end) {
    int depth = 0;
    for (int i = start.getTokenIndex(); i < end; i++) {
      depth += nesting(tokens.get(i).getType());
    }
    return depth;
  }

  /**
   * Whether error recovery starts a new statement at {@code next}, after a statement that began at
   * {@code start} and left {@code depth} brackets open.
   */
  static boolean beginsStatementAt(Parser parser, Token next, Token start, int depth) {
    int type = next.getType();
    if (type == Token.EOF || type == SEMICOLON) {
      return true;
    }
    if (!EarlyLineEnd.startsLine(parser.getInputStream(), next)
        || !FirstTokens.STATEMENT.contains(type)) {
      return false;
    }
    // an indented line inside a bracket the statement opened continues it; 'check', 'let' and
    // 'table' occur only at the start of a statement
    return type == DevqParser.CHECK
        || type == DevqParser.LET
        || type == DevqParser.TABLE
        || depth <= 0
        || next.getCharPositionInLine() <= start.getCharPositionInLine();
  }

  private static int nesting(int type) {
    if (type == OPEN_PAREN || type == OPEN_BRACKET) {
      return 1;
    }
    return type == CLOSE_PAREN || type == CLOSE_BRACKET ? -1 : 0;
  }

  /** The type of the punctuation token written {@code text} (the grammar leaves them unnamed). */
  private static int literal(String text) {
    for (int type = 1; type <= DevqParser.VOCABULARY.getMaxTokenType(); type++) {
      if (text.equals(DevqParser.VOCABULARY.getLiteralName(type))) {
        return type;
      }
    }
    throw new IllegalStateException("the grammar has no token " + text);
  }
}
