package dev.devq.doc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ```devq plot} fences in a review document: the figure is written beside it and linked from
 * the result region, a re-run writes nothing, a missing figure is stale, a figure edited by hand is
 * refused, and bad fence options are positioned errors.
 */
class PlotFencesTest {
  @TempDir Path dir;

  private static final String DOC =
      """
      # Review

      ```devq
      let m = mobilenet_v2
      ```

      ```devq plot --over t in 0min..10min step 5min --title "Thermal curve"
      latency(m, iphone_12, after(t))
      ```
      """;

  private DocReport doc(Path path, boolean write) {
    return ReviewDocuments.run(DevqAssertions.devq(), path, write, null);
  }

  /** review.md, written with {@link #DOC} and brought up to date: its one figure. */
  private Path drawn(Path md) throws Exception {
    Files.writeString(md, DOC, StandardCharsets.UTF_8);
    doc(md, true);
    return figures().get(0);
  }

  /** A run that refused the figure, and said why in {@code words}. */
  private static void assertRefused(DocReport r, String words) {
    assertFalse(r.ok());
    assertEquals(DiagnosticCode.DOCUMENT, r.result().diagnostics().get(0).code());
    assertTrue(r.result().diagnostics().get(0).message().contains(words));
  }

  private List<Path> figures() throws Exception {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.toString().endsWith(".svg")).toList();
    }
  }

  /**
   * A figure's name follows its own fence: retitling the first plot renames its figure and leaves
   * the later ones' names alone (they derived from every fence before them), and two fences written
   * alike get two figures.
   */
  @Test
  void retitlingAPlotRenamesOnlyItsOwnFigure() throws Exception {
    String twoPlots =
        DOC
            + """

            ```devq plot --over t in 0min..10min step 5min --title "Later"
            latency(m, iphone_12, after(t))
            ```

            ```devq plot --over t in 0min..10min step 5min --title "Later"
            latency(m, iphone_12, after(t))
            ```
            """;
    Path md = dir.resolve("review.md");
    Files.writeString(md, twoPlots, StandardCharsets.UTF_8);
    assertTrue(doc(md, true).ok());
    List<String> before = links(md);
    assertEquals(3, before.stream().distinct().count(), before::toString);

    Files.writeString(
        md, twoPlots.replaceFirst("Thermal curve", "Renamed"), StandardCharsets.UTF_8);
    assertTrue(doc(md, true).ok());
    List<String> after = links(md);
    assertFalse(after.get(0).equals(before.get(0)), after::toString);
    assertEquals(before.subList(1, 3), after.subList(1, 3));
  }

  /** The figure names the document links, in order. */
  private static List<String> links(Path md) throws Exception {
    return java.util.regex.Pattern.compile("\\]\\((review\\.plot-[0-9a-f]{12}\\.svg)\\)")
        .matcher(Files.readString(md, StandardCharsets.UTF_8))
        .results()
        .map(m -> m.group(1))
        .toList();
  }

  @Test
  void drawsTheFigureBesideTheDocumentOnceAndLinksIt() throws Exception {
    Path md = dir.resolve("review.md");
    Files.writeString(md, DOC, StandardCharsets.UTF_8);
    DocReport first = doc(md, true);
    assertTrue(first.ok(), () -> first.result().diagnostics().toString());
    List<Path> figures = figures();
    assertEquals(1, figures.size());
    String name = figures.get(0).getFileName().toString();
    assertTrue(name.matches("review\\.plot-[0-9a-f]{12}\\.svg"), name);
    String text = Files.readString(md, StandardCharsets.UTF_8);
    assertTrue(text.contains("![Thermal curve](" + name + ")"), text);

    byte[] docBytes = Files.readAllBytes(md);
    byte[] svgBytes = Files.readAllBytes(figures.get(0));
    DocReport second = doc(md, true);
    assertFalse(second.written());
    assertTrue(second.stale().isEmpty(), second.stale()::toString);
    assertArrayEquals(docBytes, Files.readAllBytes(md));
    assertArrayEquals(svgBytes, Files.readAllBytes(figures.get(0)));
  }

  @Test
  void aMissingFigureIsStaleAndDrawnAgain() throws Exception {
    Path md = dir.resolve("review.md");
    Path figure = drawn(md);
    Files.delete(figure);
    DocReport check = doc(md, false);
    assertEquals(1, check.stale().size());
    assertTrue(check.stale().get(0).reason().contains("is missing"), check.stale()::toString);
    assertFalse(Files.exists(figure));
    doc(md, true);
    assertTrue(Files.exists(figure));
  }

  @Test
  void aChangedRangeRedrawsUnderANewName() throws Exception {
    Path md = dir.resolve("review.md");
    Files.writeString(md, DOC, StandardCharsets.UTF_8);
    doc(md, true);
    Path before = figures().get(0);
    Files.writeString(md, Files.readString(md).replace("step 5min", "step 2min"));
    DocReport r = doc(md, true);
    assertEquals(1, r.stale().size(), r.stale()::toString);
    List<Path> after = figures();
    assertEquals(1, after.size(), after::toString);
    assertFalse(after.contains(before), "the figure the document no longer links is deleted");
    assertTrue(Files.readString(md).contains(after.get(0).getFileName().toString()));
  }

  @Test
  void onlyUnlinkedFiguresDevqDrewForThisDocumentAreDeleted() throws Exception {
    Path md = dir.resolve("review.md");
    Files.writeString(md, DOC, StandardCharsets.UTF_8);
    doc(md, true);
    Path drawn = figures().get(0);
    String svg = Files.readString(drawn, StandardCharsets.UTF_8);
    // another document's figure, a picture of the user's, and one of devq's edited by hand
    Path other = dir.resolve("other.plot-0123456789ab.svg");
    Path mine = dir.resolve("review.plot-diagram.svg");
    Path edited = dir.resolve("review.plot-aaaaaaaaaaaa.svg");
    Files.writeString(other, svg);
    Files.writeString(mine, svg);
    Files.writeString(edited, svg.replace("Thermal curve", "Thermal curve!"));
    Path nested = Files.createDirectories(dir.resolve("sub")).resolve(drawn.getFileName());
    Files.writeString(nested, svg);
    Path stale = dir.resolve("review.plot-bbbbbbbbbbbb.svg");
    Files.writeString(stale, svg);

    DocReport fresh = doc(md, false);
    assertTrue(fresh.stale().isEmpty(), fresh.stale()::toString);
    assertTrue(Files.exists(stale), "--check changes nothing");
    doc(md, true);
    assertFalse(Files.exists(stale));
    for (Path kept : List.of(drawn, other, mine, edited, nested)) {
      assertTrue(Files.exists(kept), kept::toString);
    }

    Files.writeString(md, "# Review\n\nNo figure any more.\n", StandardCharsets.UTF_8);
    doc(md, true);
    assertFalse(Files.exists(drawn), "a figure whose fence went is deleted");
  }

  @Test
  void aFigureEditedByHandIsRefused() throws Exception {
    Path md = dir.resolve("review.md");
    Path figure = drawn(md);
    String edited = Files.readString(figure).replace("Thermal curve", "Thermal curve!");
    Files.writeString(figure, edited);
    assertRefused(doc(md, true), "edited by hand");
    assertEquals(edited, Files.readString(figure));
  }

  @Test
  void aLinkInAFiguresPlaceIsRefusedAndNothingIsWrittenThroughIt(@TempDir Path elsewhere)
      throws Exception {
    Path md = dir.resolve("review.md");
    Path figure = drawn(md);
    Files.delete(figure);
    Path outside = elsewhere.resolve("planted.svg");
    Files.createSymbolicLink(figure, outside); // a link whose target does not exist yet
    assertRefused(doc(md, true), "symbolic link");
    assertFalse(Files.exists(outside), "nothing is written through the link");
    assertTrue(Files.isSymbolicLink(figure));
  }

  @Test
  void badFenceOptionsArePositionedErrors() throws Exception {
    Path md = dir.resolve("review.md");
    Files.writeString(md, DOC.replace("--title", "-o x.svg --title"), StandardCharsets.UTF_8);
    DocReport r = doc(md, true);
    assertFalse(r.ok());
    var d = r.result().diagnostics().get(0);
    assertEquals(DiagnosticCode.DOCUMENT, d.code());
    assertEquals(md + ":7:48", d.position());
    assertTrue(figures().isEmpty());
  }

  /**
   * {@code -o} in the command line's other spellings is refused as {@code -o} is (it read as an
   * unknown option), and a near miss of an option names the option.
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      --output=../x.svg | a review document names its figures itself |
      -ox.svg           | a review document names its figures itself |
      --Title           | unknown plot option '--Title'              | did you mean '--title'?
      --timelne         | unknown plot option '--timelne'            | did you mean '--timeline'?
      """)
  void anOptionAFenceDoesNotTakeIsNamed(String option, String message, String note)
      throws Exception {
    Path md = dir.resolve("review.md");
    Files.writeString(
        md, DOC.replace("plot --over", "plot " + option + " --over"), StandardCharsets.UTF_8);
    DocReport r = doc(md, true);
    assertRefused(r, message);
    var d = r.result().diagnostics().get(0);
    assertEquals(md + ":7:14", d.position());
    if (note != null) {
      assertEquals(note, d.notes().get(0));
    }
    assertTrue(figures().isEmpty());
  }

  /**
   * A sweep over targets that leaves some out (a release they never run) says so under the figure
   * in the document, with the same words as the command line; a re-run changes nothing.
   */
  @Test
  void whatASweepLeftOutIsWrittenUnderTheFigure() throws Exception {
    Path md = dir.resolve("review.md");
    Files.writeString(
        md,
        """
        # Review

        ```devq plot --over d in [iphone_16e, iphone_17, iphone_x] --title "Under iOS 18"
        memory(mobilenet_v2, d, os = "iOS 18")
        ```
        """,
        StandardCharsets.UTF_8);
    DocReport first = doc(md, true);
    assertTrue(first.ok(), () -> first.result().diagnostics().toString());
    String text = Files.readString(md, StandardCharsets.UTF_8);
    String name = figures().get(0).getFileName().toString();
    assertTrue(
        text.contains(
            "![Under iOS 18]("
                + name
                + ")\n\nmobilenet_v2 cannot run on 2 targets: iphone_17 (this iPhone shipped with"
                + " iOS 26: it never ran iOS 18), iphone_x (no iPhone with the A11 Bionic runs iOS"
                + " 18; their last is iOS 16)\n"),
        text);
    byte[] docBytes = Files.readAllBytes(md);
    assertFalse(doc(md, true).written());
    assertArrayEquals(docBytes, Files.readAllBytes(md));
  }
}
