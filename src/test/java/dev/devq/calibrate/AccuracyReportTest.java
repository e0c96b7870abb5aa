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

  private static Validation.RowResult row(double measured, double predicted, String units) {
    var r = new Measurements.Row(1, "x", measured, Map.of(), new SourceText("t", "x"));
    return new Validation.RowResult(
        r, predicted, (predicted - measured) / measured, null, units, 0);
  }

  @Test
  void rangesArePerUnitSettingWhereThereAreEnoughRows() {
    List<Validation.RowResult> rows = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      rows.add(row(1 + i * 0.1, 1, "all")); // measured ÷ predicted 1.0 … 2.0
    }
    for (int i = 0; i < HeldOutRanges.MIN_ROWS - 1; i++) {
      rows.add(row(1, 2, "cpu_only"));
    }
    Map<String, Double> ranges = HeldOutRanges.perUnits(rows);
    assertEquals(1.1, ranges.get("range.all.p10"), 1e-12);
    assertEquals(1.9, ranges.get("range.all.p90"), 1e-12);
    assertEquals(2, ranges.size(), "too few cpu_only rows for a range of their own: " + ranges);
    double[] pooled = HeldOutRanges.pooled(rows);
    assertTrue(pooled[0] < 1.1 && pooled[1] <= 1.9, pooled[0] + " " + pooled[1]);
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
      macOS 15                                     | iOS17          | 0
      """)
  void theOsOfARowComesFromItsMethodOrNotes(String method, String notes, int os) {
    var r =
        new Measurements.Row(
            1, "x", 1, Map.of("method", method, "notes", notes), new SourceText("t", "x"));
    assertEquals(os, Validation.measuredOs(r));
  }
}
