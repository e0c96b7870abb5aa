package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #13 reproductions at the command line: FIFOs given to check and validate, several queries
 * to {@code eval}, a calibration missing a constant, a byte-order mark before YAML, profile errors
 * naming the keys a user wrote, and fences and line endings a document may hold ({@code --root} is
 * {@link DocumentRootTest}'s).
 */
class HostileInputTest {
  @TempDir Path dir;

  private static CheckReportsTest.Run devq(String... args) {
    return CheckReportsTest.devq(args);
  }

  private Path fitOverlay(java.util.function.UnaryOperator<String> edit) throws IOException {
    return fitOverlay(dir, edit);
  }

  /**
   * An overlay in {@code dir} whose calibration/fit.yaml is the shipped one, changed by {@code
   * edit}.
   */
  static Path fitOverlay(Path dir, java.util.function.UnaryOperator<String> edit)
      throws IOException {
    Path overlay = dir.resolve("profiles");
    Files.createDirectories(overlay.resolve("calibration"));
    Files.writeString(overlay.resolve("calibration/fit.yaml"), edit.apply(shippedFit()));
    return overlay;
  }

  static String shippedFit() throws IOException {
    return Files.readString(DevqAssertions.projectDir().resolve("profiles/calibration/fit.yaml"));
  }

  private Path fifo(String name) throws IOException, InterruptedException {
    Path fifo = dir.resolve(name);
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    return fifo;
  }

  @Test
  void anEmptyQueryIsRefusedNotSilentlyAnswered() {
    // devq eval "$QUERY" with QUERY unset printed nothing (json: [ ]) and exit 0
    CheckReportsTest.Run one = devq("eval", "");
    assertEquals(2, one.code(), one.err());
    assertEquals("", one.out());
    assertTrue(one.err().startsWith("devq: the query is empty: nothing to evaluate"), one.err());
    CheckReportsTest.Run json = devq("eval", "--format", "json", "let m = resnet50", "  ");
    assertEquals(2, json.code(), json.err());
    assertOnlyAnErrorsObject(json.out(), "eval --format json");
    assertTrue(json.err().startsWith("devq: query 2 is empty"), json.err());
    for (String[] args :
        List.of(
            new String[] {"search", ""},
            new String[] {"search", " ", "  "},
            new String[] {"search", "--format", "json", ""},
            new String[] {"info", ""},
            new String[] {"info", "--format", "json", " "})) {
      CheckReportsTest.Run run = devq(args);
      assertEquals(2, run.code(), String.join(" ", args) + ": " + run.err());
      if (List.of(args).contains("json")) {
        assertOnlyAnErrorsObject(run.out(), String.join(" ", args));
      } else {
        assertEquals("", run.out(), String.join(" ", args));
      }
      assertTrue(run.err().startsWith("devq: "), run.err());
      assertFalse(run.err().contains("''"), run.err());
    }
  }

  /** Under --format json a refusal prints the errors object, never an empty answer ([ ]). */
  private static void assertOnlyAnErrorsObject(String out, String command) {
    assertTrue(
        out.startsWith("{\n  \"kind\": \"errors\",") && out.endsWith("]\n}\n"),
        command + ": " + out);
  }

  @Test
  void aFifoGivenToCheckOrValidateNeverBlocks() throws Exception {
    Path query = fifo("pipe.devq");
    Path csv = fifo("pipe.csv");
    for (String[] args :
        List.of(
            new String[] {"check", query.toString()}, new String[] {"validate", csv.toString()})) {
      CheckReportsTest.Run run =
          assertTimeoutPreemptively(Duration.ofSeconds(20), () -> devq(args));
      assertEquals(2, run.code(), run.err());
      assertTrue(run.err().contains("is not a regular file"), run.err());
    }
  }

  @Test
  void validatePointsAtTheBadCell() throws IOException {
    Path csv = dir.resolve("m.csv");
    Files.writeString(
        csv,
        "\uFEFFexpr,measured_ms\n\"latency(mobilenet_v2, a16)\",0.6\n\"latency(resnet50, a16)\",x\n");
    CheckReportsTest.Run run = devq("validate", csv.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains(" --> " + csv + ":3:26\n"), run.err());
    assertTrue(run.out().contains("1 row"), run.out());
  }

  /** Issue #13: one overflowing row once ended a whole validate run with exit 3. */
  @Test
  void anOverflowingRowIsOneErrorAndTheOtherRowsAreValidated() throws IOException {
    Path csv = dir.resolve("m.csv");
    Files.writeString(
        csv,
        "expr,measured_ms\n\"latency(mobilenet_v2, a16)\",0.6\n"
            + "\"latency(mobilenet_v2(resolution = 1e9), a16)\",1\n");
    CheckReportsTest.Run run = devq("validate", csv.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.out().contains("1 row"), run.out());
    assertTrue(run.err().contains("above the limit of 16777216"), run.err());
  }

  /**
   * Issue #13: never infinity or "unknown" for a non-finite result, never Lucene's clause limit.
   */
  @Test
  void nonFiniteArithmeticAndAThousandWordNameAreBadInput() {
    CheckReportsTest.Run run = devq("eval", "(1e308*10) - (1e308*10)");
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("error[NOT_FINITE]"), run.err());
    String name =
        String.join(" ", java.util.stream.IntStream.range(0, 2000).mapToObj(i -> "w" + i).toList());
    CheckReportsTest.Run words = devq("eval", "latency(mobilenet_v2, \"" + name + "\")");
    assertEquals(2, words.code(), words.err());
    assertTrue(words.err().startsWith("error["), words.err());
  }

  /**
   * A check's label is the user's text, printed at the head of a PASS/FAIL line a CI log shows: a
   * newline in it split the line, a right-to-left override reordered what follows.
   */
  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          check "pay\\nroll": 1 < 2      | PASS  pay␊roll
          check "pay\u202eroll": 1 < 2    | PASS  pay\ufffdroll
          """)
  void aChecksLabelPrintsEveryCharacterVisibly(String query, String firstLine) {
    CheckReportsTest.Run run = devq("eval", query);
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals(firstLine, run.out().lines().findFirst().orElse(""));
  }

  @Test
  void severalQueriesAreEvaluatedInOrderWithSharedBindings() {
    CheckReportsTest.Run run = devq("eval", "let x = 2 ms", "x * 3", "x < 1 ms");
    assertEquals(1, run.code(), run.out() + run.err());
    List<String> lines = run.out().lines().collect(Collectors.toList());
    assertEquals(List.of("x = 2 ms", "6 ms"), lines.subList(0, 2));
    assertTrue(lines.get(2).startsWith("FAIL"), run.out());
    CheckReportsTest.Run two = devq("eval", "1", "-2");
    assertEquals(0, two.code(), two.err());
    assertEquals(List.of("1", "-2"), two.out().lines().toList());
  }

  @Test
  void aQuerySplitIntoWordsByTheShellIsAnErrorWithTheFix() {
    CheckReportsTest.Run run = devq("eval", "latency(mobilenet_v2,", "a16)", "<", "33ms");
    assertEquals(2, run.code(), run.out());
    assertEquals(
        "devq: each argument of devq eval is one query, and these 4 arguments are not; together"
            + " they are one query: quote it, as in devq eval 'latency(mobilenet_v2, a16) < 33ms'\n",
        run.err());
  }

  @Test
  void aCalibrationMissingAConstantIsAPositionedProfileError() throws IOException {
    Path overlay = fitOverlay(fit -> fit.replaceAll("(?m)^  bw_eff: .*\\n", ""));
    String fit = shippedFit();
    CheckReportsTest.Run run = devq("--profiles", overlay.toString(), "list", "socs");
    assertEquals(2, run.code(), run.err());
    assertTrue(run.err().contains("the calibration lacks the fitted constant bw_eff"), run.err());
    // the error points at the constants, on the line after `constants:`
    long line = fit.substring(0, fit.indexOf("\nconstants:")).lines().count() + 2;
    assertTrue(run.err().contains("calibration/fit.yaml:" + line + ":3\n"), run.err());
  }

  @Test
  void aByteOrderMarkBeforeAProfileIsAccepted() throws IOException {
    Path overlay = fitOverlay(fit -> "\uFEFF" + fit);
    CheckReportsTest.Run run = devq("--profiles", overlay.toString(), "list", "socs");
    assertEquals(0, run.code(), run.err());
  }

  @Test
  void aProfileErrorNamesTheKeysAsWritten() throws IOException {
    Path overlay = dir.resolve("profiles");
    Files.createDirectories(overlay);
    Files.writeString(
        overlay.resolve("budgets.yaml"),
        "budgets:\n"
            + "  - id: frame_120fps\n"
            + "    description: \"one frame at 120 Hz\"\n"
            + "    value: {value: 8.33 ms, source: apple_hig_frame_rates, confidence: estimate}\n");
    CheckReportsTest.Run run = devq("--profiles", overlay.toString(), "list", "socs");
    assertEquals(2, run.code(), run.err());
    assertTrue(
        run.err().contains("'budgets[0].value' is marked estimate but has no note"), run.err());
  }

  /**
   * Words after devq that were ignored: the block's own text never ran beside file= (a failing
   * check passed), a misspelt file= ran the text instead, an empty file= ran nothing.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          file=in.devq                  | 1 > 2 | 1:9  | this block embeds a query file and also has text of its own
          fille=in.devq                 | 1 > 2 | 1:9  | unknown word 'fille=in.devq' after devq
          file=in.devq extra=1          |       | 1:22 | unknown word 'extra=1' after devq
          file=                         |       | 1:9  | file= names no file
          file=in.devq file=other.devq  |       | 1:22 | a fence embeds one query file, and this is a second file=
          """)
  void aFenceWithWordsDevqDoesNotReadIsRefused(String info, String body, String at, String message)
      throws IOException {
    Files.writeString(dir.resolve("in.devq"), "1 < 2\n");
    Files.writeString(dir.resolve("other.devq"), "1 < 2\n");
    Path doc = dir.resolve("review.md");
    String text = "```devq " + info + "\n" + (body == null ? "" : body + "\n") + "```\n";
    Files.writeString(doc, text);
    for (String command : List.of("check", "doc")) {
      CheckReportsTest.Run run = devq(command, doc.toString());
      assertEquals(2, run.code(), command + ": " + run.out() + run.err());
      assertTrue(run.err().contains("error[DOCUMENT]: " + message + "\n"), run.err());
      assertTrue(run.err().contains(" --> " + doc + ":" + at + "\n"), run.err());
    }
    assertEquals(text, Files.readString(doc));
  }

  /**
   * A fence in a block quote or on a list item's first line: the container's marker ({@code >},
   * {@code -}, {@code 1.}) was read as the fence's first word, so check refused the block ("unknown
   * word '```devq' after devq", "unknown plot option 'plot'") instead of running it.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          > ```devq\\n> 1 > 2\\n> ```                                           | 1
          - ```devq\\n  1 > 2\\n  ```                                           | 1
          > ```devq file=in.devq\\n> ```                                        | 1
          1. ```devq plot --timeline\\n   latency(mobilenet_v2, a16)\\n   ``` | 0
          """)
  void aFenceInAQuoteOrOnAListItemLineRuns(String markdown, int code) throws IOException {
    Files.writeString(dir.resolve("in.devq"), "1 > 2\n");
    Path doc = dir.resolve("review.md");
    Files.writeString(doc, markdown.replace("\\n", "\n") + "\n");
    CheckReportsTest.Run run = devq("check", doc.toString());
    assertEquals(code, run.code(), run.out() + run.err());
    assertEquals("", run.err());
  }

  /**
   * A document with old Mac line endings (a lone carriage return): Markdown found its block, but
   * devq read the whole file as one line, so the fence's words were the document's ("unknown word
   * 'T' after devq", six errors). Now it runs, and doc writes its result with the same line ending.
   */
  @Test
  void aDocumentWithLoneCarriageReturnsRunsAndKeepsThem() throws IOException {
    Path doc = dir.resolve("review.md");
    String text = "# T\r\r```devq\r1 > 2\r```\r\rafter\r";
    Files.writeString(doc, text);
    CheckReportsTest.Run check = devq("check", doc.toString());
    assertEquals(1, check.code(), check.out() + check.err());
    assertTrue(check.out().startsWith("FAIL  " + doc + ":4  1 > 2"), check.out());
    CheckReportsTest.Run written = devq("doc", doc.toString());
    assertEquals(1, written.code(), written.out() + written.err());
    String after = Files.readString(doc);
    assertTrue(after.startsWith("# T\r\r```devq\r1 > 2\r```\r<!-- devq:result "), after);
    assertTrue(after.endsWith("<!-- devq:end -->\r\rafter\r"), after);
    assertFalse(after.contains("\n"), after);
  }

  /**
   * Headers validate once read wrongly: a column named twice had its last cells read, an empty file
   * got the CSV parser's words ("Empty header line: can not bind data"), and a misspelt column no
   * hint.
   */
  @ParameterizedTest(name = "header [{0}]")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          expr,measured_ms,expr  | 1:18 | the header names the column 'expr' twice
          ''                     | 1:1  | no measurement rows: write a header with expr and measured_ms
          exp,measured_ms        | 1:1  | found [exp, measured_ms]; is 'exp' meant to be 'expr'?
          """)
  void aHeaderValidateCannotReadIsRefused(String header, String at, String message)
      throws IOException {
    Path csv = dir.resolve("m.csv");
    Files.writeString(
        csv, header.isEmpty() ? "" : header + "\n\"latency(mobilenet_v2, a16)\",0.6,x\n");
    CheckReportsTest.Run run = devq("validate", csv.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains(message), run.err());
    // a column named twice is shown at its second name
    assertTrue(run.err().contains(" --> " + csv + ":" + at + "\n"), run.err());
  }

  /** A folder without query files passed (exit 0, "0 checks … in 0 files"): nothing was checked. */
  @Test
  void checkingAFolderWithoutQueryFilesIsAnError() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("docs"));
    Files.writeString(empty.resolve("notes.txt"), "not a query\n");
    CheckReportsTest.Run run = devq("check", empty.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().startsWith("devq: " + empty + " holds no .devq or .md file"), run.err());
  }
}
