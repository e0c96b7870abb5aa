package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ProfileLoader;
import dev.devq.lang.DiagnosticRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The calibration file's header says where its 80% range comes from: rows held out (by which
 * grouping) or, when nothing could be held out, the fit's own rows. It once said "held-out rows"
 * for a fit whose range was in sample.
 */
class CalibrationWriterTest {
  @TempDir Path dir;

  private static final Map<String, Double> RUNTIME = Map.of("llama_cpp.fixed", 0.001);

  @Test
  void anInSampleRangeIsCalledInSample() throws IOException {
    var fit =
        new Calibrator.Fit(
            RUNTIME, 12, 0.9, 1.1, 5, Calibrator.Stop.CONVERGED, Calibrator.IN_SAMPLE, List.of());
    String header = header(CalibrationWriter.write(dir, fit, "mine.csv", Map.of()));
    assertTrue(header.contains("the fit's own rows (in sample: nothing was held out)"), header);
    assertFalse(header.contains("held out by"), header);
  }

  @Test
  void aHeldOutRangeNamesItsGrouping() throws IOException {
    var inSample =
        new Calibrator.Fit(
            RUNTIME, 12, 0.9, 1.1, 5, Calibrator.Stop.CONVERGED, Calibrator.IN_SAMPLE, List.of());
    var held =
        inSample.withHeldOutRanges(
            new HeldOutRanges.HeldOut("source", List.of(), r -> ""),
            null,
            "rows held out by 'source'");
    Path file = CalibrationWriter.write(dir, held, "mine.csv", Map.of());
    String header = header(file);
    assertTrue(header.contains("percentile of rows held out by 'source'"), header);
    assertFalse(header.contains("in sample"), header);
    Files.readString(file)
        .lines()
        .filter(l -> l.startsWith("#"))
        .forEach(l -> assertTrue(l.length() <= 100, "comment line too long: " + l));
  }

  /**
   * A file name with quotes, a backslash, a line break and a colon is written as YAML escapes it
   * and reads back as it was: escaping only the double quote once broke the file or changed the
   * name.
   */
  @Test
  void aHostileFileNameReadsBackAsWritten() throws IOException {
    String name = "my \"fast\" \\runs\\\nkey: value 'x'.csv";
    var fit =
        new Calibrator.Fit(
            RUNTIME, 12, 0.9, 1.1, 5, Calibrator.Stop.CONVERGED, Calibrator.IN_SAMPLE, List.of());
    Path file = CalibrationWriter.write(dir, fit, name, Map.of());
    assertEquals(
        1,
        Files.readString(file).lines().filter(l -> l.startsWith("fitted_on:")).count(),
        Files.readString(file));
    var loaded = ProfileLoader.load(List.of(DevqAssertions.projectDir().resolve("profiles"), dir));
    assertTrue(loaded.ok(), () -> DiagnosticRenderer.render(loaded.diagnostics()));
    assertEquals(name + " (12 rows)", loaded.knowledgeBase().runtimeCalibration().fittedOn());
  }

  /**
   * The scope a fit of the runtimes records (what its rows measured, per setting and kind) reads
   * back as written, settings in order, for the engine to judge estimates by.
   */
  @Test
  void theScopeReadsBackAndDecidesTheRange() throws IOException {
    var fit =
        new Calibrator.Fit(
            RUNTIME, 12, 0.9, 1.1, 5, Calibrator.Stop.CONVERGED, Calibrator.IN_SAMPLE, List.of());
    Map<String, Map<String, List<String>>> scope = new java.util.LinkedHashMap<>();
    scope.put("llama_cpp.cpu_and_gpu", Map.of("one_pass", List.of("resnet50")));
    scope.put("executorch.cpu_only", Map.of("decoder", List.of("qwen3_0_6b", "llama_2_7b")));
    CalibrationWriter.write(dir, fit, "mine.csv", scope);
    var loaded = ProfileLoader.load(List.of(DevqAssertions.projectDir().resolve("profiles"), dir));
    assertTrue(loaded.ok(), () -> DiagnosticRenderer.render(loaded.diagnostics()));
    assertEquals(scope, loaded.knowledgeBase().runtimeCalibration().scope());
    assertEquals(
        List.copyOf(scope.keySet()),
        List.copyOf(loaded.knowledgeBase().runtimeCalibration().scope().keySet()));
  }

  /** The comment lines joined into one text, as a reader takes them. */
  private static String header(Path file) throws IOException {
    return String.join(
        " ",
        Files.readString(file)
            .lines()
            .filter(l -> l.startsWith("# "))
            .map(l -> l.substring(2))
            .toList());
  }
}
