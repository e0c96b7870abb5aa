package dev.devq.cli;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The README shows what devq prints: every {@code $ ./devq eval …} and {@code $ ./devq check …} in
 * its code blocks is run and its output compared with the lines under it ({@code
 * -Dgolden.update=true} rewrites them). Commands piped through the shell ({@code | tail -1}) show
 * accuracy figures kept by their own tests and are left alone.
 */
class ReadmeTourTest {
  private static final Set<String> RUN = Set.of("eval", "check");

  @Test
  void everyEvalAndCheckInTheReadmePrintsWhatItShows() throws IOException {
    DevqAssertions.devq();
    Path readme = DevqAssertions.projectDir().resolve("README.md");
    GoldenFiles.assertMatches(readme, rerun(Files.readAllLines(readme)));
  }

  /** The README with the output under each command it runs replaced by the command's output. */
  private static String rerun(List<String> lines) {
    var out = new StringBuilder();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.append(line).append('\n');
      if (line.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced || !runs(line)) {
        continue;
      }
      out.append(output(line.substring("$ ./devq ".length())));
      while (i + 1 < lines.size()
          && !lines.get(i + 1).startsWith("$ ")
          && !lines.get(i + 1).startsWith("```")) {
        i++;
      }
    }
    return out.toString();
  }

  private static boolean runs(String line) {
    if (!line.startsWith("$ ./devq ")) {
      return false;
    }
    List<String> words = ReplCommands.words(line.substring("$ ./devq ".length()));
    return RUN.contains(words.get(0)) && !words.contains("|");
  }

  private static String output(String arguments) {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    cmd.execute(CliGoldenTest.split(arguments));
    return out.toString() + err;
  }
}
