package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devq.DevqProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code devq plot} as a user runs it: the file it writes, its exit codes, its messages for bad
 * input, its help, and {@code :plot} in the REPL with the session's bindings.
 */
class PlotCommandTest {
  @TempDir Path dir;

  /** {@code devq ARGS} run in process, as {@link CheckReportsTest} runs it. */
  static CheckReportsTest.Run devq(String... args) {
    return CheckReportsTest.devq(args);
  }

  @Test
  void writesTheSvgItWasAskedFor() throws Exception {
    Path svg = dir.resolve("thermal.svg");
    CheckReportsTest.Run r =
        devq(
            "plot",
            "latency(mobilenet_v2, iphone_12, after(t))",
            "--over",
            "t in 0min..30min step 10min",
            "-o",
            svg.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("wrote " + svg + " (line chart, 1 series of 4 points)\n", r.out());
    String text = Files.readString(svg, StandardCharsets.UTF_8);
    assertTrue(text.startsWith("<?xml") && text.contains("<svg"), text);
  }

  @Test
  void timelineAndRooflineNeedNoOver() throws Exception {
    Path timeline = dir.resolve("t.svg");
    CheckReportsTest.Run t =
        devq("plot", "--timeline", "latency(mobilenet_v2, iphone_12)", "-o", timeline.toString());
    assertEquals(0, t.code(), t.err());
    assertTrue(t.out().contains("timeline"), t.out());
    Path roof = dir.resolve("r.svg");
    CheckReportsTest.Run r =
        devq("plot", "--roofline", "latency(resnet50, iphone_12)", "-o", roof.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(roof) > 1000);
  }

  /** A 20,000-character --title took over a minute to wrap; a title is one line of 200 at most. */
  @Test
  void aLongTitleIsCutToOneLine() {
    String title = "x".repeat(2_000) + "\nsecond line";
    CheckReportsTest.Run r =
        devq(
            "plot",
            "--timeline",
            "latency(mobilenet_v2, a16)",
            "--title",
            title,
            "--format",
            "json",
            "-o",
            dir.resolve("long.svg").toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("\"title\": \"" + "x".repeat(199) + "…\""), r.out());
  }

  @Test
  void badInputIsExitTwoWithAPositionedMessageAndNoFile() {
    Path svg = dir.resolve("x.svg");
    CheckReportsTest.Run r =
        devq(
            "plot",
            "latency(mobilenet_v2, iphone_12, after(t))",
            "--over",
            "t in 0min..30mins",
            "-o",
            svg.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("error[UNKNOWN_UNIT]") && r.err().contains("--over:1:14"), r.err());
    assertFalse(Files.exists(svg));
    // a range of one point says so in the unit it is written in, and how to plot one point
    CheckReportsTest.Run point =
        devq("plot", "latency(mobilenet_v2, iphone_12, after(t))", "--over", "t in 0min..0min");
    assertEquals(2, point.code());
    assertTrue(point.err().contains("empty range: 0 min is not above 0 min"), point.err());
    assertTrue(point.err().contains("one point is a list: [0min]"), point.err());
    CheckReportsTest.Run step =
        devq(
            "plot",
            "latency(mobilenet_v2, iphone_12, after(t))",
            "--over",
            "t in 0min..30min step 0min");
    assertEquals(2, step.code());
    assertTrue(step.err().contains("the step must be positive, found 0 min"), step.err());
    assertTrue(step.err().contains("e.g. 0min..30min step 2min"), step.err());
    CheckReportsTest.Run none = devq("plot", "latency(mobilenet_v2, iphone_12)");
    assertEquals(2, none.code());
    assertTrue(none.err().contains("plot needs to be told what to draw"), none.err());
    CheckReportsTest.Run png =
        devq("plot", "--timeline", "latency(mobilenet_v2, a16)", "-o", "x.png");
    assertEquals(2, png.code());
    assertTrue(png.err().contains("must be an .svg file: x.png; e.g. -o x.svg"), png.err());
    // a folder is told the file in it to name
    CheckReportsTest.Run folder =
        devq("plot", "--timeline", "latency(mobilenet_v2, a16)", "-o", dir.toString());
    assertEquals(2, folder.code());
    assertTrue(folder.err().contains("e.g. -o " + dir.resolve("plot.svg")), folder.err());
  }

  /** A control character in a title made the SVG malformed XML, which no browser shows. */
  @Test
  void aControlCharacterInATitleStillGivesWellFormedSvg() throws Exception {
    Path svg = dir.resolve("t.svg");
    String title = "a\u0001b\u0000c\uFFFE <&>";
    CheckReportsTest.Run r =
        devq(
            "plot", "--roofline", "latency(resnet50, a16)", "--title", title, "-o", svg.toString());
    assertEquals(0, r.code(), r.err());
    // throws on text that is not well-formed XML (the SVG DTD is not fetched)
    var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
    xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    xml.newDocumentBuilder().parse(svg.toFile());
    assertTrue(Files.readString(svg).contains("abc &lt;&amp;&gt;"), "the title's text is kept");
  }

  /**
   * {@code --over} takes every word up to the next option, so an EXPR after it joins the range: the
   * message says so, rather than that no expression was given.
   */
  @Test
  void anExpressionAfterOverIsSaidToHaveJoinedTheRange() {
    CheckReportsTest.Run r =
        devq("plot", "--over", "t in 0min..30min", "latency(mobilenet_v2, iphone_12, after(t))");
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err()
            .startsWith(
                "devq: plot needs an expression to draw: --over took every word after it as its"
                    + " range ('t in 0min..30min latency(mobilenet_v2, iphone_12, after(t))');"
                    + " give EXPR before --over, or end the range with --"),
        r.err());
    Path svg = dir.resolve("p.svg");
    CheckReportsTest.Run ended =
        devq(
            "plot",
            "-o",
            svg.toString(),
            "--over",
            "t in 0min..30min",
            "--",
            "latency(mobilenet_v2, iphone_12, after(t))");
    assertEquals(0, ended.code(), ended.err());
    assertTrue(Files.exists(svg));
  }

  @Test
  void aHoleWithoutAChartSaysHowToPlotOverTargets() {
    CheckReportsTest.Run r = devq("plot", "latency(mobilenet_v2, ?)");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith("devq: plot needs to be told what to draw"), r.err());
    assertTrue(r.err().contains("--over 'd in devices' and write d in its place"), r.err());
    CheckReportsTest.Run plain = devq("plot", "latency(mobilenet_v2, a16)");
    assertFalse(plain.err().contains("hole"), plain.err());
  }

  /**
   * An output path that names nothing to write into is bad input of the kind every unreadable path
   * is (INPUT_FILE), said before the chart is computed: a missing directory (was exit 3, naming
   * only the temporary file), an existing directory (was exit 3, "it is a directory", after the
   * chart was computed) and a file where a directory should be (was "the directory … does not
   * exist", though it does, as a file).
   */
  @ParameterizedTest(name = "-o {0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no/such/dir/p.svg | error[INPUT_FILE]: no such folder: DIR/no/such/dir
          taken.svg         | error[INPUT_FILE]: DIR/taken.svg is a folder, not a file
          a-file/p.svg      | error[INPUT_FILE]: DIR/a-file is a file, not a folder
          """)
  void anOutputThatCannotBeWrittenIsBadInputSaidBeforeTheChart(String output, String why)
      throws Exception {
    Files.createDirectories(dir.resolve("taken.svg"));
    Files.writeString(dir.resolve("a-file"), "x");
    Path svg = dir.resolve(output);
    CheckReportsTest.Run r =
        devq("plot", "--timeline", "latency(mobilenet_v2, a16)", "-o", svg.toString());
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().startsWith(why.replace("DIR", dir.toString()) + "\n"), r.err());
  }

  /**
   * A directory that exists but takes no new file (/proc; a read-only disk, a directory without
   * write permission) is an I/O failure, exit 3 as when import's --out is there, said before the
   * chart is drawn and naming the directory: it was "cannot write /proc/x.svg: no such file". With
   * --format json it is also the JSON errors object every other failure prints (it was plain text
   * alone). /proc is Linux's: elsewhere the test is skipped.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json"})
  void aDirectoryThatRefusesNewFilesIsSaidBeforeTheChart(String format) {
    assumeLinuxProc();
    CheckReportsTest.Run r = plotSweepTo("/proc/x.svg", "--format", format);
    assertEquals(3, r.code(), r.err());
    String message = "cannot write /proc/x.svg: the directory /proc does not accept new files";
    assertEquals("devq: " + message + "\n", r.err());
    if (format.equals("text")) {
      assertEquals("", r.out());
    } else {
      assertTrue(r.out().startsWith("{\n  \"kind\": \"errors\""), r.out());
      assertTrue(r.out().contains("\"code\": \"IO\""), r.out());
      assertTrue(r.out().contains("\"message\": \"" + message + "\""), r.out());
    }
  }

  /**
   * An -o that is a symbolic link is written where it points, as a document is, so that directory
   * is the one asked before the chart is drawn: the link's own directory was asked, and the write
   * then failed after the work with a less helpful message.
   */
  @Test
  void aLinkIsAskedAboutTheDirectoryItPointsInto() throws Exception {
    assumeLinuxProc();
    Path link = Files.createSymbolicLink(dir.resolve("out.svg"), Path.of("/proc/self/status"));
    CheckReportsTest.Run r = plotSweepTo(link.toString(), "--force");
    assertEquals(3, r.code(), r.err());
    assertTrue(
        r.err()
            .matches(
                "devq: cannot write \\S+out\\.svg: the directory /proc/\\d+ does not"
                    + " accept new files\n"),
        r.err());
    assertTrue(Files.isSymbolicLink(link), "the link is left as it was");
  }

  /**
   * An -o link whose target is missing is written through, making the target: the link was replaced
   * by a plain file. One into a folder that does not exist is bad input, said before the chart, and
   * the link is left as it was.
   */
  @Test
  void aLinkWhoseTargetIsMissingIsWrittenThrough() throws Exception {
    Path link = Files.createSymbolicLink(dir.resolve("out.svg"), Path.of("figure.svg"));
    CheckReportsTest.Run r = plotSweepTo(link.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.isSymbolicLink(link), "the link stays a link");
    assertTrue(Files.readString(dir.resolve("figure.svg")).contains("<svg"));

    Path nowhere = Files.createSymbolicLink(dir.resolve("lost.svg"), Path.of("no/figure.svg"));
    CheckReportsTest.Run refused = plotSweepTo(nowhere.toString());
    assertEquals(2, refused.code(), refused.err());
    assertTrue(
        refused
            .err()
            .startsWith(
                "devq: cannot write "
                    + nowhere
                    + ": it links to "
                    + dir.resolve("no/figure.svg")
                    + ", and the directory "
                    + dir.resolve("no")
                    + " does not exist\n"),
        refused.err());
    assertTrue(Files.isSymbolicLink(nowhere), "the link is left as it was");
  }

  /** /proc is Linux's: a directory that takes no new file; elsewhere the test is skipped. */
  private static void assumeLinuxProc() {
    assumeTrue(
        System.getProperty("os.name").startsWith("Linux") && Files.exists(Path.of("/proc/self")),
        "needs Linux's /proc, a directory that takes no new file");
  }

  /** A resolution sweep of MobileNetV2 on the A16 plotted to {@code output}. */
  private static CheckReportsTest.Run plotSweepTo(String output, String... more) {
    var args =
        new ArrayList<>(
            List.of(
                "plot",
                "latency(mobilenet_v2(resolution = r), a16)",
                "--over",
                "r in 96..224",
                "-o",
                output));
    args.addAll(List.of(more));
    return devq(args.toArray(String[]::new));
  }

  /**
   * Without -o the chart goes to plot.svg where devq runs; a directory of that name there is bad
   * input said before the chart, as for -o (it was exit 3, "it is a directory", after the chart was
   * drawn). Run in a process of its own, whose working directory is a temporary one.
   */
  @Test
  void aDirectoryInPlaceOfTheDefaultFileIsBadInputSaidBeforeTheChart() throws Exception {
    Files.createDirectories(dir.resolve(PlotCommand.DEFAULT_OUTPUT));
    DevqProcess.Result r =
        DevqProcess.runIn(dir, List.of(), "plot", "--timeline", "latency(mobilenet_v2, a16)");
    assertEquals(2, r.code(), r.output());
    assertEquals(
        "devq: cannot write plot.svg: it is a directory\ntry 'devq plot --help'\n", r.output());
  }

  /**
   * A file that exists is left as it was and refused before the chart is drawn, with the option
   * that replaces it, as the REPL's :save refuses one: plot replaced it without a word. --force
   * replaces it.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "json"})
  void anExistingFileIsRefusedUnlessForced(String format) throws Exception {
    Path svg = Files.writeString(dir.resolve("kept.svg"), "last week's chart");
    CheckReportsTest.Run r =
        devq(
            "plot",
            "--format",
            format,
            "--timeline",
            "latency(mobilenet_v2, a16)",
            "-o",
            svg.toString());
    assertEquals(2, r.code(), r.err());
    String message = "cannot write " + svg + ": it exists; add --force to replace it";
    assertEquals("devq: " + message + "\ntry 'devq plot --help'\n", r.err());
    if (format.equals("json")) {
      assertTrue(r.out().contains("\"message\": \"" + message + "\""), r.out());
    }
    assertEquals("last week's chart", Files.readString(svg, StandardCharsets.UTF_8));
    CheckReportsTest.Run forced =
        devq("plot", "--timeline", "latency(mobilenet_v2, a16)", "-o", svg.toString(), "--force");
    assertEquals(0, forced.code(), forced.err());
    assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("<svg"));
  }

  @Test
  void jsonSaysItIsAPlot() {
    Path svg = dir.resolve("p.svg");
    CheckReportsTest.Run r =
        devq(
            "plot",
            "--format",
            "json",
            "--timeline",
            "latency(mobilenet_v2, a16)",
            "-o",
            svg.toString());
    assertEquals(0, r.code(), r.err());
    // every object a command prints names what it is in kind (README); plot's had no kind
    assertTrue(r.out().startsWith("{\n  \"kind\": \"plot\",\n  \"file\": "), r.out());
  }

  /**
   * A sweep over targets leaves out a point that cannot run and says so, as eval's line under a
   * list does (it stopped with an error there); when no point can run, that is an error (exit 2).
   */
  @Test
  void aSweepLeavesOutAPointThatCannotRunAndSaysSo() throws Exception {
    Path svg = dir.resolve("bars.svg");
    String expr = "latency(mobilenet_v2, d, os = \"iOS 18\")";
    CheckReportsTest.Run r =
        devq("plot", expr, "--over", "d in [iphone_12, mac_mini_m1]", "-o", svg.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(
        "wrote "
            + svg
            + " (bar chart, 1 series over 1 category)\n"
            + "1 model cannot run on mac_mini_m1: mobilenet_v2; no Mac with the M1 runs iOS or iPadOS\n",
        r.out());
    assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("1 left out: cannot run"));
    CheckReportsTest.Run json =
        devq(
            "plot",
            "--format",
            "json",
            expr,
            "--over",
            "d in [iphone_12, mac_mini_m1]",
            "-o",
            svg.toString(),
            "--force");
    assertTrue(json.out().contains("\"left_out\": [ {"), json.out());
    assertTrue(json.out().contains("\"cause\": \"other_platform\""), json.out());
    CheckReportsTest.Run none =
        devq("plot", expr, "--over", "d in [mac_mini_m1]", "-o", dir.resolve("n.svg").toString());
    assertEquals(2, none.code(), none.out());
    assertTrue(none.err().contains("nothing to plot: every point cannot run"), none.err());
    assertTrue(none.err().contains("<query>:1:31"), none.err());
    assertFalse(Files.exists(dir.resolve("n.svg")));
  }

  @Test
  void helpNamesTheDefaultFile() {
    CheckReportsTest.Run r = devq("plot", "--help");
    assertEquals(0, r.code());
    assertTrue(r.out().contains("default: " + PlotCommand.DEFAULT_OUTPUT), r.out());
  }

  @Test
  void replPlotWritesAFileAndPrintsItsPath() throws Exception {
    Path svg = dir.resolve("repl.svg");
    String input =
        "let m = mobilenet_v2\n:plot latency(m, d) --over d in [iphone_12, iphone_15_pro] -o "
            + svg
            + "\n";
    String printed = ReplTest.run(input).output();
    assertTrue(
        printed.contains("wrote " + svg + " (bar chart, 1 series over 2 categories)"), printed);
    assertTrue(Files.readString(svg, StandardCharsets.UTF_8).contains("iPhone 15 Pro"));
  }
}
