package dev.devq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code bench/run} builds offline when the local repository has what it needs, and goes online
 * only when that fails: run with stand-ins for {@code mvn} and {@code java} on the PATH that record
 * their arguments ({@code mvn} fails offline when told to play a fresh machine).
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
}
