package dev.devq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    script(
        bin.resolve("mvn"),
        "echo \"mvn $*\" >> '" + calls + "'",
        "[ -f target/bench.classpath ] || : > target/bench.classpath",
        populated ? "exit 0" : "case \" $* \" in *' -o '*) exit 1;; esac");
    script(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'");
    Files.createDirectories(Path.of("target"));
    var pb = new ProcessBuilder("bash", "bench/run", "NoSuchBenchmark");
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
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

  private static void script(Path file, String... lines) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
