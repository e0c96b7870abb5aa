package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The accuracy report holds each group out, the 80% range comes from held-out residuals per unit
 * setting, and a row's OS is read from how it was measured.
 */
class AccuracyReportTest {
  private static final Path CSV =
      DevqAssertions.projectDir().resolve("src/test/resources/validate/holdout.csv");

  @Test
  void reportsHeldOutErrorsByGroupNextToTheInSampleOnes() {
    Measurements m = Measurements.read(CSV);
    AccuracyReport a = AccuracyReport.run(DevqAssertions.interpreter(), m, "table");
    assertTrue(a.diagnostics().isEmpty(), a.diagnostics().toString());
    assertEquals(4, a.heldOut().rows());
    assertEquals(4, a.inSample().rows());
    assertEquals(List.of("A", "B"), List.copyOf(a.bySource().keySet()));
    assertEquals(List.of("mobilenet_v2", "resnet50"), List.copyOf(a.byFamily().keySet()));
    // the made-up 500 ms row of group B is missed by almost 100% once B is held out
    assertTrue(a.bySource().get("B").medianApe() > 0.95, a.bySource().toString());
    assertTrue(a.heldOut().medianApe() >= a.inSample().medianApe() - 1e-12);
  }

  /**
   * {@code --holdout family} on a CSV without such a column holds out the SoC's generations, and
   * the report's groups are those generations (they were none: no row has a family column).
   */
  @Test
  void groupsByTheGenerationsHeldOutWhenTheColumnIsFamily() {
    Measurements m = Measurements.read(CSV);
    var devq = DevqAssertions.interpreter();
    AccuracyReport a = AccuracyReport.run(devq, m, Holdout.FAMILY);
    List<String> generations =
        List.of("iphone_14_pro", "iphone_15_pro").stream()
            .map(d -> devq.engine().kb().socOf(devq.engine().kb().devices().get(d)).generation())
            .toList();
    assertEquals(generations, List.copyOf(a.bySource().keySet()));
    assertEquals(4, a.bySource().values().stream().mapToInt(Validation.Summary::rows).sum());
  }

  private static Validation.RowResult row(double measured, double predicted, String units) {
    return row(measured, predicted, units, "s");
  }

  private static Validation.RowResult row(
      double measured, double predicted, String units, String source) {
    var r =
        new Measurements.Row(1, "x", measured, Map.of("source", source), new SourceText("t", "x"));
    return new Validation.RowResult(
        r, predicted, (predicted - measured) / measured, null, units, null);
  }

  @Test
  void rangesArePerUnitSettingWhereThereAreEnoughRows() {
    List<Validation.RowResult> rows = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      rows.add(row(0.5 + i * 0.1, 1, "all")); // measured ÷ predicted 0.5 … 1.5
    }
    for (int i = 0; i < HeldOutRanges.MIN_ROWS - 1; i++) {
      rows.add(row(1, 2, "cpu_only"));
    }
    Map<String, Double> ranges =
        HeldOutRanges.perUnits(List.of(new HeldOutRanges.HeldOut("source", rows, SOURCE)));
    // eleven equal weights: each value at the middle of its eleventh, 0.5 at 1/22, 0.6 at 3/22
    assertEquals(0.56, ranges.get("range.all.p10"), 1e-12);
    assertEquals(1.44, ranges.get("range.all.p90"), 1e-12);
    assertEquals(2, ranges.size(), "too few cpu_only rows for a range of their own: " + ranges);
    double[] pooled = HeldOutRanges.range(rows, SOURCE);
    assertTrue(pooled[0] < 0.56 && pooled[1] <= 1.44, pooled[0] + " " + pooled[1]);
  }

  /**
   * A range holds its estimate: rows all measured slower than predicted give a low end of 1, not
   * one above the estimate, which the profiles refuse (and 1e-6 of it at most two orders away).
   */
  @Test
  void aRangeAlwaysHoldsItsEstimate() {
    List<Validation.RowResult> slow = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      slow.add(row(1.5 + i * 0.1, 1, "all"));
    }
    assertEquals(1, HeldOutRanges.range(slow, SOURCE)[0], 1e-12);
    assertEquals(0.01, HeldOutRanges.containing(1e-6, 2)[0], 1e-12);
    assertEquals(100, HeldOutRanges.containing(0.5, 1e6)[1], 1e-12);
  }

  private static final java.util.function.Function<Validation.RowResult, String> SOURCE =
      r -> r.row().columns().get("source");

  @Test
  void eachSourceWeighsTheSameInTheRangeHoweverManyRowsItBrings() {
    List<Validation.RowResult> rows = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      rows.add(row(1, 1, "all", "precise")); // one source of ten rows, every one exact
    }
    rows.add(row(2, 1, "all", "other")); // another source, one row, twice as slow
    double[] range = HeldOutRanges.range(rows, SOURCE);
    assertEquals(1, range[0], 1e-12);
    // by source the slow row is half the weight; by row, one in eleven, it pulls the 90th
    // percentile only to 1.4
    assertEquals(2, range[1], 1e-12);
    double[] byRow = HeldOutRanges.range(rows, r -> String.valueOf(System.identityHashCode(r)));
    assertEquals(1.4, byRow[1], 1e-12);
  }

  @Test
  void coverageCountsMeasurementsInsideTheRange() {
    assertTrue(Double.isNaN(AccuracyReport.coverage(List.of(row(1, 1, "all")))));
  }

  @ParameterizedTest(name = "{0} / {1} → iOS {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      coreml-performance app, iOS 13.5, integer ms | PyTorch        | 13
      Xcode Performance report, median             | iOS 17; Float16 | 17
      Apple ML research article                    | decode step    | 0
      macOS 15                                     | iOS17          | 18
      ModelBench app                               | asks for iOS 15 or later | 0
      Xcode 14's report under iOS 16              | needs iOS 15 or newer; iOS 16 | 16
      """)
  void theOsOfARowComesFromItsMethodOrNotes(String method, String notes, int os) {
    var r =
        new Measurements.Row(
            1, "x", 1, Map.of("method", method, "notes", notes), new SourceText("t", "x"));
    // a macOS row reads as the iOS of its year, whose per-release constants it pays
    assertEquals(os, r.measuredOn() == null ? 0 : r.measuredOn().iosMajor());
  }
}
