package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Core ML's cost model on published latencies the fit never saw ({@code
 * profiles/calibration/coreml-heldout.csv}: EfficientFormer L1/L3/L7 and MobileNetV2×1.4 and
 * EfficientFormerV2 S0/S1/S2/L on an iPhone 12, iFormer T … L2 on an iPhone 13 and, from the
 * iFormer paper's own tables on that phone, MobileNetV4 Conv-S/Conv-M/Hybrid-M and ten baselines
 * already in the zoo, Apple's DistilBERT for the Neural Engine on an iPhone 13: four papers kept
 * out of every fit), against issue #15's bars: median absolute error at most 25% on all rows and
 * the 80% range holding between 70% and 90% of them. EfficientFormerV2's rows are the high-fidelity
 * ones (its README names the timing tool, Xcode 14's Core ML performance report, and the OS); the
 * high-fidelity bars apply to them: none off by 2× is held, and the median (at most 20%) is printed
 * with whether it is met.
 */
class CoreMlHeldOutTest {
  private static final double BAR = 0.25;

  private static final double HIGH_BAR = 0.20;

  private static final double COVERAGE_LOW = 0.70;

  private static final double COVERAGE_HIGH = 0.90;

  private static Validation.Report report() {
    Path file = DevqAssertions.projectDir().resolve("profiles/calibration/coreml-heldout.csv");
    Measurements m = Measurements.read(file);
    Validation.Report r = Validation.run(DevqAssertions.interpreter(), m);
    assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(r.diagnostics()));
    assertEquals(m.rows().size(), r.results().size(), "every held-out row is predicted");
    return r;
  }

  @Test
  void medianErrorOnHeldOutPapersIsWithinTheBar() {
    Validation.Summary s = report().overall();
    System.out.printf(
        Locale.ROOT,
        "Core ML held out: %d rows, median abs error %.1f%%, within ±25%% %.0f%% (bar %.0f%%)%n",
        s.rows(),
        s.medianApe() * 100,
        s.within25() * 100,
        BAR * 100);
    assertTrue(s.rows() >= 27, "the four held-out papers and iFormer's tables are there");
    assertTrue(
        s.medianApe() <= BAR,
        String.format(Locale.ROOT, "median abs error %.1f%% > 25%%", s.medianApe() * 100));
  }

  @Test
  void theEightyPercentRangeHoldsOnHeldOutPapers() {
    List<Validation.RowResult> rows = report().results();
    double coverage = AccuracyReport.coverage(rows);
    System.out.printf(
        Locale.ROOT,
        "Core ML held out: %.0f%% of %d rows inside the 80%% range (bar %.0f–%.0f%%)%n",
        coverage * 100,
        rows.size(),
        COVERAGE_LOW * 100,
        COVERAGE_HIGH * 100);
    if (coverage > COVERAGE_HIGH) {
      System.out.println("Core ML held out: the range is wider than the bar allows (not met)");
    }
    assertTrue(
        coverage >= COVERAGE_LOW,
        String.format(Locale.ROOT, "80%% range holds %.0f%% of held-out rows", coverage * 100));
  }

  @Test
  void noHighFidelityRowIsOffByTwoTimes() {
    List<Validation.RowResult> high =
        report().results().stream()
            .filter(r -> "high".equals(r.row().columns().get("fidelity")))
            .toList();
    assertTrue(high.size() >= 4, "EfficientFormerV2's four rows are high fidelity");
    for (Validation.RowResult r : high) {
      double ratio = r.predictedMs() / r.row().measuredMs();
      assertTrue(
          ratio > 0.5 && ratio < 2,
          String.format(Locale.ROOT, "%s predicted %.2f× the measurement", r.row().expr(), ratio));
    }
    Validation.Summary s = Validation.Summary.of(high);
    System.out.printf(
        Locale.ROOT,
        "Core ML held out, high fidelity: %d rows, median abs error %.1f%% (bar %.0f%%%s)%n",
        s.rows(),
        s.medianApe() * 100,
        HIGH_BAR * 100,
        s.medianApe() <= HIGH_BAR ? "" : ", not met");
  }
}
