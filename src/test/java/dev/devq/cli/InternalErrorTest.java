package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * A failure of devq itself is reported by one function, in the command line and in the REPL alike:
 * the first line of the failure (never a multi-line message or a trace) and what to report. The
 * REPL once printed the whole failure through its own copy.
 */
class InternalErrorTest {
  private static final IllegalStateException FAILURE =
      new IllegalStateException("no layer named conv1\n  at layer 3 of 12");

  @Test
  void theCommandLineAsksForTheCommand() {
    var sw = new StringWriter();
    assertEquals(ExitCodes.INTERNAL, Main.internalError(new PrintWriter(sw), FAILURE));
    assertEquals(
        "devq: internal error: java.lang.IllegalStateException: no layer named conv1\n"
            + "please report this with the command that caused it\n",
        sw.toString().replace(System.lineSeparator(), "\n"));
  }

  @Test
  void theReplAsksForTheInputInTheSameWords() {
    var sw = new StringWriter();
    assertEquals(ExitCodes.INTERNAL, Main.internalError(new PrintWriter(sw), FAILURE, "input"));
    assertEquals(
        "devq: internal error: java.lang.IllegalStateException: no layer named conv1\n"
            + "please report this with the input that caused it\n",
        sw.toString().replace(System.lineSeparator(), "\n"));
  }
}
