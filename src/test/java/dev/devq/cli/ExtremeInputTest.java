package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Input at the edge of what a double holds, which once hung a command or ended it with an internal
 * error (exit 3): a plot of values near the largest double (its tick search never ended), a range
 * whose width overflows, measured latencies so small that their error is infinite. Each is now bad
 * input: a positioned error and exit 2, and no file written.
 */
class ExtremeInputTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} over {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [0, -1.7e308]      | t in [1, 2]                  | a value too large to plot
          [-1e308, 1e308]    | t in [1, 2]                  | a value too large to plot
          t                  | t in -1e308..1e308           | a range too large to plot
          t                  | t in -1e308..1e308 step 1e307 | a range too large to plot
          t                  | t in [1, -1.7e308]           | a value too large to plot
          [1e308, -1e308]    | d in [a16, a17_pro]          | a value too large to plot
          t                  | t in 1 step 2..5             | a range is written START..END step STEP
          """)
  void aPlotOfValuesNearTheLargestDoubleIsBadInput(String expr, String over, String message) {
    Path svg = dir.resolve("x.svg");
    CheckReportsTest.Run run =
        CheckReportsTest.devq("plot", expr, "--over", over, "-o", svg.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(Files.exists(svg), "no file is written");
  }

  /**
   * Control characters in a layer's name (an ONNX node's, kept by import) or in an id a user typed
   * reached the terminal raw: an escape sequence cleared the screen and set the window title. They
   * are shown as visible symbols.
   */
  @org.junit.jupiter.api.Test
  void controlCharactersInNamesAreShownNotRun() throws IOException {
    Path models = Files.createDirectories(dir.resolve("esc/models"));
    Files.writeString(
        models.resolve("t_esc.yaml"),
        "id: t_esc\nname: t_esc\ntask: test\ndescription: a layer named with escapes\n"
            + "precision: fp16\ninput: [3]\nlayers:\n  - relu: {}\n"
            + "    name: \"evil\\x1b[2J\\x1b]0;pwned\\x07\"\n");
    for (String format : java.util.List.of("text", "csv", "markdown")) {
      CheckReportsTest.Run run =
          CheckReportsTest.devq(
              "--profiles",
              dir.resolve("esc").toString(),
              "explain",
              "--format",
              format,
              "latency(t_esc, a16)");
      assertEquals(0, run.code(), run.err());
      assertFalse(run.out().contains("\u001b"), format + ": " + run.out());
      assertTrue(run.out().contains("evil\u241b[2J"), format + ": " + run.out());
    }
    CheckReportsTest.Run info = CheckReportsTest.devq("info", "\u001b[2Jx");
    assertEquals(2, info.code(), info.err());
    assertFalse(info.err().contains("\u001b"), info.err());
  }

  /**
   * A fit whose 80% range leaves out its own estimate, or spans orders of magnitude, is refused.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          residual_p10  | 5         | 'residual_p10' must be from 0.01 to 1, found 5
          range.all.p90 | 0.9       | 'range.all.p90' must be from 1 to 100, found 0.9
          range.all.p10 | 9.73e-322 | 'range.all.p10' must be from 0.01 to 1
          """)
  void aRangeThatLeavesOutItsEstimateIsRefused(String key, String edited, String message)
      throws IOException {
    // the shipped value, whatever a refit made it, replaced by the edited one
    Pattern line = Pattern.compile("(?m)^(\\s*" + Pattern.quote(key) + ": ).*$");
    assertTrue(line.matcher(HostileInputTest.shippedFit()).find(), key);
    Path overlay =
        HostileInputTest.fitOverlay(
            dir, fit -> line.matcher(fit).replaceFirst("$1" + Matcher.quoteReplacement(edited)));
    CheckReportsTest.Run run =
        CheckReportsTest.devq(
            "--profiles", overlay.toString(), "eval", "latency(mobilenet_v2, a16)");
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains(message), run.err());
  }

  /** An unknown value (no source gives it) is a gap in a chart, not a value too large. */
  @org.junit.jupiter.api.Test
  void aPlotWithAnUnknownValueIsDrawn() {
    Path svg = dir.resolve("top1.svg");
    CheckReportsTest.Run run =
        CheckReportsTest.devq(
            "plot",
            "m.top1",
            "--over",
            "m in [resnet50, all_minilm_l6_v2, mobilenet_v2]",
            "-o",
            svg.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(Files.exists(svg));
  }

  /**
   * A measured latency so small that a prediction's error against it overflows: refused with its
   * place, never printed as an infinite percentage.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"1e-307", "1e-320", "1e300"})
  void aMeasuredLatencyOutsideAnyDevicesReachIsRefused(String ms) throws IOException {
    Path csv = dir.resolve("m.csv");
    Files.writeString(
        csv,
        "expr,measured_ms,source,table,method,fidelity,notes\n"
            + "\"latency(mobilenet_v2, iphone_14_pro)\","
            + ms
            + ",s,t,m,high,n\n");
    CheckReportsTest.Run run = CheckReportsTest.devq("validate", csv.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("m.csv:2:"), run.err());
    assertFalse((run.out() + run.err()).contains("Infinity"), run.out());
  }
}
