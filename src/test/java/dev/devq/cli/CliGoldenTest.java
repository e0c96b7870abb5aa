package dev.devq.cli;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Everything the CLI prints, as golden files: each {@code golden/cli/NAME.cmd} holds comments
 * ({@code #}) saying what it tests and one line of arguments; {@code NAME.out} holds the exit code,
 * standard output and standard error. Fixtures too large to commit are written first ({@link
 * GeneratedFixtures}).
 */
class CliGoldenTest {
  @TestFactory
  Stream<DynamicTest> cliOutputMatchesGoldenFiles() throws IOException {
    DevqAssertions.devq();
    GeneratedFixtures.write();
    return GoldenFiles.inputs("cli", ".cmd").stream()
        .map(
            cmd ->
                DynamicTest.dynamicTest(
                    cmd.getFileName().toString(),
                    () ->
                        GoldenFiles.assertMatches(
                            Path.of(cmd.toString().replaceFirst("\\.cmd$", ".out")), run(cmd))));
  }

  static String run(Path cmdFile) throws IOException {
    String line =
        Files.readAllLines(cmdFile, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.startsWith("#") && !l.isBlank())
            .findFirst()
            .orElseThrow();
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(split(line));
    return "exit: " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }

  /** Splits a command line as the REPL's commands do, quotes keeping words whole. */
  static String[] split(String line) {
    return ReplArguments.words(line).toArray(String[]::new);
  }
}
