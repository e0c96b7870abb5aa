package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code devq doc} as a user runs it: golden documents ({@code golden/doc/NAME.in.md} → {@code
 * NAME.out}: exit code, output and the document afterwards, with {@code KB_VERSION} standing for
 * the knowledge-base version), then idempotence, staleness, hand edits, line endings and the exit
 * codes of {@code --check}.
 */
class DocCommandTest {
  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run devq(String... args) {
    CheckReportsTest.Run run = CheckReportsTest.devq(args);
    String prefix = dir.toString() + "/";
    return new Run(run.code(), run.out().replace(prefix, ""), run.err().replace(prefix, ""));
  }

  @TestFactory
  Stream<DynamicTest> documentsMatchGoldenFiles() {
    return GoldenFiles.inputs("doc", ".in.md").stream()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getFileName().toString(),
                    () -> {
                      Path doc = copyFolder(input);
                      Run first = devq("doc", doc.toString());
                      String written = Files.readString(doc, StandardCharsets.UTF_8);
                      // The knowledge-base version changes with every profile edit; the golden
                      // files hold a stand-in.
                      String kb = "kb=" + DevqAssertions.kb().version();
                      GoldenFiles.assertMatches(
                          Path.of(input.toString().replace(".in.md", ".out")),
                          "exit: "
                              + first.code()
                              + "\n--- stdout\n"
                              + first.out()
                              + "--- stderr\n"
                              + first.err()
                              + "--- document\n"
                              + written.replace(kb, "kb=KB_VERSION"));
                      byte[] before = Files.readAllBytes(doc);
                      Run second = devq("doc", doc.toString());
                      assertArrayEquals(
                          before, Files.readAllBytes(doc), "a second run must change no byte");
                      assertTrue(second.out().contains("results up to date"), second.out());
                      assertEquals(first.code(), second.code());
                      assertEquals(
                          stripRegions(Files.readString(input)),
                          stripRegions(written),
                          "text outside the regions changed");
                    }));
  }

  @Test
  void reviewExampleIsUpToDateAndRerunsByteForByte() throws IOException {
    Path doc = copyReviewExample();
    byte[] shipped = Files.readAllBytes(doc);
    Run check = devq("doc", "--check", doc.toString());
    assertEquals(
        0,
        check.code(),
        "queries/review-example.md is stale or failing; run ./devq doc on it\n" + check.out());
    assertEquals(0, devq("doc", doc.toString()).code());
    assertArrayEquals(shipped, Files.readAllBytes(doc));
  }

  @Test
  void changedQueryIsStaleUntilDocRuns() throws IOException {
    Path doc = copyReviewExample();
    String text = Files.readString(doc);
    String changed =
        text.replace("size(palettize(seg, 6)) < 10MB", "size(palettize(seg, 6)) < 9MB");
    assertFalse(changed.equals(text));
    Files.writeString(doc, changed);
    int line = lineOf(changed, "```devq\ncheck \"6-bit segmentation weights");
    Run check = devq("doc", "--check", doc.toString());
    assertEquals(1, check.code(), check.out());
    assertTrue(
        check
            .out()
            .contains("review-example.md:" + line + ": stale result: this block's query changed"),
        check.out());
    assertArrayEquals(
        changed.getBytes(StandardCharsets.UTF_8),
        Files.readAllBytes(doc),
        "--check must change nothing");
    assertEquals(0, devq("doc", doc.toString()).code());
    assertTrue(Files.readString(doc).contains("8.28 MB < 9 MB"));
    assertEquals(0, devq("doc", "--check", doc.toString()).code());
  }

  @Test
  void changedKnowledgeBaseIsStale() throws IOException {
    Path doc = copyReviewExample();
    String text = Files.readString(doc);
    String version = DevqAssertions.kb().version();
    Files.writeString(doc, text.replaceFirst("kb=" + version, "kb=000000000000"));
    Run check = devq("doc", "--check", doc.toString());
    assertEquals(1, check.code());
    assertTrue(check.out().contains(":17: stale result: the knowledge base changed"), check.out());
    assertEquals(0, devq("doc", doc.toString()).code());
    assertEquals(text, Files.readString(doc));
  }

  /**
   * The refusal points at the line the user changed, shows it with what devq wrote there, and says
   * how to mend it; it pointed at the marker line, leaving the reader to find the edit in the
   * region.
   */
  @Test
  void handEditedRegionIsRefusedAtTheEditedLineAndTheFileKept() throws IOException {
    Path doc = copyReviewExample();
    String edited = Files.readString(doc).replace("size(seg) = 22.1 MB", "size(seg) = 20 MB");
    Files.writeString(doc, edited);
    int line = lineOf(edited, "size(seg) = 20 MB");
    int marker = lineOf(edited, "<!-- devq:result", edited.indexOf("size(seg) = 20 MB"));
    int end =
        (int)
                edited
                    .substring(0, edited.indexOf("<!-- devq:end -->", edited.indexOf("= 20 MB")))
                    .chars()
                    .filter(c -> c == '\n')
                    .count()
            + 1;
    for (String[] args :
        new String[][] {{"doc", doc.toString()}, {"doc", "--check", doc.toString()}}) {
      Run run = devq(args);
      assertEquals(2, run.code());
      assertTrue(
          run.err().contains("error[DOCUMENT]: this result region was edited by hand"), run.err());
      assertTrue(run.err().contains("review-example.md:" + line + ":1\n"), run.err());
      assertTrue(run.err().contains(line + " | size(seg) = 20 MB\n"), run.err());
      assertTrue(run.err().contains("^ edited: devq wrote 'size(seg) = 22.1 MB'"), run.err());
      assertTrue(
          run.err()
              .contains(
                  "move your text below its end marker on line "
                      + end
                      + ", or delete lines "
                      + marker
                      + "–"
                      + end
                      + " and run devq doc to write it again"),
          run.err());
      assertArrayEquals(edited.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(doc));
    }
  }

  /**
   * Two documents in a subfolder share a query file beside it, read with --root: the file is named
   * as the user reaches it (q/shared.devq, not sub/../q/shared.devq) in check's report, and a
   * change to it makes both documents stale, each saying which file changed.
   */
  @Test
  void documentsInASubfolderShareAQueryFileUnderRoot() throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.createDirectories(dir.resolve("q"));
    Files.writeString(dir.resolve("q/shared.devq"), "check \"fits\": size(mobilenet_v2) < 20MB\n");
    for (String name : new String[] {"sub/a.md", "sub/b.md"}) {
      Files.writeString(dir.resolve(name), "# R\n\n```devq file=../q/shared.devq\n```\n");
    }
    String root = dir.toString();
    String a = dir.resolve("sub/a.md").toString();
    String b = dir.resolve("sub/b.md").toString();
    assertEquals(0, devq("doc", "--root", root, a, b).code());
    Run csv = devq("check", "--root", root, "--format", "csv", dir.resolve("sub").toString());
    assertEquals(0, csv.code(), csv.err());
    assertTrue(csv.out().contains(",q/shared.devq:1,"), csv.out());
    Files.writeString(dir.resolve("q/shared.devq"), "check \"fits\": size(mobilenet_v2) < 30MB\n");
    Run stale = devq("doc", "--check", "--root", root, a, b);
    assertEquals(1, stale.code());
    for (String name : new String[] {"sub/a.md", "sub/b.md"}) {
      assertTrue(
          stale.out().contains(name + ":3: stale result: its query file ../q/shared.devq changed"),
          stale.out());
    }
  }

  /**
   * {@code text} as git leaves it when lines {@code [from, to)} were changed on two branches: this
   * side as it is, the other's with MiB for MB.
   */
  private static String conflicted(String text, int from, int to) {
    String ours = text.substring(from, to);
    return text.substring(0, from)
        + "<<<<<<< HEAD\n"
        + ours
        + "=======\n"
        + ours.replace("MB", "MiB")
        + ">>>>>>> other-branch\n"
        + text.substring(to);
  }

  /** A document of one block, with its result written by devq doc: the text written. */
  private String writtenOneBlock(Path doc) throws IOException {
    Files.writeString(doc, "# R\n\n```devq\nsize(mobilenet_v2)\n```\n");
    assertEquals(0, devq("doc", doc.toString()).code());
    return Files.readString(doc);
  }

  /** A line added at the end of a region is the one pointed at, not the region's marker. */
  @Test
  void lineAddedInsideARegionIsPointedAt() throws IOException {
    Path doc = dir.resolve("added.md");
    String written = writtenOneBlock(doc);
    String edited =
        written.replace("```\n<!-- devq:end -->", "```\nLooks fine to me.\n<!-- devq:end -->");
    Files.writeString(doc, edited);
    Run run = devq("doc", "--check", doc.toString());
    assertEquals(2, run.code());
    int line = lineOf(edited, "Looks fine to me.");
    assertTrue(run.err().contains("added.md:" + line + ":1\n"), run.err());
    assertTrue(run.err().contains("^ added below what devq wrote"), run.err());
    assertEquals(edited, Files.readString(doc));
  }

  /**
   * Most often the conflict runs through the markers themselves (both branches rewrote the whole
   * region); it is named as what it is, at its first line, rather than as the missing end marker
   * and stray end marker that follow from it, and nothing is written.
   */
  @Test
  void mergeConflictAroundARegionIsNamedAsOne() throws IOException {
    Path doc = dir.resolve("merged.md");
    String written = writtenOneBlock(doc);
    int open = written.indexOf("<!-- devq:result");
    int end = written.indexOf("<!-- devq:end -->");
    String merged = conflicted(written, open, end);
    Files.writeString(doc, merged);
    Run run = devq("doc", doc.toString());
    assertEquals(2, run.code(), run.err());
    assertTrue(
        run.err()
            .startsWith(
                "error[DOCUMENT]: this document holds an unresolved merge conflict; devq doc will"
                    + " not write it\n --> merged.md:"
                    + lineOf(merged, "<<<<<<< HEAD")
                    + ":1\n"),
        run.err());
    assertTrue(
        run.err().contains("the conflict runs to line " + lineOf(merged, ">>>>>>>")), run.err());
    assertFalse(run.err().contains("no end marker"), run.err());
    assertEquals(merged, Files.readString(doc));
  }

  /**
   * Two branches that both ran devq doc conflict inside the region when merged; git's markers there
   * are named as a conflict (not a hand edit), at its first line, with the way out: delete the
   * region and run devq doc. Neither side is kept or dropped by devq.
   */
  @Test
  void mergeConflictInsideARegionIsNamedAtItsFirstMarker() throws IOException {
    Path doc = dir.resolve("merged.md");
    String written = writtenOneBlock(doc);
    int open = written.indexOf("```text\n") + "```text\n".length();
    int close = written.indexOf("\n", open) + 1;
    String merged = conflicted(written, open, close);
    Files.writeString(doc, merged);
    for (String[] args :
        new String[][] {{"doc", doc.toString()}, {"doc", "--check", doc.toString()}}) {
      Run run = devq(args);
      assertEquals(2, run.code(), run.err());
      int line = lineOf(merged, "<<<<<<< HEAD");
      assertTrue(
          run.err().contains("error[DOCUMENT]: this document holds an unresolved merge conflict"),
          run.err());
      assertFalse(run.err().contains("edited by hand"), run.err());
      assertTrue(run.err().contains("merged.md:" + line + ":1\n"), run.err());
      assertTrue(
          run.err().contains("and run devq doc to write it for the merged query"), run.err());
      assertEquals(merged, Files.readString(doc));
    }
  }

  /**
   * A conflict in a result region is no syntax error, so {@code check} passed a document no one had
   * merged, and a CI step with it; it refuses it as {@code doc} does, at the conflict's first line.
   */
  @Test
  void checkRefusesADocumentWithAMergeConflict() throws IOException {
    Path doc = dir.resolve("merged.md");
    String written = writtenOneBlock(doc);
    int open = written.indexOf("```text\n") + "```text\n".length();
    String merged = conflicted(written, open, written.indexOf("\n", open) + 1);
    Files.writeString(doc, merged);
    Run run = devq("check", doc.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(
        run.err()
            .contains(
                "error[DOCUMENT]: this document holds an unresolved merge conflict; devq check"
                    + " will not run it\n --> "),
        run.err());
    assertTrue(run.err().contains("merged.md:" + lineOf(merged, "<<<<<<< HEAD") + ":1\n"));
    assertEquals(merged, Files.readString(doc));
  }

  @Test
  void crlfDocumentStaysCrlf() throws IOException {
    Path lf = dir.resolve("lf.md");
    Path crlf = dir.resolve("crlf.md");
    String text = Files.readString(GoldenFiles.folder("doc").resolve("basic.in.md"));
    Files.writeString(lf, text);
    Files.writeString(crlf, text.replace("\n", "\r\n"));
    devq("doc", lf.toString());
    devq("doc", crlf.toString());
    String written = Files.readString(crlf);
    assertEquals(Files.readString(lf).replace("\n", "\r\n"), written);
    assertFalse(
        written.replace("\r\n", "").contains("\n"), "a bare LF was written into a CRLF document");
    byte[] once = Files.readAllBytes(crlf);
    assertEquals(0, devq("doc", "--check", crlf.toString()).code() & 2);
    devq("doc", crlf.toString());
    assertArrayEquals(once, Files.readAllBytes(crlf));
  }

  @Test
  void byteOrderMarkIsKeptAndDoesNotHideTheFirstFence() throws IOException {
    Path plain = dir.resolve("plain.md");
    Path bom = dir.resolve("bom.md");
    String text = Files.readString(GoldenFiles.folder("doc").resolve("basic.in.md"));
    Files.writeString(plain, text);
    Files.writeString(bom, "\uFEFF" + text);
    devq("doc", plain.toString());
    devq("doc", bom.toString());
    assertEquals("\uFEFF" + Files.readString(plain), Files.readString(bom));
    byte[] once = Files.readAllBytes(bom);
    devq("doc", bom.toString());
    assertArrayEquals(once, Files.readAllBytes(bom));
  }

  @Test
  void checkExitCodes() throws IOException {
    Path passing = dir.resolve("passing.md");
    Files.writeString(passing, "# t\n\n```devq\nsize(mobilenet_v2) < 10MB\n```\n");
    assertEquals(
        1, devq("doc", "--check", passing.toString()).code(), "a block without a result is stale");
    assertEquals(0, devq("doc", passing.toString()).code());
    assertEquals(0, devq("doc", "--check", passing.toString()).code());

    Path failing = dir.resolve("failing.md");
    Files.writeString(failing, "```devq\nsize(mobilenet_v2) < 1MB\n```\n");
    assertEquals(
        1,
        devq("doc", failing.toString()).code(),
        "doc writes the result and reports the failing check");
    Run check = devq("doc", "--check", failing.toString());
    assertEquals(1, check.code());
    assertTrue(check.out().contains("FAIL  failing.md:2  size(mobilenet_v2) < 1MB"), check.out());

    Path bad = dir.resolve("bad.md");
    Files.writeString(bad, "```devq\nlatency(mobilenet_v2, a71) < 1ms\n```\n");
    Run error = devq("doc", "--check", bad.toString());
    assertEquals(2, error.code());
    assertTrue(error.err().contains("bad.md:2:23"), error.err());
    assertEquals(2, devq("doc", dir.resolve("missing.md").toString()).code());
  }

  @Test
  void orphanResultIsRemovedAndUnclosedBlockRefused() throws IOException {
    Path doc = dir.resolve("orphan.md");
    Files.writeString(doc, "```devq\nsize(mobilenet_v2)\n```\n");
    devq("doc", doc.toString());
    String withRegion = Files.readString(doc);
    Files.writeString(
        doc, withRegion.replace("```devq\nsize(mobilenet_v2)\n```\n", "Moved away.\n"));
    assertEquals(1, devq("doc", "--check", doc.toString()).code());
    devq("doc", doc.toString());
    assertEquals("Moved away.\n", Files.readString(doc));

    Files.writeString(doc, "text\n\n```devq\nsize(mobilenet_v2)\n");
    Run run = devq("doc", doc.toString());
    assertEquals(2, run.code());
    assertTrue(run.err().contains("this devq block is never closed"), run.err());
    assertEquals("text\n\n```devq\nsize(mobilenet_v2)\n", Files.readString(doc));
  }

  /**
   * An end marker that closes no region was kept without a word: a region whose opening line was
   * deleted got a fresh region above it, leaving the old result and its end marker behind as the
   * user's text. Now both doc and doc --check refuse it at its line and change nothing; check runs
   * the queries and leaves result regions to doc, as it does for a region edited by hand.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a lone end marker          | text\\n<!-- devq:end -->\\n
          an opening marker deleted  | ```text\\n1 + 1 = 2\\n```\\n<!-- devq:end -->\\n
          a second end marker        | <!-- devq:end -->\\n
          """)
  void anEndMarkerWithNoRegionIsRefusedAtItsLine(String what, String after) throws IOException {
    Path doc = dir.resolve("stray.md");
    Files.writeString(doc, "# Review\n\n```devq\n1 + 1\n```\n");
    if (what.startsWith("a second")) {
      assertEquals(0, devq("doc", doc.toString()).code());
    }
    String text = Files.readString(doc) + after.replace("\\n", "\n");
    Files.writeString(doc, text);
    int line = (int) text.substring(0, text.lastIndexOf("<!-- devq:end")).lines().count() + 1;
    for (String[] args :
        new String[][] {{"doc", doc.toString()}, {"doc", "--check", doc.toString()}}) {
      Run run = devq(args);
      assertEquals(2, run.code(), run.err());
      assertTrue(
          run.err()
              .contains(
                  "error[DOCUMENT]: this end marker closes no result region: no <!-- devq:result"
                      + " … --> line opens one above it\n"),
          run.err());
      assertTrue(run.err().contains("--> stray.md:" + line + ":1\n"), run.err());
      assertTrue(run.err().contains("= delete the line"), run.err());
      assertEquals(text, Files.readString(doc));
    }
    assertEquals(0, devq("check", doc.toString()).code());
  }

  /** Copies a golden input and the query files beside it into the temporary directory. */
  private Path copyFolder(Path input) throws IOException {
    try (Stream<Path> files = Files.list(input.getParent())) {
      for (Path f : files.filter(p -> p.toString().endsWith(".devq")).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Path doc = dir.resolve(input.getFileName().toString().replace(".in.md", ".md"));
    Files.copy(input, doc);
    return doc;
  }

  private Path copyReviewExample() throws IOException {
    Path queries = DevqAssertions.projectDir().resolve("queries");
    for (String f :
        new String[] {"review-example.md", "camera-segmentation.devq", "assistant-llm.devq"}) {
      Files.copy(queries.resolve(f), dir.resolve(f));
    }
    // the figures of its ```devq plot fences live beside it
    try (var figures = Files.newDirectoryStream(queries, "review-example.plot-*.svg")) {
      for (Path f : figures) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    return dir.resolve("review-example.md");
  }

  /** The document without its result regions: what the user wrote. */
  static String stripRegions(String text) {
    var out = new StringBuilder();
    boolean inRegion = false;
    for (String line : text.split("(?<=\n)")) {
      if (line.startsWith("<!-- devq:result")) {
        inRegion = true;
      }
      if (!inRegion) {
        out.append(line);
      }
      if (line.startsWith("<!-- devq:end -->")) {
        inRegion = false;
        if (!line.endsWith("\n") && out.length() > 0 && out.charAt(out.length() - 1) == '\n') {
          out.setLength(out.length() - 1);
        }
      }
    }
    return out.toString();
  }

  private static int lineOf(String text, String needle) {
    return lineOf(text, needle, 0);
  }

  /**
   * The 1-based line of the last occurrence of needle at or before {@code before} (or the first,
   * when 0).
   */
  private static int lineOf(String text, String needle, int before) {
    int at = before == 0 ? text.indexOf(needle) : text.lastIndexOf(needle, before);
    assertTrue(at >= 0, needle);
    return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }
}
