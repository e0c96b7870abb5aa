package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cli.CheckReportsTest.Run;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A {@code let} of a boolean at the top of a query file that nothing reads showed {@code false} and
 * failed nothing: {@code let fits = latency(…) < 1ms} looked like a check and was none. Where CI
 * reads files (check, doc, piped input) it is now an error at the let; read by a later statement,
 * in the same block or a later one, it is fine.
 */
class UnreadBooleanLetsTest {
  private static final String FITS = "let fits = latency(mobilenet_v2, iphone_12) < 1ms\n";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  /** What {@code devq check} says on standard error of a file it refuses (exit 2). */
  private static String refused(Path f) {
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
    return r.err();
  }

  @Test
  void checkRefusesALetOfABooleanThatNothingReads() throws Exception {
    Path f = file("fits.devq", "# fits?\n" + FITS);
    String err = refused(f);
    assertTrue(
        err.contains(
            "error[TYPE_MISMATCH]: 'fits' is a boolean that no later statement reads: it is"
                + " shown, never checked"),
        err);
    assertTrue(err.contains(f + ":2:1"), err);
    assertTrue(err.contains("drop 'let fits ='"), err);
  }

  @Test
  void aLetReadByALaterCheckIsACheckThere() throws Exception {
    Path f = file("used.devq", FITS + "check \"fits\": fits\n");
    Run r = CheckReportsTest.devq("check", f.toString());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertEquals("", r.err());
  }

  @Test
  void aListOfBooleansBoundAndNeverReadIsRefusedToo() throws Exception {
    Path f = file("list.devq", "let xs = [1 ms < 2 ms, 3 ms < 1 ms]\n");
    String err = refused(f);
    assertTrue(err.contains("'xs' holds booleans that no later statement reads"), err);
    assertTrue(err.contains("all x in xs: x"), err);
  }

  @Test
  void aLetReplacedBeforeAnyReadIsRefusedAndSaysSo() throws Exception {
    Path f = file("again.devq", "let ok = 1 ms < 2 ms\nlet ok = 3 ms < 1 ms\nok\n");
    String err = refused(f);
    assertTrue(err.contains(f + ":1:1"), err);
    assertFalse(err.contains(f + ":2:1"), err);
    assertTrue(err.contains("a later let of 'ok' replaced it"), err);
  }

  @Test
  void aStatementThatFailsStillReadsTheLet() throws Exception {
    Path f = file("typo.devq", FITS + "fits and no_such_name\n");
    String err = refused(f);
    assertTrue(err.contains("unknown name 'no_such_name'"), err);
    assertFalse(err.contains("no later statement reads"), err);
  }

  @Test
  void aDocumentReadsALetInALaterBlockAndRefusesOneNoBlockReads() throws Exception {
    String used = "# Review\n\n```devq\n" + FITS + "```\n\n```devq\nfits\n```\n";
    Run ok = CheckReportsTest.devq("check", file("used.md", used).toString());
    assertEquals(ExitCodes.OK, ok.code(), ok.out() + ok.err());

    String unread = "# Review\n\n```devq\n" + FITS + "```\n";
    Path f = file("unread.md", unread);
    for (String[] args : new String[][] {{"doc", f.toString()}, {"doc", "--check", f.toString()}}) {
      Run r = CheckReportsTest.devq(args);
      assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
      assertTrue(r.err().contains(f + ":4:1"), r.err());
      assertEquals(unread, Files.readString(f));
    }
  }

  /**
   * A plot fence reads the lets its expression and its range name, as a statement does: a boolean
   * read only there is read. The swept variable is the plot's own, so a let of that name is hidden,
   * not read; a plot that names no let reads none.
   */
  @ParameterizedTest(name = "{0} | {1}  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          --over d in [iphone_12, iphone_15_pro] where newer or d.year > 2021 | latency(mobilenet_v2, d) | read
          --over t in 0min..10min step 5min | min x in [iphone_12, iphone_15_pro] where newer by latency(mobilenet_v2, x, after(t)) | read
          --over newer in 0min..10min step 5min | latency(mobilenet_v2, iphone_12, after(newer)) | unread
          --over t in 0min..10min step 5min | latency(mobilenet_v2, iphone_12, after(t)) | unread
          --timeline | latency(mobilenet_v2, iphone_12) | unread
          """)
  void aPlotFenceReadsTheLetsItNames(String options, String body, String expected)
      throws Exception {
    String doc =
        "# Review\n\n```devq\nlet newer = iphone_15_pro.year > 2022\n```\n\n```devq plot "
            + options
            + "\n"
            + body
            + "\n```\n";
    Path f = file("plot.md", doc);
    Run r = CheckReportsTest.devq("check", f.toString());
    if (expected.equals("read")) {
      assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    } else {
      assertEquals(ExitCodes.BAD_INPUT, r.code(), r.out() + r.err());
      assertTrue(r.err().contains("'newer' is a boolean that no later statement reads"), r.err());
      assertTrue(r.err().contains(f + ":4:1"), r.err());
    }
  }

  @Test
  void standardInputRefusesIt() {
    var err = new StringWriter();
    int code =
        Repl.fromStdin(
            DevqAssertions.devq(),
            new ByteArrayInputStream(FITS.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(ExitCodes.BAD_INPUT, code, err.toString());
    assertTrue(err.toString().contains("<stdin>:1:1"), err.toString());
  }

  @Test
  void evalStillShowsIt() {
    Run r = CheckReportsTest.devq("eval", FITS.strip());
    assertEquals(ExitCodes.OK, r.code(), r.out() + r.err());
    assertEquals("", r.err());
  }
}
