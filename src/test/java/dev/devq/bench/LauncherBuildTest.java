package dev.devq.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ./devq} launcher builds a missing jar offline when the local repository has what it
 * needs, and goes online only when that fails, as {@code bench/run} does: a copy of the launcher in
 * an empty project runs with stand-ins for {@code mvn} and {@code java} that record their arguments
 * ({@code mvn} fails offline when told to play a fresh machine).
 */
class LauncherBuildTest {
  @ParameterizedTest(name = "repository populated: {0}")
  @ValueSource(booleans = {true, false})
  void buildsOfflineFirstAndOnlineOnlyWhenThatFails(
      boolean populated, @TempDir Path bin, @TempDir Path project)
      throws IOException, InterruptedException {
    StandIns.launcherProject(project);
    Path calls = bin.resolve("calls");
    StandIns.script(
        bin.resolve("mvn"),
        "echo \"mvn $*\" >> '" + calls + "'",
        populated ? "" : "case \" $* \" in *' -o '*) exit 1;; esac",
        "mkdir -p target && : > target/devq.jar");
    StandIns.script(
        bin.resolve("java"),
        "echo \"java $*\" >> '" + calls + "'",
        // the class list a training run would write, so the launcher goes on to its archive
        "for a in \"$@\"; do case $a in -XX:DumpLoadedClassList=*) : > \"${a#*=}\";; esac; done");
    StandIns.runWith(bin, "bash", project.resolve("devq").toString(), "eval", "1 + 1");
    List<String> mvn =
        Files.readAllLines(calls).stream().filter(l -> l.startsWith("mvn ")).toList();
    assertTrue(mvn.get(0).contains(" -o "), "offline first: " + mvn);
    if (populated) {
      assertEquals(1, mvn.size(), mvn.toString());
    } else {
      assertEquals(2, mvn.size(), mvn.toString());
      assertTrue(!mvn.get(1).contains(" -o "), "then online: " + mvn);
    }
    List<String> lines = Files.readAllLines(calls);
    assertTrue(
        lines
            .get(lines.size() - 1)
            .endsWith(
                "-cp "
                    + project.toRealPath().resolve("target/devq.jar")
                    + " dev.devq.cli.Main eval 1 + 1"),
        lines.toString());
  }

  /**
   * The jar is rebuilt when a file under src/main or grammar, or the pom, is newer than it, however
   * deep, and only then: the launcher looks at every file without starting a program to do it.
   */
  @ParameterizedTest(name = "{0} newer: rebuilt {1}")
  @CsvSource({
    "nothing, false",
    "pom.xml, true",
    "src/main/java/dev/devq/Devq.java, true",
    "src/main/resources/dev/devq/units.txt, true",
    "grammar/Devq.g4, true"
  })
  void rebuildsWhenASourceIsNewerThanTheJar(
      String newer, boolean rebuilt, @TempDir Path bin, @TempDir Path project)
      throws IOException, InterruptedException {
    StandIns.launcherProject(project);
    Instant jarTime = Instant.now().minusSeconds(60);
    List<String> files =
        List.of(
            "pom.xml",
            "src/main/java/dev/devq/Devq.java",
            "src/main/resources/dev/devq/units.txt",
            "grammar/Devq.g4",
            "target/devq.jar");
    for (String name : files) {
      Path file = project.resolve(name);
      Files.createDirectories(file.getParent());
      if (!Files.exists(file)) {
        Files.writeString(file, "");
      }
      Instant time = name.equals(newer) ? jarTime.plusSeconds(10) : jarTime.minusSeconds(10);
      Files.setLastModifiedTime(file, FileTime.from(name.endsWith(".jar") ? jarTime : time));
    }
    Path calls = bin.resolve("calls");
    StandIns.script(bin.resolve("mvn"), "echo \"mvn $*\" >> '" + calls + "'");
    StandIns.script(bin.resolve("java"), "echo \"java $*\" >> '" + calls + "'");
    StandIns.runWith(bin, "bash", project.resolve("devq").toString(), "eval", "1 + 1");
    boolean built = Files.readAllLines(calls).stream().anyMatch(l -> l.startsWith("mvn "));
    assertEquals(rebuilt, built, Files.readAllLines(calls).toString());
  }
}
