package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
   * factor, the GPU or the CPU: a fit on them starts those constants from their neutral values, not
   * from the shipped fit (which saw the rows now held out), and leaves them there.
   */
  @Test
  void constantsTheRowsDoNotConstrainAreResetToTheirStart() {
    var devq = DevqAssertions.interpreter();
    Validation.Report rows = Validation.run(devq, Measurements.read(CSV));
    var coefficients = devq.engine().costModel().coefficients();
    Calibrator.Fit fit = Calibrator.fit(devq, rows.results());
    for (String name : List.of("os13.ane_factor", "eff.gpu.conv", "eff.cpu.conv")) {
      assertNotEquals(
          Coefficients.NEUTRAL.get(name), coefficients.get(name), name + " shipped ≠ neutral");
      assertEquals(Coefficients.NEUTRAL.get(name), fit.constants().get(name), 1e-12, name);
    }
    // every row pays the per-prediction cost: the fit moves it
    assertNotEquals(Coefficients.NEUTRAL.get("fixed"), fit.constants().get("fixed"));
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
