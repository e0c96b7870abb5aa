package dev.devq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The launcher raises the JIT's compile thresholds and runs one compiler thread for a one-shot
 * command only: the REPL (no command word, or only options) and bench/run's forks (no arguments at
 * all) keep the thresholds their warm-ups count on. Every command gets the same start-up flags
 * otherwise.
 */
class LauncherFlagsTest {
  private static final List<String> ONE_SHOT =
      List.of("-XX:CompileThresholdScaling=3", "-XX:CICompilerCount=1");

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"eval|1 + 1", "check|q.devq", "search|layer norm", "info|a16", "list|socs"})
  void aOneShotCommandCompilesLess(String line) throws IOException, InterruptedException {
    List<String> flags = flags(line.split("\\|"));
    assertTrue(flags.containsAll(ONE_SHOT), flags.toString());
    assertTrue(flags.containsAll(flags()), flags.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"(no arguments)", "--profiles|overlay", "plot|x", "repl"})
  void theReplAndOtherCommandsKeepTheUsualThresholds(String line)
      throws IOException, InterruptedException {
    List<String> flags = flags(line.startsWith("(") ? new String[0] : line.split("\\|"));
    assertTrue(ONE_SHOT.stream().noneMatch(flags::contains), flags.toString());
    assertEquals(flags(), flags);
  }

  /** What {@code DEVQ_PRINT_JVM_FLAGS=1 ./devq ARGS} prints, one flag a line. */
  private static List<String> flags(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("bash", "devq"));
    command.addAll(List.of(args));
    var launcher = new ProcessBuilder(command);
    launcher.environment().put("DEVQ_PRINT_JVM_FLAGS", "1");
    Process p = launcher.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.lines().toList();
  }
}
