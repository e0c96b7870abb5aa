package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devq.cli.CheckReportsTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's booleans that are no check: a list of them is refused where CI reads the file, a table
 * column of them is warned about on standard error, and a file with no check at all says so, so a
 * review that shows {@code false} can no longer pass CI unnoticed.
 */
class ShownBooleansTest {
  private static final String TABLE =
      "table d in [iphone_12]: d, latency(resnet50, d) < 1.5ms as \"fits\"\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private static String block(String body) {
    return "# Review\n\n```devq\n" + body + "```\n";
  }

  @Test
  void checkRefusesAListOfBooleansAtItsPosition() throws Exception {
    Path f = file("list.devq", "# sizes\n1 ms < 2 ms\n[1 ms < 2 ms, 3 ms < 1 ms]\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
    assertTrue(
        r.err().contains("error[TYPE_MISMATCH]: a list of booleans is not a check"), r.err());
    assertTrue(r.err().contains(f + ":3:1"), r.err());
    assertTrue(r.err().contains("all x in [...]"), r.err());
  }

  @Test
  void aNestedListOrABoundListIsRefusedButItsLetIsNot() throws Exception {
    Path f = file("nested.devq", "let xs = [1 ms < 2 ms]\n[[3 ms < 1 ms]]\nxs\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
    assertFalse(r.err().contains(f + ":1:"), r.err());
    assertTrue(r.err().contains(f + ":2:1"), r.err());
    assertTrue(r.err().contains(f + ":3:1"), r.err());
  }

  @Test
  void docAndDocCheckRefuseAListOfBooleansAndLeaveTheDocumentAlone() throws Exception {
    String text = block("[3 ms < 1 ms]\n");
    Path f = file("review.md", text);
    for (String[] args : new String[][] {{"doc", f.toString()}, {"doc", "--check", f.toString()}}) {
      Run r = CheckReportsTest.devq(args);
      assertEquals(ExitCodes.BAD_INPUT, r.code(), r.err());
      assertTrue(r.err().contains(f + ":4:1"), r.err());
      assertTrue(r.err().contains("a false in it would not fail"), r.err());
      assertEquals(text, Files.readString(f));
    }
  }

  @Test
  void evalShowsAListOfBooleansAsAValue() {
    Run r = CheckReportsTest.devq("eval", "[1 ms < 2 ms, 3 ms < 1 ms]");
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertEquals("[true, false]", r.out().strip());
    assertEquals("", r.err());
  }

  @Test
  void aTableOfBooleansIsShownWithAWarningOnStandardError() throws Exception {
    Path devq = file("table.devq", TABLE);
    Path md = file("table.md", block(TABLE));
    String[][] runs = {
      {"check", devq.toString()}, {"doc", md.toString()}, {"doc", "--check", md.toString()}
    };
    int[] codes = {ExitCodes.OK, ExitCodes.OK, ExitCodes.OK};
    for (int i = 0; i < runs.length; i++) {
      Run r = CheckReportsTest.devq(runs[i]);
      assertEquals(codes[i], r.code(), String.join(" ", runs[i]) + "\n" + r.out() + r.err());
      assertTrue(
          r.err().contains("warning[TYPE_MISMATCH]: the column 'fits' is shown, not checked"),
          r.err());
      assertTrue(r.err().contains(i == 0 ? devq + ":1:1" : md + ":4:1"), r.err());
      assertTrue(r.err().contains("all d in"), r.err());
      assertFalse(r.out().contains("warning"), r.out());
    }
  }

  /** A CI tool reading check's JSON never saw the warning, which went to standard error only. */
  @Test
  void checkJsonListsEachWarningWithItsPosition() throws Exception {
    Path f = file("table.md", block(TABLE));
    Run r = CheckReportsTest.devq("check", "--format", "json", f.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertEquals(0, report.get("errors").size(), r.out());
    JsonNode warnings = report.get("warnings");
    assertEquals(1, warnings.size(), r.out());
    JsonNode w = warnings.get(0);
    assertEquals("warning", w.get("severity").asText());
    assertTrue(w.get("message").asText().startsWith("the column 'fits' is shown"), r.out());
    assertEquals(f.toString(), w.get("file").asText());
    assertEquals(4, w.get("line").asInt());
    assertEquals(1, w.get("column").asInt());
    assertTrue(r.err().contains("warning[TYPE_MISMATCH]"), r.err());
  }

  @Test
  void aTableWithoutBooleansAndAnEvalWarnOfNothing() throws Exception {
    Path f = file("plain.devq", "table d in [iphone_12]: d, latency(resnet50, d)\n");
    assertEquals("", CheckReportsTest.devq("check", f.toString()).err());
    assertEquals("", CheckReportsTest.devq("eval", TABLE.strip()).err());
  }

  @Test
  void checkNamesEachFileWithoutChecksInEveryFormat() throws Exception {
    Path none = file("none.md", block(TABLE));
    Path some = file("some.devq", "1 ms < 2 ms\n");
    Run text = CheckReportsTest.devq("check", none.toString(), some.toString());
    assertEquals(ExitCodes.OK, text.code(), text.err());
    assertTrue(text.out().contains("no checks in " + none + "\n"), text.out());
    assertFalse(text.out().contains("no checks in " + some), text.out());

    Run json = CheckReportsTest.devq("check", "--format", "json", none.toString(), some.toString());
    JsonNode files = new ObjectMapper().readTree(json.out()).get("files_without_checks");
    assertEquals(1, files.size(), json.out());
    assertEquals(none.toString(), files.get(0).asText());

    Run junit = CheckReportsTest.devq("check", "--format", "junit", none.toString());
    assertTrue(junit.out().contains("<system-out>no checks in " + none + "</system-out>"));
    Run withCheck = CheckReportsTest.devq("check", "--format", "junit", some.toString());
    assertFalse(withCheck.out().contains("system-out"), withCheck.out());
  }

  /** With no check to print, the report began with the blank line that parts checks from it. */
  @Test
  void checkOfAFileWithoutChecksStartsWithWhatItSays() throws Exception {
    Path f = file("none.devq", "1 ms + 2 ms\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals("no checks in " + f + "\n0 checks: 0 passed, 0 failed in 1 file\n", r.out());
  }

  @Test
  void docSaysADocumentHasNoChecks() throws Exception {
    Path f = file("none.md", block("1 ms + 2 ms\n"));
    Run r = CheckReportsTest.devq("doc", f.toString());
    assertEquals(ExitCodes.OK, r.code(), r.err());
    assertTrue(r.out().contains(f + ": 1 result updated; no checks\n"), r.out());
  }

  @Test
  void aFenceNamingDevqInAnyCaseIsRun() throws Exception {
    Path f = file("case.md", "```Devq\n1 ms < 2 ms\n```\n\n```DEVQ\n3 ms < 1 ms\n```\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(ExitCodes.CHECK_FAILED, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("2 checks: 1 passed, 1 failed"), r.out());
  }
}
