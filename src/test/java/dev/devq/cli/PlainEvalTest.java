package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code devq eval} with queries only, run without picocli, prints and exits exactly as the command
 * line does: answers, checks, tables, errors in a query or in the knowledge base's names, several
 * queries sharing lets, and the shell-split query.
 */
class PlainEvalTest {
  private static final List<String[]> COMMAND_LINES =
      List.of(
          new String[] {"eval", "1 + 1"},
          new String[] {"eval", "latency(mobilenet_v2, a16, throttled)"},
          new String[] {"eval", "latency(mobilenet_v2, a16) < 1ms"},
          new String[] {"eval", "latency(resnet152, ?, throttled) < 4ms"},
          new String[] {"eval", "let m = resnet50", "latency(m, a16)"},
          new String[] {"eval", "latency(mobilnet_v2, a16)"},
          new String[] {"eval", "latency(mobilenet_v2, a16"},
          new String[] {"eval", "1", "+", "2"},
          new String[] {"eval", ""},
          new String[] {"eval", "check \"fails\": 2 ms > 3 ms"},
          new String[] {"eval", "[iphone_12, iphone_15_pro].ram"},
          new String[] {"eval", "latency(m, a16)"},
          new String[] {"eval", "\"µs → ∞\""});

  @Test
  void printsAndExitsAsTheCommandLineDoes() {
    for (String[] args : COMMAND_LINES) {
      assertTrue(PlainEval.applies(args), String.join(" ", args));
      var out = new StringWriter();
      var err = new StringWriter();
      int code = PlainEval.run(new PrintWriter(out), new PrintWriter(err), args);
      String plain = "exit: " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
      assertEquals(
          QuickCommandLineTest.run(Main.commandLine(), args), plain, String.join(" ", args));
    }
  }

  @Test
  void anythingButQueriesTakesTheUsualPath() {
    assertFalse(PlainEval.applies("eval"));
    assertFalse(PlainEval.applies("eval", "--help"));
    assertFalse(PlainEval.applies("eval", "1 + 1", "--format", "json"));
    assertFalse(PlainEval.applies("eval", "--", "-1"));
    assertFalse(PlainEval.applies("eval", "@queries.txt"));
    assertFalse(PlainEval.applies("eval", "1", "--profiles", "dir"));
    assertFalse(PlainEval.applies("check", "q.devq"));
    assertFalse(PlainEval.applies("evl", "1 + 1"));
  }
}
