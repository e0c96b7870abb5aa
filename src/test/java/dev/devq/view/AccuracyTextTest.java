package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.calibrate.AccuracyReport;
import dev.devq.calibrate.Validation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The accuracy report ends its lines with {@code \n} whatever the platform, and never prints NaN: a
 * share of no rows is said in words in text and is null in JSON.
 */
class AccuracyTextTest {
  private static final Validation.Summary TWO = new Validation.Summary(2, 0.1, 0.5, 1, 1);
  private static final Validation.Summary NONE =
      new Validation.Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

  private static AccuracyReport report(Validation.Summary heldOut, double coverage) {
    return new AccuracyReport(
        "source",
        TWO,
        heldOut,
        Map.of("high", heldOut),
        Map.of("A", heldOut),
        Map.of(),
        Map.of(),
        coverage,
        List.of(),
        List.of());
  }

  @Test
  void linesEndWithANewlineOnly() {
    String text = AccuracyText.text(report(TWO, 0.75));
    assertFalse(text.contains("\r"), text);
    assertTrue(text.contains("  80% range contains 75% of held-out rows\n"), text);
  }

  @Test
  void aShareOfNoRowsIsNeverNaN() {
    String text = AccuracyText.text(report(NONE, Double.NaN));
    assertFalse(text.contains("NaN"), text);
    assertTrue(text.contains("  80% range: no held-out row has one\n"), text);
    assertTrue(text.contains("  held out   0 rows\n"), text);
    String json = AccuracyText.json(report(NONE, Double.NaN)).toString();
    assertFalse(json.contains("NaN"), json);
    assertEquals(
        "null", AccuracyText.json(report(NONE, Double.NaN)).get("range_coverage").toString());
  }
}
