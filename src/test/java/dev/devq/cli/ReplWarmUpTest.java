package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import dev.devq.SearchOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The REPL's warm-up of its {@code :search} lines: each line is one a user could type and is
 * answered (no internal error, no unknown command or option), a session after the warm-up prints
 * what a session that never warmed prints, and the user's first line stops it.
 */
class ReplWarmUpTest {
  /** What a line prints on a new session of {@code devq}, with the session's format. */
  private static String printed(Devq devq, List<String> lines) {
    var out = new StringWriter();
    var commands = new ReplCommands(new ReplState(devq), new PrintWriter(out));
    lines.forEach(commands::execute);
    return out.toString();
  }

  @Test
  void everyWarmUpLineIsAnsweredAsTheUserWouldSeeIt() {
    for (String line : ReplWarmUp.LINES) {
      String printed = printed(DevqAssertions.devq(), List.of(line));
      assertFalse(printed.contains("internal error"), line + "\n" + printed);
      assertFalse(printed.contains("unknown command"), line + "\n" + printed);
      assertFalse(printed.contains("Unknown option"), line + "\n" + printed);
      if (line.startsWith(":search")) {
        assertFalse(printed.isBlank(), line);
      }
    }
    // one refusal among them, as a user's mistyped release gets
    assertTrue(
        printed(DevqAssertions.devq(), List.of(":search --os 'iOS 99x' gelu"))
            .startsWith("devq: "));
  }

  @Test
  void aWarmedSessionPrintsWhatAnUnwarmedOnePrints() throws Exception {
    Devq warmed = Devq.load();
    ReplWarmUp warmUp = ReplWarmUp.start(warmed);
    warmUp.done().get(5, TimeUnit.MINUTES);
    assertEquals(ReplWarmUp.LINES.size() * ReplWarmUp.ROUNDS, warmUp.linesRun());
    List<String> lines =
        List.of(
            ":search layer norm",
            ":search --os 'iOS 17' gelu",
            ":search iphone 15",
            ":format json",
            ":search efficientnet b0",
            ":search --unit gpu softmax");
    assertEquals(printed(Devq.load(), lines), printed(warmed, lines));
  }

  @Test
  void theUsersFirstLineStopsIt() throws Exception {
    Devq devq = Devq.load();
    ReplWarmUp warmUp = ReplWarmUp.start(devq);
    // what the REPL does with a first line: the warm-up is told, then the line searches, which
    // stops the engine's warm-up
    warmUp.stop();
    devq.search("layer norm", new SearchOptions(null, null, null, 5));
    warmUp.done().get(1, TimeUnit.MINUTES);
    assertEquals(0, warmUp.linesRun());
  }

  @Test
  void aFirstLineThatDoesNotSearchStopsTheEnginesSearchesToo() throws Exception {
    ReplWarmUp warmUp = ReplWarmUp.start(Devq.load());
    warmUp.stop(); // the user's first line, an evaluation: no search to stop them otherwise
    warmUp.done().get(1, TimeUnit.MINUTES);
    assertTrue(warmUp.engineWarmUp.isCancelled());
    assertEquals(0, warmUp.linesRun());
  }
}
