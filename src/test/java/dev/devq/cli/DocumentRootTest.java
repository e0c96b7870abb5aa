package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How far a review document reaches ({@code --root}), and the folders command-line options name
 * ({@link FolderArgument}): a mistyped or empty one is a usage error, never read as another.
 */
class DocumentRootTest {
  @TempDir Path dir;

  private static CheckReportsTest.Run devq(String... args) {
    return CheckReportsTest.devq(args);
  }

  /** A repository keeps queries/ beside docs/: a document there reads them only with --root. */
  private Path repository() throws IOException {
    Path repo = dir.resolve("repo");
    Files.createDirectories(repo.resolve("queries"));
    Files.createDirectories(repo.resolve("docs"));
    Files.writeString(repo.resolve("queries/camera.devq"), "size(mobilenet_v2) < 100MB\n");
    Files.writeString(dir.resolve("outside.devq"), "1 < 2\n");
    Path doc = repo.resolve("docs/review.md");
    Files.writeString(
        doc, "# Review\n\n```devq file=../queries/camera.devq\n```\n", StandardCharsets.UTF_8);
    return doc;
  }

  @Test
  void rootLetsADocumentReadQueriesBesideItsFolder() throws IOException {
    Path doc = repository();
    Path repo = doc.getParent().getParent();
    CheckReportsTest.Run refused = devq("check", doc.toString());
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("is outside the document's folder"), refused.err());
    CheckReportsTest.Run inside = devq("check", "--root", repo.toString(), doc.toString());
    assertEquals(0, inside.code(), inside.err());
    CheckReportsTest.Run written = devq("doc", "--root", repo.toString(), doc.toString());
    assertEquals(0, written.code(), written.err());
    assertTrue(Files.readString(doc).contains("<!-- devq:end -->"));
    assertEquals(0, devq("doc", "--check", "--root", repo.toString(), doc.toString()).code());
  }

  @Test
  void rootStillConfinesTheDocument() throws IOException {
    Path doc = repository();
    Path repo = doc.getParent().getParent();
    Files.writeString(doc, "```devq file=../../outside.devq\n```\n", StandardCharsets.UTF_8);
    for (String command : List.of("check", "doc")) {
      CheckReportsTest.Run run = devq(command, "--root", repo.toString(), doc.toString());
      assertEquals(2, run.code(), run.err());
      assertTrue(run.err().contains("is outside the --root folder " + repo), run.err());
    }
    assertEquals("```devq file=../../outside.devq\n```\n", Files.readString(doc));
  }

  /**
   * A mistyped --root was taken as given: every file= fence was then "outside the --root folder
   * /nonexistent", and a document without one passed. It is a usage error, as a --profiles folder
   * that does not exist is.
   */
  @ParameterizedTest(name = "--root {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no-such-folder     | no such folder: ROOT
          queries/camera.devq | ROOT is a file, not a folder
          """)
  void aRootThatIsNoFolderIsAUsageError(String given, String why) throws IOException {
    Path doc = repository();
    Path root = doc.getParent().getParent().resolve(given);
    String before = Files.readString(doc);
    for (String command : List.of("check", "doc")) {
      CheckReportsTest.Run run = devq(command, "--root", root.toString(), doc.toString());
      assertEquals(2, run.code(), command + ": " + run.out() + run.err());
      assertTrue(
          run.err().startsWith("error[INPUT_FILE]: " + why.replace("ROOT", root.toString())),
          command + ": " + run.err());
    }
    assertEquals(before, Files.readString(doc));
  }

  /**
   * An empty folder value (a script's unset variable, {@code --profiles "$DIR"}) was read as the
   * current folder: every file in it became an "unknown profile directory" error, or every
   * document's fences could reach the whole working tree.
   */
  @ParameterizedTest(name = "{0} \"\"")
  @CsvSource({"--profiles, eval", "--root, check"})
  void anEmptyFolderValueIsAUsageError(String option, String command) throws IOException {
    String doc = repository().toString();
    CheckReportsTest.Run run =
        option.equals("--root")
            ? devq(command, option, "", doc)
            : devq(option, "", command, "1 ms");
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(
        run.err()
            .startsWith(
                "error[BAD_VALUE]: "
                    + option
                    + ": an empty value names no folder (write . for the current one)\n"),
        run.err());
    assertEquals("", run.out());
  }
}
