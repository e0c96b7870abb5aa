package dev.devq.cli;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README and the pages of docs/ show what devq prints: every {@code $ ./devq} eval, check,
 * explain, info, list and search in their code blocks (indented ones too) is run and its output
 * compared with the lines under it ({@code -Dgolden.update=true} rewrites them). An example may
 * leave lines out with a line {@code …}: the lines above it are compared with the output's first
 * lines, those below it with its last. Commands piped through the shell ({@code | tail -1}) show
 * accuracy figures kept by their own tests and are left alone, as are commands that write or need
 * files of their own ({@code plot}, {@code doc}, {@code import}, {@code --profiles}).
 */
class DocsTourTest {
  private static final Set<String> RUN =
      Set.of("eval", "check", "explain", "info", "list", "search");
  private static final String ELIDED = "…";

  static Stream<Path> pages() throws IOException {
    Path root = DevqAssertions.projectDir();
    List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
    try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void everyCommandItRunsPrintsWhatThePageShows(Path page) throws IOException {
    DevqAssertions.devq();
    GoldenFiles.assertMatches(page, rerun(Files.readAllLines(page)));
  }

  /** The page with the output under each command it runs replaced by the command's output. */
  private static String rerun(List<String> lines) {
    var out = new StringBuilder();
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      out.append(line).append('\n');
      String text = line.strip();
      if (text.startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (!fenced || !runs(text)) {
        continue;
      }
      String indent = line.substring(0, line.indexOf('$'));
      List<String> shown = new ArrayList<>();
      while (i + 1 < lines.size()
          && !lines.get(i + 1).strip().startsWith("$ ")
          && !lines.get(i + 1).strip().startsWith("```")) {
        shown.add(lines.get(++i));
      }
      List<String> printed = output(text.substring("$ ./devq ".length())).lines().toList();
      int elided = shown.stream().map(String::strip).toList().indexOf(ELIDED);
      int after = elided < 0 ? 0 : trimmed(shown).size() - elided - 1;
      List<String> whole = trimmed(printed);
      if (elided >= 0 && elided + after < whole.size()) {
        List<String> kept = new ArrayList<>(whole.subList(0, elided));
        kept.add(ELIDED);
        kept.addAll(whole.subList(whole.size() - after, whole.size()));
        printed = kept;
      }
      for (String p : printed) {
        out.append(p.isEmpty() ? "" : indent + p).append('\n');
      }
    }
    return out.toString();
  }

  /** The lines without the blank ones that end them. */
  private static List<String> trimmed(List<String> lines) {
    int end = lines.size();
    while (end > 0 && lines.get(end - 1).isBlank()) {
      end--;
    }
    return lines.subList(0, end);
  }

  private static boolean runs(String line) {
    if (!line.startsWith("$ ./devq ")) {
      return false;
    }
    List<String> words = ReplArguments.words(line.substring("$ ./devq ".length()));
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
