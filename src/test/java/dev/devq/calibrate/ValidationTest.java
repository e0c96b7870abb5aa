package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.view.ValidationView;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The error summary of {@code devq validate}: median of absolute errors and shares within bands.
 */
class ValidationTest {
  private static Validation.RowResult row(double error) {
    var r = new Measurements.Row(1, "x", 1, Map.of(), new dev.devq.lang.SourceText("t", "x"));
    return new Validation.RowResult(r, 1 + error, error, null, "all", null);
  }

  /**
   * A prediction a double cannot divide by its measurement gave an infinite error, shown as {@code
   * +Infinity%} and as the median: now an error at the row's expression, the other rows going on.
   */
  @org.junit.jupiter.api.Test
  void aPredictionTooLargeToCompareIsAnErrorAtTheRow() {
    String expr = "latency(mobilenet_v2, a16) * 1e305";
    var row = new Measurements.Row(2, expr, 1e-6, Map.of(), new SourceText("v.csv", expr));
    var refused =
        assertThrows(
            Validation.RowError.class, () -> Validation.predict(DevqAssertions.interpreter(), row));
    assertEquals(DiagnosticCode.NOT_FINITE, refused.diagnostic.code());
    assertTrue(
        refused.diagnostic.message().contains("is too large to compare with the measured 1e-6 ms"),
        refused.diagnostic.message());
  }

  /** A huge but finite error takes an exponent, as every other number does, not 300 digits. */
  @org.junit.jupiter.api.Test
  void aHugeErrorIsWrittenWithAnExponent() {
    assertEquals("4.75e301%", QuantityFormat.wholePercent(4.75e299));
    assertEquals("999999%", QuantityFormat.wholePercent(9999.99));
    String summary = ValidationView.summary(Validation.Summary.of(List.of(row(4.75e299))));
    assertTrue(summary.contains("median abs error 4.75e301%"), summary);
  }

  @ParameterizedTest(name = "{0} → median {1}, ±10% {2}, ±25% {3}, ±50% {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0.05                      | 0.05  | 1    | 1    | 1
      -0.3 0.1 0.6              | 0.3   | 0.3333333333333333 | 0.3333333333333333 | 0.6666666666666666
      0.1 -0.1 0.25 -0.5        | 0.175 | 0.5  | 0.75 | 1
      2 -0.6 0.01 0.2 0.24 -0.26 | 0.25 | 0.16666666666666666 | 0.5 | 0.6666666666666666
      """)
  void summarizesAbsoluteErrors(String errors, double median, double w10, double w25, double w50) {
    List<Validation.RowResult> rows =
        java.util.Arrays.stream(errors.trim().split(" "))
            .map(e -> row(Double.parseDouble(e)))
            .toList();
    Validation.Summary s = Validation.Summary.of(rows);
    assertEquals(rows.size(), s.rows());
    assertEquals(median, s.medianApe(), 1e-12);
    assertEquals(w10, s.within10(), 1e-12);
    assertEquals(w25, s.within25(), 1e-12);
    assertEquals(w50, s.within50(), 1e-12);
  }
}
