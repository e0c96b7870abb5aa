package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

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

  @Test
  void anUnknownColumnIsAnError() {
    Measurements m = Measurements.read(CSV);
    Validation.Report report = Holdout.run(DevqAssertions.interpreter(), m, "tabel");
    assertEquals(1, report.diagnostics().size());
    assertTrue(report.diagnostics().get(0).message().contains("no column 'tabel'"));
  }
}
