package dev.devq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the project's shell scripts with stand-in programs first on the PATH. */
final class StandIns {
  private StandIns() {}

  /**
   * Makes {@code project} an empty project with a copy of the launcher: a pom and an empty source
   * folder, enough for the launcher's is-the-jar-stale test.
   */
  static void launcherProject(Path project) throws IOException {
    Files.copy(Path.of("devq"), project.resolve("devq"));
    Files.createDirectories(project.resolve("src/main"));
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");
  }

  /** Writes an executable bash script of {@code lines}: a stand-in for a program. */
  static void script(Path file, String... lines) throws IOException {
    Files.writeString(file, "#!/usr/bin/env bash\n" + String.join("\n", lines) + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  /**
   * Runs {@code command} with {@code bin} first on the PATH; it must end within a minute, with 0.
   */
  static void runWith(Path bin, String... command) throws IOException, InterruptedException {
    runWith(bin, Map.of(), command);
  }

  /** As {@link #runWith(Path, String...)}, with {@code env} added to the environment. */
  static void runWith(Path bin, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    var pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), output);
  }
}
