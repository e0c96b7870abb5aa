package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A REPL {@code :search} prints what {@code devq search} prints, whether its words run without
 * picocli (no option) or through it (an option): answers, misses, typos, JSON under {@code :format
 * json}, and refusals.
 */
class ReplSearchTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      text | layer norm
      text | layrnorm
      text | 'iphone 15'
      text | category:activation
      text | torch.nn.Hardswish
      text | frobnicate
      text | efficientnet b0
      json | gelu
      json | a17_pro
      json | nothing at all here
      text | --soc a71 gelu
      text | --unit ane --os 'iOS 16' gelu
      json | --limit 2 conv
      text | --limit 0 conv
      """)
  void aReplSearchPrintsWhatTheCommandPrints(String format, String words) {
    var printed = new StringWriter();
    var state = new ReplState(DevqAssertions.devq());
    var commands = new ReplCommands(state, new PrintWriter(printed));
    commands.execute(":format " + format);
    printed.getBuffer().setLength(0);
    commands.execute(":search " + words);

    List<String> args = new ArrayList<>(List.of("search", "--format", format));
    args.addAll(ReplArguments.words(words));
    CheckReportsTest.Run run = CheckReportsTest.devq(args.toArray(String[]::new));
    // a usage error points to the help where it was made: the REPL's :help, the shell's --help
    String expected =
        (run.out() + run.err()).replace("try 'devq search --help'", "try ':help search'");
    assertEquals(expected, printed.toString());
  }

  /**
   * A session keeps one command line for {@code :search} with options: no option, word or format of
   * one line carries into the next, which prints what the command prints on its own.
   */
  @Test
  void oneSessionsSearchesWithOptionsDoNotCarryIntoEachOther() {
    var printed = new StringWriter();
    var commands = new ReplCommands(new ReplState(DevqAssertions.devq()), new PrintWriter(printed));
    commands.prepare();
    String[][] lines = {
      {"text", "--unit ane --os 'iOS 16' --limit 1 gelu"},
      {"text", "--soc a14 layer norm"},
      {"json", "--limit 2 conv"},
      {"text", "--os 'macOS 15' gelu"},
      {"text", "--soc a71 gelu"},
      {"text", "--limit 3 layer norm"}
    };
    for (String[] line : lines) {
      commands.execute(":format " + line[0]);
      printed.getBuffer().setLength(0);
      commands.execute(":search " + line[1]);
      List<String> args = new ArrayList<>(List.of("search", "--format", line[0]));
      args.addAll(ReplArguments.words(line[1]));
      CheckReportsTest.Run run = CheckReportsTest.devq(args.toArray(String[]::new));
      assertEquals(run.out() + run.err(), printed.toString(), line[1]);
    }
  }
}
