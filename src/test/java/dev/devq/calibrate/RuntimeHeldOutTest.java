package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticRenderer;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The runtimes' cost models on published llama.cpp and ExecuTorch figures that the fit never saw
 * ({@code profiles/calibration/runtimes-heldout.csv}: Llama 3 8B and 70B and Llama 3.1 8B, on Macs
 * and an iPhone, from sources other than the fit's): the median error must stay within the issue's
 * bar of 25%. The 80% range is checked against them too and must hold the 70–90% of them:
 * taken from rows held out by source it holds 22 of the 26 (85%, measured 2026-12-06); taken from
 * rows held out by chip family within one dominant source, as before, it held 15 (58%), since
 * leaving a chip out measures how constants carry to a new chip, not to a new source or build.
 */
class RuntimeHeldOutTest {
  private static final double BAR = 0.25;

  /** Issue #15's bar for an 80% range: between these shares of held-out rows inside it. */
  private static final double COVERAGE_LOW = 0.70;

  private static final double COVERAGE_HIGH = 0.90;

  @Test
  void medianErrorOnHeldOutMeasurementsIsWithinTheBar() {
    Path file = DevqAssertions.projectDir().resolve("profiles/calibration/runtimes-heldout.csv");
    Measurements m = Measurements.read(file);
    Validation.Report r = Validation.run(DevqAssertions.interpreter(), m);
    assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(r.diagnostics()));
    assertEquals(m.rows().size(), r.results().size(), "every held-out row is predicted");
    assertTrue(r.results().size() >= 20, "a held-out set of at least 20 rows");
    Validation.Summary s = r.overall();
    System.out.printf(
        Locale.ROOT,
        "runtimes held out: %d rows, median abs error %.1f%%, within ±25%% %.0f%% (bar %.0f%%)%n",
        s.rows(),
        s.medianApe() * 100,
        s.within25() * 100,
        BAR * 100);
    assertTrue(
        s.medianApe() <= BAR,
        String.format(Locale.ROOT, "median abs error %.1f%% > 25%%", s.medianApe() * 100));
  }

  @Test
  void theEightyPercentRangeHoldsOnHeldOutMeasurements() {
    Path file = DevqAssertions.projectDir().resolve("profiles/calibration/runtimes-heldout.csv");
    Validation.Report r = Validation.run(DevqAssertions.interpreter(), Measurements.read(file));
    double coverage = AccuracyReport.coverage(r.results());
    long inside = Math.round(coverage * r.results().size());
    System.out.printf(
        Locale.ROOT,
        "runtimes held out: %d of %d rows inside the 80%% range (%.0f%%; bar %.0f–%.0f%%%s)%n",
        inside,
        r.results().size(),
        coverage * 100,
        COVERAGE_LOW * 100,
        COVERAGE_HIGH * 100,
        coverage >= COVERAGE_LOW && coverage <= COVERAGE_HIGH ? "" : ", not met");
    assertTrue(
        coverage >= COVERAGE_LOW && coverage <= COVERAGE_HIGH,
        String.format(
            Locale.ROOT,
            "80%% range holds on %.0f%% of held-out rows, outside %.0f–%.0f%%",
            coverage * 100,
            COVERAGE_LOW * 100,
            COVERAGE_HIGH * 100));
  }
}
