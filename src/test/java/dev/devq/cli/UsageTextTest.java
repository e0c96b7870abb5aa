package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * picocli reads every description as a format string: a bare {@code %} ("the 80% range") makes
 * --help print a warning and the man-page generator stop at that command, leaving the pages after
 * it unwritten. Every command's usage text must render without a warning.
 */
class UsageTextTest {
  @Test
  void everyCommandsUsageRendersWithoutAFormatWarning() {
    List<CommandLine> commands = new ArrayList<>();
    commands.add(Main.commandLine());
    commands.addAll(Main.commandLine().getSubcommands().values());
    PrintStream err = System.err;
    var captured = new ByteArrayOutputStream();
    try {
      // picocli's tracer writes its warnings to System.err
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      commands.forEach(CommandLine::getUsageMessage);
    } finally {
      System.setErr(err);
    }
    assertEquals("", captured.toString(StandardCharsets.UTF_8), "escape '%' as '%%'");
  }
}
