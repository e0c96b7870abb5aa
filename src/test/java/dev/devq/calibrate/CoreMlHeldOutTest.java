package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cost.Prediction;
import dev.devq.lang.DiagnosticRenderer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Core ML's cost model on published latencies the fit never saw: {@code
 * profiles/calibration/coreml-heldout.csv} (EfficientFormer L1/L3/L7 and MobileNetV2×1.4 and
 * EfficientFormerV2 S0/S1/S2/L on an iPhone 12, iFormer T … L2 on an iPhone 13 and, from the
 * iFormer paper's own tables on that phone, MobileNetV4 Conv-S/Conv-M/Hybrid-M and ten baselines
 * already in the zoo, Apple's DistilBERT for the Neural Engine on an iPhone 13, RepViT M0.9 … M2.3
 * on an iPhone 12) and {@code coreml-cited.csv} (MobileOne's and FastViT's papers on an iPhone 12
 * Pro, Apple's FastViT model cards), against issue #15's bars: median absolute error at most 25% on
 * all rows and 20% on the high-fidelity ones, none of those off by 2×, and the 80% range holding
 * between 70% and 90% of the rows. SwiftFormer's paper is not among them: the fit reads it ({@code
 * coreml-fitted.csv}), the one iOS 16 source it has.
 */
class CoreMlHeldOutTest {
  private static final double BAR = 0.25;

  private static final double HIGH_BAR = 0.20;

  private static final double COVERAGE_LOW = 0.70;

  private static final double COVERAGE_HIGH = 0.90;

  private static Validation.Report report() {
    Path dir = DevqAssertions.projectDir().resolve("profiles/calibration");
    Measurements m =
        Measurements.read(
            List.of(dir.resolve("coreml-heldout.csv"), dir.resolve("coreml-cited.csv")));
    Validation.Report r = Validation.run(DevqAssertions.interpreter(), m);
    assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(r.diagnostics()));
    assertEquals(m.rows().size(), r.results().size(), "every row kept outside is predicted");
    return r;
  }

  @Test
  void medianErrorOnPapersKeptOutsideIsWithinTheBar() {
    Validation.Summary s = report().overall();
    System.out.printf(
        Locale.ROOT,
        "Core ML kept outside: %d rows, median abs error %.1f%%, within ±25%% %.0f%% (bar %.0f%%)%n",
        s.rows(),
        s.medianApe() * 100,
        s.within25() * 100,
        BAR * 100);
    assertTrue(s.rows() >= 48, "the papers, iFormer's tables and Apple's cards are there");
    assertTrue(
        s.medianApe() <= BAR,
        String.format(Locale.ROOT, "median abs error %.1f%% > 25%%", s.medianApe() * 100));
  }

  @Test
  void theEightyPercentRangeHoldsBetweenSeventyAndNinetyPercent() {
    List<Validation.RowResult> rows = report().results();
    double coverage = AccuracyReport.coverage(rows);
    System.out.printf(
        Locale.ROOT,
        "Core ML kept outside: %.0f%% of %d rows inside the 80%% range%n",
        coverage * 100,
        rows.size());
    assertTrue(
        coverage >= COVERAGE_LOW && coverage <= COVERAGE_HIGH,
        String.format(
            Locale.ROOT, "80%% range holds %.0f%% of %d rows", coverage * 100, rows.size()));
  }

  @Test
  void highFidelityRowsAreWithinTheirBars() {
    List<Validation.RowResult> high =
        report().results().stream()
            .filter(r -> "high".equals(r.row().columns().get("fidelity")))
            .toList();
    assertTrue(high.size() >= 21, "EfficientFormerV2's 4, RepViT's 5, MobileOne's 5, FastViT's 7");
    for (Validation.RowResult r : high) {
      double ratio = r.predictedMs() / r.row().measuredMs();
      assertTrue(
          ratio > 0.5 && ratio < 2,
          String.format(Locale.ROOT, "%s predicted %.2f× the measurement", r.row().expr(), ratio));
    }
    Validation.Summary s = Validation.Summary.of(high);
    assertTrue(
        s.medianApe() <= HIGH_BAR,
        String.format(
            Locale.ROOT, "high fidelity: median abs error %.1f%% > 20%%", s.medianApe() * 100));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"swiftformer_xs", "swiftformer_s", "swiftformer_l1", "swiftformer_l3"})
  void swiftFormerRunsWhollyOnTheNeuralEngine(String model) {
    Prediction p =
        DevqAssertions.explained("latency(" + model + ", iphone_14, nominal, os = \"iOS 16\")");
    assertTrue(p.fallbacks().isEmpty(), () -> model + " falls back: " + p.fallbacks());
  }
}
