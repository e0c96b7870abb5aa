package dev.devq.plot;

import dev.devq.Bindings;
import dev.devq.DevqAssertions;
import dev.devq.Figure;
import dev.devq.GoldenFiles;
import dev.devq.PlotRequest;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The chart model of every {@code golden/plot/NAME.plot} against {@code NAME.chart.txt}: kind,
 * titles, axes with units, series with their points and ranges, or the diagnostics of a refused
 * plot. An input is a comment saying what it tests, then {@code kind: sweep | timeline | roofline},
 * {@code over: VAR in RANGE} for a sweep, and {@code expr: EXPR}.
 */
class PlotGoldenTest {
  @TestFactory
  Stream<DynamicTest> chartsMatchGoldenFiles() {
    return GoldenFiles.inputs("plot", ".plot").stream()
        .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> check(input)));
  }

  private static void check(Path input) throws IOException {
    String kind = "";
    String over = "";
    String expr = "";
    for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
      if (line.startsWith("kind: ")) {
        kind = line.substring(6);
      } else if (line.startsWith("over: ")) {
        over = line.substring(6);
      } else if (line.startsWith("expr: ")) {
        expr = line.substring(6);
      }
    }
    var source = new SourceText("<expr>", expr);
    PlotRequest req =
        switch (kind) {
          case "sweep" -> {
            var overSource = new SourceText("--over", over);
            yield PlotRequest.sweep(source, overSource, new Span(0, over.length()), "");
          }
          case "timeline" -> PlotRequest.of(PlotRequest.Kind.TIMELINE, source, "");
          case "roofline" -> PlotRequest.of(PlotRequest.Kind.ROOFLINE, source, "");
          default -> throw new AssertionError(input + ": unknown kind '" + kind + "'");
        };
    Figure f = DevqAssertions.devq().plot(req, Bindings.EMPTY);
    String actual =
        !f.ok()
            ? DiagnosticRenderer.render(f.diagnostics())
            : f.leftOut().isEmpty() ? f.text() : f.text() + "left out: " + f.leftOut() + "\n";
    String name = input.getFileName().toString().replaceFirst("\\.plot$", ".chart.txt");
    GoldenFiles.assertMatches(input.resolveSibling(name), actual);
  }
}
