package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cost.Coefficients;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Out-of-sample validation predicts each group with a fit that never saw it. */
class HoldoutTest {
  private static final Path CSV =
      DevqAssertions.projectDir().resolve("src/test/resources/validate/holdout.csv");

  @Test
  void aGroupIsPredictedByTheFitOnTheOthers() {
    Measurements m = Measurements.read(CSV);
    Validation.Report report = Holdout.run(DevqAssertions.interpreter(), m, "table");
    assertTrue(report.diagnostics().isEmpty(), report.diagnostics().toString());
    assertEquals(4, report.results().size());
    Validation.RowResult absurd =
        report.results().stream()
            .filter(r -> r.row().measuredMs() == 500)
            .findFirst()
            .orElseThrow();
    // fitted on the three sane rows only, resnet50 on an iPhone 15 Pro is a millisecond or two,
    // so the made-up 500 ms measurement is missed by almost 100%
    assertTrue(absurd.error() < -0.95, "error " + absurd.error());
    assertTrue(absurd.predictedMs() < 10, "predicted " + absurd.predictedMs());
  }

  /**
   * Rows on iPhones under iOS 17 and 18 with every unit allowed say nothing about the iOS 13
   * factor, the GPU or the CPU. A held-out fold's fit of them starts those constants from their
   * neutral values, not from the shipped fit (which saw the rows now held out), and leaves them
   * there; a user's fit of them ({@code devq calibrate}) keeps the values in force, so a few rows
   * of one kind never wipe what other rows pinned.
   */
  @Test
  void constantsTheRowsDoNotMoveAreNeutralInAFoldAndKeptInAUsersFit() {
    var devq = DevqAssertions.interpreter();
    Validation.Report rows = Validation.run(devq, Measurements.read(CSV));
    var coefficients = devq.engine().costModel().coefficients();
    Calibrator.Fit fold =
        Calibrator.fit(devq, rows.results(), Calibrator.MAX_ITERATIONS, Unmoved.NEUTRAL);
    Calibrator.Fit users = Calibrator.fit(devq, rows.results());
    List<String> moved = users.moved();
    for (String name : List.of("os13.ane_factor", "eff.gpu.conv", "eff.cpu.conv")) {
      assertNotEquals(
          Coefficients.NEUTRAL.get(name), coefficients.get(name), name + " shipped ≠ neutral");
      assertEquals(Coefficients.NEUTRAL.get(name), fold.constants().get(name), 1e-12, name);
      assertEquals(coefficients.get(name), users.constants().get(name), 1e-12, name);
      assertFalse(moved.contains(name), name);
    }
    // every row pays the per-prediction cost: both fits move it
    assertTrue(moved.contains("fixed"));
    assertNotEquals(Coefficients.NEUTRAL.get("fixed"), fold.constants().get("fixed"));
    assertNotEquals(coefficients.get("fixed"), users.constants().get("fixed"));
  }

  @Test
  void anUnknownColumnIsAnError() {
    Measurements m = Measurements.read(CSV);
    Validation.Report report = Holdout.run(DevqAssertions.interpreter(), m, "tabel");
    assertEquals(1, report.diagnostics().size());
    assertTrue(report.diagnostics().get(0).message().contains("no column 'tabel'"));
    assertEquals(
        List.of("did you mean 'table'?", "columns to group by: table"),
        report.diagnostics().get(0).notes());
  }

  /** A CSV of only expr and measured_ms has nothing to group by: the note says what to do. */
  @Test
  void anUnknownColumnOfABareCsvSaysWhatToAdd(@TempDir Path dir) throws IOException {
    Path bare = dir.resolve("bare.csv");
    Files.writeString(bare, "expr,measured_ms\n\"latency(mobilenet_v2, iphone_14_pro)\",0.5\n");
    Validation.Report report =
        Holdout.run(DevqAssertions.interpreter(), Measurements.read(bare), "source");
    // the note listed the columns, which were none: "columns: "
    assertEquals(
        List.of(
            "it has only expr and measured_ms: add a column such as source, or use --holdout"
                + " family"),
        report.diagnostics().get(0).notes());
  }
}
