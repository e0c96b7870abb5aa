package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command line {@code main} sets up with only the command it runs prints exactly what the full
 * one prints, for every golden command line of those commands and for their help and usage errors.
 */
class QuickCommandLineTest {
  private static final Set<String> QUICK =
      Set.of("eval", "check", "search", "info", "list", "explain");

  @Test
  void everyGoldenCommandLineOfAQuickCommandPrintsTheSame() throws IOException {
    Path dir = DevqAssertions.projectDir().resolve("src/test/resources/golden/cli");
    List<String[]> lines;
    try (Stream<Path> files = Files.list(dir)) {
      lines =
          files
              .filter(p -> p.toString().endsWith(".cmd"))
              .sorted()
              .map(QuickCommandLineTest::firstLine)
              .map(CliGoldenTest::split)
              .filter(args -> args.length > 0 && QUICK.contains(args[0]))
              .toList();
    }
    assertTrue(lines.size() > 30, "golden command lines of quick commands: " + lines.size());
    for (String[] args : lines) {
      assertSame(args);
    }
  }

  @Test
  void helpAndUsageErrorsPrintTheSame() {
    for (String command : QUICK) {
      assertSame(command, "--help");
      assertSame(command, "--no-such-option");
      assertSame(command, "--profiles");
    }
    assertSame("evl", "1 + 1");
    assertSame("--help");
    assertNotSame(Main.commandLine("eval").getCommandSpec(), Main.commandLine().getCommandSpec());
  }

  private static void assertSame(String... args) {
    assertEquals(
        run(Main.commandLine(), args), run(Main.commandLine(args), args), String.join(" ", args));
  }

  /** What a command line prints and its exit code, as one text to compare. */
  static String run(picocli.CommandLine cmd, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = Main.execute(cmd, args);
    return "exit: " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }

  private static String firstLine(Path cmdFile) {
    try {
      return Files.readAllLines(cmdFile, StandardCharsets.UTF_8).stream()
          .filter(l -> !l.startsWith("#") && !l.isBlank())
          .findFirst()
          .orElse("");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
