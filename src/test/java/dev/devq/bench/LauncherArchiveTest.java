package dev.devq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive is made from its training runs' class lists: a line a training
 * run's exit cut short is left out rather than failing the whole dump, and a dump that fails anyway
 * is not retried at every start until the jar changes. A copy of the launcher runs in an empty
 * project, with a stand-in {@code java} that writes a class list whose last line is cut and refuses
 * a list holding such a line, as the JVM's dump does.
 */
class LauncherArchiveTest {
  private static final String CUT = "@lambda-proxy dev/devq/query/check";

  @Test
  void aLineCutShortByARunsExitIsLeftOutOfTheArchivesList(@TempDir Path bin, @TempDir Path project)
      throws IOException, InterruptedException {
    Path calls = launcherWithStandIns(bin, project, "exit 0");
    StandIns.runWith(bin, "bash", project.resolve("devq").toString(), "eval", "1 + 1");
    List<String> all = Files.readAllLines(project.resolve("target/cds-training/all.classlist"));
    assertEquals(List.of("java/lang/Object", "dev/devq/cli/Main"), all);
    assertEquals(1, dumps(calls), Files.readString(calls));
  }

  @Test
  void aDumpThatFailsIsNotRetriedAtEveryStart(@TempDir Path bin, @TempDir Path project)
      throws IOException, InterruptedException {
    Path calls = launcherWithStandIns(bin, project, "exit 1");
    for (int i = 0; i < 3; i++) {
      StandIns.runWith(bin, "bash", project.resolve("devq").toString(), "eval", "1 + 1");
    }
    assertEquals(1, dumps(calls), "one dump for one jar: " + Files.readString(calls));
  }

  /** A project holding a built jar and a copy of the launcher; {@code dump} ends the dump. */
  private static Path launcherWithStandIns(Path bin, Path project, String dump) throws IOException {
    StandIns.launcherProject(project);
    // sources older than the jar, so the launcher does not build
    long past = System.currentTimeMillis() - 60_000;
    project.resolve("pom.xml").toFile().setLastModified(past);
    project.resolve("src/main").toFile().setLastModified(past);
    Files.createDirectories(project.resolve("target"));
    Files.writeString(project.resolve("target/devq.jar"), "");
    Path calls = bin.resolve("calls");
    StandIns.script(
        bin.resolve("java"),
        "echo \"java $*\" >> '" + calls + "'",
        "for a in \"$@\"; do case $a in",
        "  -XX:DumpLoadedClassList=*) printf 'java/lang/Object\\ndev/devq/cli/Main\\n"
            + CUT
            + "' > \"${a#*=}\";;",
        "  -XX:SharedClassListFile=*) ! grep -q '"
            + CUT
            + "' \"${a#*=}\" || exit 1; "
            + dump
            + ";;",
        "esac; done");
    return calls;
  }

  private static long dumps(Path calls) throws IOException {
    return Files.readAllLines(calls).stream().filter(l -> l.contains("-Xshare:dump")).count();
  }
}
