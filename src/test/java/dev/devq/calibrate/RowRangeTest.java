package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cost.Prediction;
import dev.devq.lang.SourceText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A validated row's 80% range is the prediction's own ({@link Prediction#latencyLow}): the range
 * spreads the warm prediction and keeps a cold start's load time as it is where the device's flash
 * read is measured, or spreads the read by its own range where it is generic, in the JSON ends and
 * in the count of rows inside alike (validation once spread the load time by the calibration's
 * factors too). A prediction without a range gives its row none.
 */
class RowRangeTest {
  /** A cold start on a device whose flash no source measured: its load carries the read's range. */
  private static final String COLD = "latency(mobilenet_v2, iphone_14_pro, start = cold)";

  /** A cold start on a device whose flash read is measured: its load has no range. */
  private static final String MEASURED_COLD =
      "latency(mobilenet_v2, iphone_15_pro_max, start = cold)";

  private static Validation.RowResult row(String expr, double measuredMs) {
    var row = new Measurements.Row(1, expr, measuredMs, Map.of(), new SourceText("<csv>", expr));
    return Validation.predict(DevqAssertions.interpreter(), row);
  }

  @Test
  void aColdRowsRangeIsThePredictionsRange() {
    Prediction p = DevqAssertions.explained(COLD);
    assertTrue(p.hasRange() && p.loadTime() > 0, "a calibrated cold start");
    Validation.RowResult r = row(COLD, 1);
    assertEquals(p.latencyLow() * 1000, r.lowMs(), p.latency() * 1e-9);
    assertEquals(p.latencyHigh() * 1000, r.highMs(), p.latency() * 1e-9);
  }

  @Test
  void aMeasurementAboveTheWarmSpreadIsOutside() {
    Prediction p = DevqAssertions.explained(MEASURED_COLD);
    double high = p.latencyHigh() * 1000;
    // spreading the load time too would reach this far; the prediction's range does not
    double spreadAll = p.latency() * 1000 * p.rangeHigh();
    double between = (high + spreadAll) / 2;
    assertTrue(spreadAll > high);
    assertEquals(0, Validation.rangeHits(List.of(row(MEASURED_COLD, between))).inside());
    assertEquals(1, Validation.rangeHits(List.of(row(MEASURED_COLD, high))).inside());
  }

  @Test
  void aGenericReadWidensTheColdRowsRangeByTheReadsOwn() {
    Prediction p = DevqAssertions.explained(COLD);
    Validation.RowResult r = row(COLD, 1);
    double warmOnly = Prediction.rangeEnd(p.latency(), p.warmLatency(), p.rangeLow()) * 1000;
    assertTrue(r.lowMs() < warmOnly, r.lowMs() + " vs " + warmOnly);
  }

  @Test
  void aPredictionWithoutARangeGivesItsRowNone() {
    Validation.RowResult r = row(COLD, 1);
    Prediction p = r.estimate();
    Prediction none = DevqAssertions.altered(p, p.memory(), 1, 1, 1);
    assertFalse(none.hasRange());
    var unranged = new Validation.RowResult(r.row(), r.predictedMs(), r.error(), none, "all", null);
    assertFalse(unranged.hasRange());
    assertEquals(0, Validation.rangeHits(List.of(unranged)).counted());
  }
}
