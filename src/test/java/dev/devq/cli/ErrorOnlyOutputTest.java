package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad option or input of validate and calibrate (and of every command that prints text or json)
 * gives only the error on standard error and exit 2: no empty or partial report a tool would parse
 * as an answer on standard output. Under {@code --format json} a positioned error is also printed
 * there as the {@code errors} object every command prints ({@link JsonErrorContractTest}), nothing
 * else.
 */
class ErrorOnlyOutputTest {
  private static final String V = "src/test/resources/validate/";

  @TempDir Path dir;

  private static void assertOnlyTheError(String expected, CheckReportsTest.Run run) {
    assertOnlyTheError(expected, run, false);
  }

  private static void assertOnlyTheError(
      String expected, CheckReportsTest.Run run, boolean jsonErrors) {
    assertEquals(2, run.code(), run.err());
    if (jsonErrors) {
      assertTrue(
          run.out().startsWith("{\n  \"kind\": \"errors\",\n  \"errors\": [")
              && run.out().endsWith("]\n}\n"),
          "standard output of a refused command: " + run.out());
    } else {
      assertEquals("", run.out(), "standard output of a refused command");
    }
    assertTrue(run.err().contains(expected), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      validate --format json --holdout vendor holdout.csv           | no column 'vendor'
      validate --holdout vendor holdout.csv                         | no column 'vendor'
      validate --format json --report --holdout vendor holdout.csv  | no column 'vendor'
      validate --format json header-only.csv                        | no measurement rows
      validate --format json --holdout table header-only.csv        | no measurement rows
      validate --format json missing.csv                            | no such file: src/test/resources/validate/missing.csv
      validate --format json --report missing.csv                   | no such file: src/test/resources/validate/missing.csv
      calibrate --out target/error-only header-only.csv             | no measurement rows
      """)
  void validateAndCalibrateRefuseWithTheErrorAlone(String command, String expected) {
    String[] words = command.split(" ");
    words[words.length - 1] = V + words[words.length - 1];
    boolean jsonErrors = command.contains("--format json");
    assertOnlyTheError(expected, CheckReportsTest.devq(words), jsonErrors);
  }

  @Test
  void aCsvWhoseEveryRowIsBadPrintsNoEmptyReport() throws IOException {
    Path csv = dir.resolve("bad.csv");
    Files.writeString(
        csv, "expr,measured_ms\n\"latency(mobilenet_v2, a71)\",0.5\n\"size(resnet50)\",3\n");
    for (String format : new String[] {"json", "text"}) {
      CheckReportsTest.Run run =
          CheckReportsTest.devq("validate", "--format", format, csv.toString());
      assertOnlyTheError("bad.csv:2:24", run, format.equals("json"));
      assertTrue(run.err().contains("bad.csv:3:2"), run.err());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      validate --format markdown src/test/resources/validate/small.csv
      validate --format csv --report src/test/resources/validate/small.csv
      info --format junit a16
      search --format csv layer norm
      list --format markdown socs
      calibrate --format json src/test/resources/validate/small.csv
      """)
  void aFormatTheCommandCannotPrintIsAUsageError(String command) {
    CheckReportsTest.Run run = CheckReportsTest.devq(command.split(" "));
    assertOnlyTheError("--format", run);
  }
}
