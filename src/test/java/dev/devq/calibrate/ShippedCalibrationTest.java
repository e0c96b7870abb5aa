package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devq.DevqAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped calibration meets the cost model's acceptance on the measurements it was fitted on:
 * median absolute error at most 25% and at least 70% of rows within ±50%, every row predicted. The
 * measurements live next to the project ({@code ../shared/data/calibration.csv}); without them the
 * test is skipped and says so.
 */
class ShippedCalibrationTest {
  @Test
  void shippedCalibrationMeetsTheAcceptanceBar() {
    Path csv = DevqAssertions.projectDir().resolve("../shared/data/calibration.csv").normalize();
    assumeTrue(Files.isRegularFile(csv), "no calibration measurements at " + csv + "; skipped");
    Measurements m = Measurements.read(csv);
    Validation.Report report = Validation.run(DevqAssertions.interpreter(), m);
    assertTrue(report.diagnostics().isEmpty(), "every row predicts: " + report.diagnostics());
    assertEquals(m.rows().size(), report.overall().rows());
    assertTrue(
        report.overall().medianApe() <= 0.25, "median abs error " + report.overall().medianApe());
    assertTrue(report.overall().within50() >= 0.70, "within ±50%: " + report.overall().within50());
  }
}
