package dev.devq.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import org.junit.jupiter.api.Test;

/**
 * The points of a swept range are the decimals their sums stand for: a model built at one is named
 * by it ({@code mobilenet_v2(width = 36.73)} in what a chart leaves out), never by the binary
 * neighbour a running sum lands on ({@code 36.730000000000004}).
 */
class SweepPointsTest {
  @Test
  void aRangesPointsAreTheDecimalsTheyStandFor() {
    String text = "w in 0.1..100";
    Domain d =
        Domain.read(
            DevqAssertions.interpreter(),
            Session.EMPTY,
            new SourceText("--over", text),
            new Span(0, text.length()));
    double step = (100 - 0.1) / 30;
    assertEquals(31, d.points().size());
    for (int k = 0; k < d.points().size(); k++) {
      double v = ((Value.QuantityV) d.points().get(k).value()).quantity().value();
      String written = Double.toString(v);
      assertTrue(written.length() <= 14, "point " + k + " is " + written);
      assertEquals(0.1 + k * step, v, 1e-9, "point " + k);
    }
    assertEquals(36.73, ((Value.QuantityV) d.points().get(11).value()).quantity().value());
  }
}
