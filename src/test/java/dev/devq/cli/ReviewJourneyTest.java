package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a review author met on a first run through: write a document, run {@code doc} and {@code
 * check} in every format, import a model, break things. Each test is one rough edge mended.
 */
class ReviewJourneyTest {
  @TempDir Path dir;

  private Path review(String text) throws IOException {
    return Files.writeString(dir.resolve("review.md"), text);
  }

  /**
   * A pull-request comment made of {@code --format markdown} showed the passing checks alone while
   * the run failed with exit 2 on a fence whose file= is missing: it read as all green.
   */
  @Test
  void theMarkdownReportShowsErrorsAsRows() throws IOException {
    Path doc = review("```devq\n1 ms < 2 ms\n```\n\n```devq file=nope.devq\n```\n");
    CheckReportsTest.Run run =
        CheckReportsTest.devq("check", "--format", "markdown", doc.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.out().contains("| ✅ PASS |"), run.out());
    assertTrue(
        run.out().contains("| ⛔ ERROR | error[INPUT_FILE]: no such file: nope.devq"), run.out());
    assertTrue(run.out().contains(" | " + doc + ":5:9 | | |\n"), run.out());
  }

  /** So did a spreadsheet of {@code --format csv}: the error is a record of its own. */
  @Test
  void theCsvReportShowsErrorsAsRecords() throws IOException {
    Path doc = review("```devq\n1 ms < 2 ms\n```\n\n```devq file=nope.devq\n```\n");
    CheckReportsTest.Run run = CheckReportsTest.devq("check", "--format", "csv", doc.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(run.out().contains("\nPASS,"), run.out());
    assertTrue(run.out().contains("\nERROR,error[INPUT_FILE]: no such file: nope.devq"), run.out());
  }

  /**
   * A check's test case carries {@code file} and {@code line}, which CI annotations use; an error's
   * did not, so CI could not point at the broken fence.
   */
  @Test
  void aJunitErrorNamesItsFileAndLine() throws IOException {
    Path doc = review("```devq\n1 ms < 2 ms\n```\n\n```devq file=nope.devq\n```\n");
    CheckReportsTest.Run run = CheckReportsTest.devq("check", "--format", "junit", doc.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(
        run.out().contains("classname=\"" + doc + "\" file=\"" + doc + "\" line=\"5\"><error"),
        run.out());
  }

  /**
   * {@code devq import} writes into ./devq-profiles, which a later {@code devq doc} does not read;
   * the unknown model then only suggested the nearest zoo model. The error now names the file that
   * describes it and both ways to load it.
   */
  @Test
  void anUnknownModelThatImportWroteSaysHowToLoadIt() throws IOException {
    Path models = Files.createDirectories(dir.resolve("devq-profiles/models"));
    Files.writeString(models.resolve("my_net.yaml"), "id: my_net\n");
    Path doc = review("```devq\nsize(my_net) < 10MB\n```\n");
    for (String command : new String[] {"doc", "check"}) {
      CheckReportsTest.Run run = CheckReportsTest.devq(command, doc.toString());
      assertEquals(2, run.code(), run.err());
      assertTrue(
          run.err()
              .contains(
                  "= "
                      + models.resolve("my_net.yaml")
                      + " describes it (devq import wrote it): pass --profiles "
                      + dir.resolve("devq-profiles")
                      + ", or name it in the review's front matter: devq: {profiles:"
                      + " [devq-profiles]}"),
          command + ": " + run.err());
    }
  }

  /** {@code doc --check} changes nothing ever: "left unchanged" after its errors said otherwise. */
  @Test
  void docCheckDoesNotSayItLeftTheFileUnchanged() throws IOException {
    Path doc = review("```devq\nlatncy(resnet50, a16)\n```\n");
    CheckReportsTest.Run checked = CheckReportsTest.devq("doc", "--check", doc.toString());
    assertEquals(2, checked.code(), checked.err());
    assertFalse(checked.err().contains("left unchanged"), checked.err());
    CheckReportsTest.Run written = CheckReportsTest.devq("doc", doc.toString());
    assertTrue(written.err().contains("devq: " + doc + " left unchanged"), written.err());
  }

  /**
   * Every stale block said "the query changed (this block or one before it)": after an edit to the
   * query file a fence embeds, the author had to guess which of the blocks below was the cause. The
   * hashes of the blocks above tell which block changed; the rest follow it.
   */
  @Test
  void aStaleResultSaysWhatChanged() throws IOException {
    Files.writeString(dir.resolve("q.devq"), "let m = resnet50\n");
    Path doc =
        review(
            "```devq\nlet a = 1 ms\n```\n\n```devq file=q.devq\n```\n\n```devq\na < 2 ms\n```\n");
    assertEquals(0, CheckReportsTest.devq("doc", doc.toString()).code());
    Files.writeString(dir.resolve("q.devq"), "let m = resnet18\n");
    CheckReportsTest.Run run = CheckReportsTest.devq("doc", "--check", doc.toString());
    assertEquals(1, run.code(), run.out());
    assertTrue(run.out().contains(": stale result: its query file q.devq changed"), run.out());
    assertTrue(
        run.out()
            .contains(
                ": stale result: a block above it changed (its let bindings may reach this"
                    + " one)"),
        run.out());
    Files.writeString(dir.resolve("q.devq"), "let m = resnet50\n");
    Files.writeString(
        doc, Files.readString(doc).replace("```devq\na < 2 ms\n```", "```devq\na < 3 ms\n```"));
    run = CheckReportsTest.devq("doc", "--check", doc.toString());
    assertTrue(run.out().contains(": stale result: this block's query changed"), run.out());
  }

  /** A region whose block went was reported after all the others, out of document order. */
  @Test
  void staleResultsAreListedInDocumentOrder() throws IOException {
    Path doc = review("```devq\n1 < 2\n```\n\n```devq\n2 < 3\n```\n");
    assertEquals(0, CheckReportsTest.devq("doc", doc.toString()).code());
    String text = Files.readString(doc);
    // the first block goes (its region stays behind), the second one changes
    text =
        text.replaceFirst("```devq\n1 < 2\n```\n", "")
            .replace("```devq\n2 < 3\n```", "```devq\n2 < 4\n```");
    Files.writeString(doc, text);
    CheckReportsTest.Run run = CheckReportsTest.devq("doc", "--check", doc.toString());
    int orphan = run.out().indexOf("no devq block right above it");
    int changed = run.out().indexOf("query changed");
    assertTrue(orphan >= 0 && changed > orphan, run.out() + run.err());
  }
}
