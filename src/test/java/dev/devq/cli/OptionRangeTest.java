package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A whole-number option refuses a value outside its own range in its own words, whether the value
 * fits an int or not: "--limit takes a whole number up to 2147483647" gave the Java type's range,
 * and "down to -2147483648" for a count that starts at 1.
 */
class OptionRangeTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      search --limit 99999999999 gelu                  | --limit takes a whole number from 1 to 1000, found '99999999999'
      search --limit -99999999999 gelu                 | --limit takes a whole number from 1 to 1000, found '-99999999999'
      search --limit 1001 gelu                         | --limit takes a whole number from 1 to 1000, found '1001'
      search --limit 0 gelu                            | --limit takes a whole number from 1 to 1000, found '0'
      explain --top -1 latency(mobilenet_v2,a16)       | --top takes a whole number from 0 to 50000 (0 shows every layer), found '-1'
      explain --top 99999999999 latency(mobilenet_v2,a16) | --top takes a whole number from 0 to 50000 (0 shows every layer), found '99999999999'
      calibrate --max-iterations 0 --out x y.csv       | --max-iterations takes a whole number from 1 to 10000, found '0'
      calibrate --max-iterations 10001 --out x y.csv   | --max-iterations takes a whole number from 1 to 10000, found '10001'
      import --dim batch=1e30 x.onnx                   | --dim takes NAME=VALUE, VALUE a whole number, found '1e30'
      import --dim batch=0 x.onnx                      | --dim takes NAME=VALUE, VALUE a whole number from 1 to 16777216, found 'batch=0'
      import --dim seq=16777217 x.onnx                 | --dim takes NAME=VALUE, VALUE a whole number from 1 to 16777216, found 'seq=16777217'
      import --dim batch x.onnx                        | --dim takes NAME=VALUE, VALUE a whole number, found 'batch'
      """)
  void refusesAValueOutsideTheOptionsOwnRange(String line, String message) {
    var run = CheckReportsTest.devq(line.split(" "));
    assertEquals(ExitCodes.BAD_INPUT, run.code(), run.out() + run.err());
    assertTrue(run.err().startsWith("devq: " + message + "\n"), run.err());
    assertTrue(run.err().contains("try 'devq " + line.split(" ")[0] + " --help'"), run.err());
  }

  /**
   * Every option of every command that takes a number refuses one it cannot read in devq's words,
   * never picocli's ("'1e30' is not a long" for --dim batch=1e30).
   */
  @Test
  void everyNumericOptionRefusesAnUnreadableNumberInItsOwnWords() {
    int numeric = 0;
    for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
      for (OptionSpec option : sub.getCommandSpec().options()) {
        Class<?> type =
            option.typeInfo().isMap() ? option.auxiliaryTypes()[1] : option.typeInfo().getType();
        if (!Number.class.isAssignableFrom(type) && !type.isPrimitive() || type == boolean.class) {
          continue;
        }
        numeric++;
        String value = option.typeInfo().isMap() ? "n=1e30" : "1e30";
        var run = CheckReportsTest.devq(sub.getCommandName(), option.longestName(), value);
        String where = sub.getCommandName() + " " + option.longestName();
        assertEquals(ExitCodes.BAD_INPUT, run.code(), where + ": " + run.err());
        assertTrue(
            run.err().startsWith("devq: " + option.longestName() + " takes "),
            where + ": " + run.err());
      }
    }
    assertTrue(numeric >= 4, "numeric options found: " + numeric);
  }

  /** --limit's help said "how many results" and never that 1000 is the most it takes. */
  @Test
  void everyRangedOptionsHelpStatesItsRange() {
    int ranged = 0;
    for (CommandLine sub : Main.commandLine().getSubcommands().values()) {
      for (OptionSpec option : sub.getCommandSpec().options()) {
        Range range = option.userObject() instanceof Field f ? f.getAnnotation(Range.class) : null;
        if (range != null) {
          ranged++;
          String help = String.join(" ", option.description());
          assertTrue(
              help.contains("from " + range.min() + " to " + range.max()),
              sub.getCommandName() + " " + option.longestName() + ": " + help);
        }
      }
    }
    assertTrue(ranged >= 3, "ranged options found: " + ranged);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      :search --limit 0 gelu     | devq: --limit takes a whole number from 1 to 1000, found '0'
      :search --limit 1000 gelu  | gelu
      """)
  void theReplsCommandsKeepTheSameRange(String line, String expected) throws IOException {
    String output = ReplTest.run(line + "\n").output();
    assertTrue(output.contains(expected), output);
  }
}
