package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devq.doc.InputPath;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One rule for a path the user gave that names nothing readable, whichever command or place it is
 * given in: bad input (exit 2), the code INPUT_FILE, one of three message shapes ("no such file:
 * P", "P is a folder, not a file", "cannot read P: …"), a did-you-mean for a near name. It was IO
 * for check (the code of exit 3), DOCUMENT for doc, BAD_VALUE for validate and calibrate and IMPORT
 * for import.
 */
class InputFileTest {
  @TempDir Path dir;

  @BeforeEach
  void files() throws IOException {
    Files.createDirectories(dir.resolve("folder"));
    Files.writeString(dir.resolve("review.md"), "```devq\n1 ms < 2 ms\n```\n");
    Files.writeString(dir.resolve("fence.md"), "```devq file=nope.devq\n```\n");
    Files.writeString(
        dir.resolve("front.md"), "---\ndevq:\n  profiles: [nope]\n---\n```devq\n1 < 2\n```\n");
    // "café" in Latin-1: a stray byte that is not UTF-8
    byte[] latin1 = {'c', 'a', 'f', (byte) 0xE9, '\n'};
    Files.write(dir.resolve("latin1.md"), latin1);
    Files.write(dir.resolve("latin1.csv"), latin1);
  }

  /**
   * Each command line (DIR: a folder holding review.md, fence.md, front.md, latin1.md, latin1.csv
   * and a subfolder) and the message it must give; JSON: whether {@code --format json} goes after
   * the command name, and its errors object must carry the code too.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          check DIR/nope.devq                          | json | no such file: DIR/nope.devq
          doc DIR/nope.md                              |      | no such file: DIR/nope.md
          validate DIR/nope.csv                        | json | no such file: DIR/nope.csv
          calibrate --out DIR/out DIR/nope.csv         |      | no such file: DIR/nope.csv
          import DIR/nope.onnx                         |      | no such file: DIR/nope.onnx
          doc DIR/folder                               |      | DIR/folder is a folder, not a file
          validate DIR/folder                          | json | DIR/folder is a folder, not a file
          import DIR/folder                            |      | DIR/folder is a folder, not a file
          check --profiles DIR/review.md DIR/review.md | json | DIR/review.md is a file, not a folder
          eval --profiles DIR/nope 1                   | json | no such folder: DIR/nope
          doc --root DIR/nope DIR/review.md            |      | no such folder: DIR/nope
          check --root DIR/review.md DIR/review.md     | json | DIR/review.md is a file, not a folder
          plot --timeline 1 -o DIR/nope/p.svg          | json | no such folder: DIR/nope
          check DIR/latin1.md                          | json | cannot read DIR/latin1.md: it is not UTF-8
          doc DIR/latin1.md                            |      | cannot read DIR/latin1.md: it is not UTF-8
          validate DIR/latin1.csv                      | json | cannot read DIR/latin1.csv: it is not UTF-8
          doc DIR/fence.md                             |      | no such file: nope.devq
          check DIR/front.md                           | json | no such folder: nope
          """)
  void aPathThatNamesNothingReadableIsInputFile(String command, String json, String message)
      throws IOException {
    String expected = message.replace("DIR", dir.toString());
    String[] args = command.replace("DIR", dir.toString()).split(" ");
    CheckReportsTest.Run run = CheckReportsTest.devq(args);
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().startsWith("error[INPUT_FILE]: " + expected), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    if (json != null) {
      List<String> withJson = new ArrayList<>(Arrays.asList(args));
      withJson.addAll(1, List.of("--format", "json"));
      CheckReportsTest.Run asJson = CheckReportsTest.devq(withJson.toArray(String[]::new));
      assertEquals(2, asJson.code(), asJson.err());
      JsonNode error = new ObjectMapper().readTree(asJson.out()).get("errors").get(0);
      assertEquals("INPUT_FILE", error.get("code").asText(), asJson.out());
      assertTrue(error.get("message").asText().startsWith(expected), asJson.out());
    }
  }

  /**
   * A near name in the same folder is suggested, written as the path was: only its name changes.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          check DIR/reveiw.md             | DIR/review.md
          doc DIR/reveiw.md               | DIR/review.md
          check --root DIR/foldre DIR/review.md | DIR/folder
          """)
  void aNearNameIsSuggested(String command, String suggestion) {
    CheckReportsTest.Run run =
        CheckReportsTest.devq(command.replace("DIR", dir.toString()).split(" "));
    assertEquals(2, run.code(), run.err());
    assertTrue(
        run.err().contains("= did you mean '" + suggestion.replace("DIR", dir.toString()) + "'?"),
        run.err());
  }

  /**
   * A name with an extension is near only names with the same one: a missing {@code -x.devq} beside
   * the launcher {@code devq} suggested running the launcher.
   */
  @Test
  void aNearNameKeepsTheExtension() throws IOException {
    Files.writeString(dir.resolve("devq"), "#!/bin/sh\n");
    Files.writeString(dir.resolve("x.devq"), "1 < 2\n");
    CheckReportsTest.Run run = CheckReportsTest.devq("check", dir.resolve("-x.devq").toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("= did you mean '" + dir.resolve("x.devq") + "'?"), run.err());
    Files.delete(dir.resolve("x.devq"));
    run = CheckReportsTest.devq("check", dir.resolve("-x.devq").toString());
    assertFalse(run.err().contains("did you mean"), run.err());
  }

  /** The caret stands under the argument that names nothing, on the command line as typed. */
  @Test
  void theRefusalPointsAtTheArgument() {
    String missing = dir.resolve("nope.md").toString();
    CheckReportsTest.Run run = CheckReportsTest.devq("doc", missing);
    String line = "1 | devq doc " + missing;
    assertTrue(run.err().contains(line + "\n"), run.err());
    assertTrue(
        run.err().contains("  | " + " ".repeat(9) + "^".repeat(missing.length())), run.err());
  }

  /**
   * Text that is not UTF-8 is refused at its first bad byte, shown in its line as U+FFFD, by check
   * and doc alike: the message named the line and column while the caret stood at 1:1.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"check, latin1.md", "doc, latin1.md", "check, latin1.devq"})
  void aByteThatIsNotUtf8IsPointedAt(String command, String file) throws IOException {
    byte[] text = {'1', ' ', '<', ' ', '2', '\n', '#', ' ', 'c', 'a', 'f', (byte) 0xE9, '\n'};
    Files.write(dir.resolve(file), text);
    String path = dir.resolve(file).toString();
    CheckReportsTest.Run run = CheckReportsTest.devq(command, path);
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("(the byte 0xE9 on line 2, column 6)"), run.err());
    assertTrue(run.err().contains(" --> " + path + ":2:6\n"), run.err());
    assertTrue(run.err().contains("2 | # caf\uFFFD\n"), run.err());
    assertTrue(run.err().contains("  |      ^\n"), run.err());
  }

  /**
   * No permission is the third shape; the tests may run as root, whom permissions never stop, so
   * the exception the system gives is turned into words here.
   */
  @Test
  void noPermissionIsSaidInTheSameShape() {
    assertEquals(
        "cannot read review.md: permission denied",
        InputPath.of(new AccessDeniedException("review.md"), "review.md").message());
  }

  /** A missing file among others is reported in the check report, and the others still run. */
  @Test
  void checkReportsAMissingFileAmongTheOthers() throws IOException {
    CheckReportsTest.Run run =
        CheckReportsTest.devq(
            "check", "--format", "json", dir.resolve("nope.md").toString(), dir + "/review.md");
    assertEquals(2, run.code(), run.err());
    JsonNode report = new ObjectMapper().readTree(run.out());
    assertEquals(1, report.get("passed").asInt(), run.out());
    assertEquals("INPUT_FILE", report.get("errors").get(0).get("code").asText(), run.out());
  }
}
