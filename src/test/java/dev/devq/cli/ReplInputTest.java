package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the REPL says about an input it did not run to the end: one stopped by Ctrl-C, one whose
 * {@code let} failed.
 */
class ReplInputTest {
  private final ReplState state = new ReplState(DevqAssertions.devq());
  private final StringWriter printed = new StringWriter();

  private String evaluate(String line) {
    return evaluate(line, 0);
  }

  /** A session on a terminal that reads keys as an xterm does. */
  private static ReplTest.Transcript xterm(String input) throws IOException {
    return ReplTest.run(new ReplState(DevqAssertions.devq()), input, "xterm");
  }

  /** What the input prints on a terminal {@code width} columns wide (0: unknown). */
  private String evaluate(String line, int width) {
    printed.getBuffer().setLength(0);
    InteractiveRepl.evaluate(state, line, new PrintWriter(printed, true), false, width);
    return printed.toString();
  }

  /**
   * A line longer than the terminal wraps on the screen; the caret line, as long, wrapped too and
   * landed after blank lines or under another row. The caret goes under the part of the line around
   * it, shown again no wider than the terminal.
   */
  @Test
  void aCaretUnderALineTooLongForTheTerminalIsUnderThatPartShownAgain() {
    String line = "[" + "iphone_12, ".repeat(12) + "foo, iphone_13]";
    List<String> rows = evaluate(line, 80).lines().toList();
    String indent = " ".repeat(InteractiveRepl.PROMPT.length());
    String shown = rows.get(0);
    assertTrue(shown.startsWith(indent + "…") && shown.length() < 80, shown);
    assertEquals(
        indent + " ".repeat(shown.indexOf("foo") - indent.length()) + "^^^ ",
        rows.get(1).substring(0, shown.indexOf("foo") + 4),
        rows.toString());
    assertEquals("error[UNKNOWN_NAME]: unknown name 'foo'", rows.get(2));
    // wide enough: the caret goes under the line as typed, which is not repeated
    List<String> wide = evaluate(line, 200).lines().toList();
    assertEquals(line.indexOf("foo") + indent.length(), wide.get(0).indexOf('^'), wide.toString());
  }

  /** Ctrl-C during an evaluation ended the JVM (exit 130) and every binding with it. */
  @Test
  void anInterruptedInputSaysSoAndKeepsTheSession() {
    evaluate("let m = mobilenet_v2");
    // what the terminal's Ctrl-C handler sets, here before the input starts
    state.interrupted.set(true);
    String output = evaluate("let n = resnet50; all d in devices: latency(m, d) < 1h");
    assertEquals("\n" + InteractiveRepl.INTERRUPTED + "\n", output);
    assertEquals(List.of("let m = mobilenet_v2"), state.bindings.history());
    assertFalse(state.bindings.binds("n"));
    state.interrupted.set(false);
    assertTrue(evaluate("m").contains("mobilenet_v2"), printed.toString());
  }

  /**
   * A bracketed paste of statements ending in a newline stopped at the continuation prompt with
   * nothing run; it runs them as a plain paste does, one input a line.
   */
  @Test
  void aBracketedPasteEndingInANewlineRunsItsLines() throws IOException {
    String paste = "\u001b[200~let a = 1\nlet b = a + 1\n\u001b[201~";
    ReplTest.Transcript t = xterm(paste + "b\n");
    assertEquals(
        List.of("let a = 1", "let b = a + 1", "b"), t.state().bindings.history(), t.output());
    // a paste without a newline at its end waits for Enter, as JLine's does
    ReplTest.Transcript waiting = xterm("\u001b[200~let c = 1\u001b[201~ + 1\n");
    assertEquals(List.of("let c = 1 + 1"), waiting.state().bindings.history());
  }

  /**
   * Ctrl-D at a continuation prompt listed every completion ("do you wish to see all 131
   * possibilities?"); it drops the unfinished input, deletes the character under the cursor on a
   * line with text, and ends the session on an empty first line.
   */
  @Test
  void ctrlDDropsAnUnfinishedInputDeletesOrLeaves() throws IOException {
    ReplTest.Transcript t =
        xterm(
            "latency(mobilenet_v2,\n\u0004xlet z = 1\u0001\u0004\nlet w = 2\u0004\n\u0004let y = 3\n");
    assertFalse(t.output().contains("possibilities"), t.output());
    assertEquals(List.of("let z = 1", "let w = 2"), t.state().bindings.history(), t.output());
    assertFalse(t.state().bindings.binds("y"), "Ctrl-D on an empty line did not leave");
  }

  /** A failed let said "'d' is left undefined" though the REPL kept d's earlier value. */
  @Test
  void aFailedLetSaysTheNameKeepsItsValue() {
    evaluate("let d = iphone_12");
    String again = evaluate("let d = foo");
    assertTrue(
        again.contains("= 'd' keeps its earlier value: an input with an error changes nothing"),
        again);
    assertFalse(again.contains("left undefined"), again);
    assertTrue(evaluate("d").contains("iphone_12"), printed.toString());
    String fresh = evaluate("let e = foo; e.year");
    assertTrue(
        fresh.contains("= 'e' stays undefined: an input with an error changes nothing"), fresh);
  }

  /** ':load f' piped into devq said only "unexpected ':'", as if the command were a typo. */
  @Test
  void aColonCommandOnStandardInputSaysWhereCommandsRun() {
    var in = new ByteArrayInputStream(":load review.devq\n".getBytes(StandardCharsets.UTF_8));
    var err = new StringWriter();
    int code =
        Repl.fromStdin(
            DevqAssertions.devq(), in, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(ExitCodes.BAD_INPUT, code);
    assertTrue(
        err.toString()
            .contains(
                "devq: standard input is read as a query file; ':' commands such as :load run"
                    + " only in the REPL on a terminal"),
        err.toString());
  }

  /**
   * A query file piped in is read as check reads one: a list of booleans showing false passed with
   * exit 0, and a table's boolean column was shown without the warning check gives.
   */
  @Test
  void standardInputRefusesAListOfBooleansAndWarnsOfATableColumnAsCheckDoes() {
    var err = new StringWriter();
    int code =
        Repl.fromStdin(
            DevqAssertions.devq(),
            new ByteArrayInputStream(
                "[latency(resnet50, iphone_12) < 1ms]\n".getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
    assertTrue(err.toString().contains("a list of booleans is not a check"), err.toString());

    var tableErr = new StringWriter();
    int tableCode =
        Repl.fromStdin(
            DevqAssertions.devq(),
            new ByteArrayInputStream(
                "table d in [iphone_12]: d, latency(resnet50, d) < 1ms as \"fits\"\n"
                    .getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(new StringWriter()),
            new PrintWriter(tableErr));
    assertEquals(ExitCodes.OK, tableCode, tableErr.toString());
    assertTrue(tableErr.toString().contains("warning"), tableErr.toString());
  }
}
