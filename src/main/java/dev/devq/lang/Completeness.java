package dev.devq.lang;

import dev.devq.lang.antlr.DevqParser;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/**
 * Whether query text is finished or needs more lines, for a REPL that continues input on a second
 * prompt as jshell does: {@code latency(m, a16,} (an open bracket), {@code 1 +} (a trailing
 * operator) and {@code let m =} need more; complete statements and input with an error before its
 * end do not (the error is reported at once).
 *
 * <pre>{@code
 * Completeness.needsMore("latency(mobilenet_v2,")   // true
 * Completeness.needsMore("latency(mobilenet_v2))")  // false: an error, not unfinished input
 * }</pre>
 */
public final class Completeness {
  private Completeness() {}

  /** True when the text is the start of valid input and every syntax error is at its end. */
  public static boolean needsMore(String text) {
    return expectedAtEnd(text) != null;
  }

  /**
   * What the text needs next when it is the start of valid input that stops too early ({@code
   * "<expression>"} for {@code 1 ms <}); null when it is complete, blank or has an error before its
   * end.
   */
  static String expectedAtEnd(String text) {
    if (text.isBlank() || text.length() > AstBuilder.MAX_LENGTH) {
      return null;
    }
    var lexer = AstBuilder.lexer(text);
    lexer.removeErrorListeners();
    var parser = new DevqParser(new CommonTokenStream(lexer));
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.LL);
    FullContextErrorPrediction.install(parser);
    var first = new FirstError();
    parser.addErrorListener(first);
    try {
      parser.query();
    } catch (FirstError.Stop e) {
      // The first error decides; the rest of the parse is irrelevant.
    } catch (StackOverflowError | RuntimeException e) {
      // Let the real parse report what is wrong.
      return null;
    }
    return first.expectedAtEnd;
  }

  /** Records what was expected when the first syntax error is at the end of input, then stops. */
  private static final class FirstError extends BaseErrorListener {
    String expectedAtEnd;

    @Override
    public void syntaxError(
        Recognizer<?, ?> recognizer,
        Object offendingSymbol,
        int line,
        int charPositionInLine,
        String msg,
        RecognitionException e) {
      if (offendingSymbol instanceof Token t
          && t.getType() == Token.EOF
          && recognizer instanceof Parser parser) {
        expectedAtEnd = ExpectedTokens.describe(parser);
      }
      throw new Stop();
    }

    static final class Stop extends RuntimeException {
      Stop() {
        super(null, null, false, false);
      }
    }
  }
}
