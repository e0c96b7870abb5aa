package dev.devq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bench/run} builds offline when the local repository has what it needs, and goes online
 * only when that fails: run with stand-ins for {@code mvn} and {@code java} on the PATH that record
 * their arguments ({@code mvn} fails offline when told to play a fresh machine); and its forks run
 * with the launcher's JVM flags, the JVM users run.
 */
class BenchRunScriptTest {
  @ParameterizedTest(name = "repository populated: {0}")
  @ValueSource(booleans = {true, false})
  void buildsOfflineFirstAndOnlineOnlyWhenThatFails(boolean populated, @TempDir Path bin)
      throws IOException, InterruptedException {
    Path calls = bin.resolve("calls");
    StandIns.script(
        bin.resolve("mvn"),
        "echo \"mvn $*\" >> '" + calls + "'",
        "[ -f target/bench.classpath ] || : > target/bench.classpath",
        populated ? "exit 0" : "case \" $* \" in *' -o '*) exit 1;; esac");
    StandIns.script(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'");
    Files.createDirectories(Path.of("target"));
    StandIns.runWith(bin, "bash", "bench/run", "NoSuchBenchmark");
    List<String> lines = Files.readAllLines(calls);
    assertTrue(lines.get(0).startsWith("mvn ") && lines.get(0).endsWith(" -o"), lines.toString());
    if (populated) {
      assertEquals(2, lines.size(), lines.toString());
    } else {
      assertEquals(3, lines.size(), lines.toString());
      assertTrue(!lines.get(1).contains(" -o"), "then online: " + lines);
    }
    assertTrue(lines.get(lines.size() - 1).startsWith("java "), lines.toString());
  }

  /**
   * The forks get the flags {@code DEVQ_PRINT_JVM_FLAGS=1 ./devq} prints (C1 only, among them), as
   * one {@code -jvmArgsAppend}; with {@code BENCH_JMH_FLAGS} set, JMH's own defaults.
   */
  @ParameterizedTest(name = "JMH's default flags: {0}")
  @ValueSource(booleans = {false, true})
  void forksRunWithTheLaunchersFlags(boolean jmhDefaults, @TempDir Path bin)
      throws IOException, InterruptedException {
    Path calls = bin.resolve("calls");
    StandIns.script(
        bin.resolve("mvn"), "[ -f target/bench.classpath ] || : > target/bench.classpath");
    StandIns.script(bin.resolve("java"), "printf '%s\\n' \"$@\" > '" + calls + "'");
    Files.createDirectories(Path.of("target"));
    StandIns.runWith(
        bin,
        jmhDefaults ? Map.of("BENCH_JMH_FLAGS", "1") : Map.of(),
        "bash",
        "bench/run",
        "NoSuchBenchmark");
    List<String> args = Files.readAllLines(calls);
    var launcher = new ProcessBuilder("bash", "devq");
    launcher.environment().put("DEVQ_PRINT_JVM_FLAGS", "1");
    Process p = launcher.start();
    String flags = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertEquals(0, p.waitFor());
    assertTrue(flags.contains("-XX:TieredStopAtLevel=1"), flags);
    int append = args.indexOf("-jvmArgsAppend");
    if (jmhDefaults) {
      assertEquals(-1, append, args.toString());
    } else {
      assertEquals(flags.replace('\n', ' '), args.get(append + 1), args.toString());
    }
    assertEquals("NoSuchBenchmark", args.get(args.size() - 1));
  }
}
