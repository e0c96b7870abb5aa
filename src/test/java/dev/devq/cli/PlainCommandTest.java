package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code devq eval} and {@code devq search} with queries only, run without picocli, print and exit
 * exactly as the command line does: answers, checks, tables, errors in a query or in the knowledge
 * base's names, several queries sharing lets, the shell-split query, and searches of every kind.
 */
class PlainCommandTest {
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
          new String[] {"eval", "\"µs → ∞\""},
          new String[] {"search", "layer norm"},
          new String[] {"search", "layer", "norm"},
          new String[] {"search", "layrnorm"},
          new String[] {"search", "category:activation"},
          new String[] {"search", "kind:device", "iphone 15"},
          new String[] {"search", "torch.nn.functional.frobnicate"},
          new String[] {"search", ""});

  @Test
  void printsAndExitsAsTheCommandLineDoes() {
    for (String[] args : COMMAND_LINES) {
      DevqCommand command = PlainCommand.of(args);
      assertNotNull(command, String.join(" ", args));
      var out = new StringWriter();
      var err = new StringWriter();
      int code = PlainCommand.run(command, new PrintWriter(out), new PrintWriter(err));
      String plain = "exit: " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
      assertEquals(
          QuickCommandLineTest.run(Main.commandLine(), args), plain, String.join(" ", args));
    }
  }

  @Test
  void anythingButQueriesTakesTheUsualPath() {
    assertNull(PlainCommand.of("eval"));
    assertNull(PlainCommand.of("eval", "--help"));
    assertNull(PlainCommand.of("eval", "1 + 1", "--format", "json"));
    assertNull(PlainCommand.of("eval", "--", "-1"));
    assertNull(PlainCommand.of("eval", "@queries.txt"));
    assertNull(PlainCommand.of("eval", "1", "--profiles", "dir"));
    assertNull(PlainCommand.of("check", "q.devq"));
    assertNull(PlainCommand.of("search", "gelu", "--os", "iOS 17"));
    assertNull(PlainCommand.of("info", "a16"));
    assertNull(PlainCommand.of("evl", "1 + 1"));
  }
}
