package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A check's margin: the gap to its limit, and relative to the limit where that has a size. A limit
 * of zero still has a gap ("1 to spare"), only no percentage. The limit is the side that is not an
 * estimate (between two estimates the side that must be the larger), so the order of the sides
 * changes nothing where an estimate is compared; between two plain facts it is the number written
 * out, or the right side when neither or both are.
 */
class MarginTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1 > 0           | 1 to spare
          0 ms > -1 ms    | 1 ms to spare (100%)
          -1 ms < 0 ms    | 1 ms to spare
          2 ms < 0 ms     | 2 ms over
          0 < 1           | 1 to spare (100%)
          3 ms < 4 ms     | 1 ms to spare (25%)
          0 ms < 0 ms     | equal, no margin
          6 GB <= iphone_15_pro.ram  | 2 GB to spare (33.3%)
          iphone_12.ram < iphone_15_pro.ram | 4 GB to spare (50%)
          """)
  void theMarginSaysTheGap(String check, String margin) {
    Interpreter.Run run = DevqAssertions.run(check);
    Outcome.Check c = (Outcome.Check) run.outcomes().get(0);
    assertEquals(margin, c.margin().text(), check);
  }

  private static Outcome.Check check(String query) {
    return (Outcome.Check) DevqAssertions.run(query).outcomes().get(0);
  }

  @ParameterizedTest(name = "{0}  ==  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          fps(resnet50, iphone_12) > 400fps     | 400fps < fps(resnet50, iphone_12)
          latency(resnet50, iphone_x) < 30ms    | 30ms > latency(resnet50, iphone_x)
          latency(resnet50, a16) < latency(resnet50, iphone_x) | latency(resnet50, iphone_x) > latency(resnet50, a16)
          6 GB <= iphone_15_pro.ram             | iphone_15_pro.ram >= 6 GB
          iphone_15_pro.ram < 12 GB             | 12 GB > iphone_15_pro.ram
          -iphone_15_pro.ram < -(3 * 2 GB)      | -(3 * 2 GB) > -iphone_15_pro.ram
          (6 GB in MB) < iphone_15_pro.ram      | iphone_15_pro.ram > (6 GB in MB)
          """)
  void theOrderOfTheSidesChangesNoMargin(String one, String other) {
    Margin a = check(one).margin();
    Margin b = check(other).margin();
    assertEquals(a.fraction(), b.fraction(), 1e-12, one);
    assertEquals(a.gap(), b.gap(), one);
    assertEquals(a.text(), b.text(), one);
  }

  /** The pessimistic end was said in the estimate's unit: "31720.8 us is not < 30 ms". */
  @ParameterizedTest(name = "{0}  =>  …{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          latency(resnet50, iphone_x) in us < 30 ms       | ms is not < 30 ms
          30 ms > latency(resnet50, iphone_x) in us       | ms is not < 30 ms
          latency(resnet50, iphone_x) < (30 ms in us)     | us is not < 30000 us
          fps(resnet50, iphone_x) in Hz > 33 fps          | fps is not > 33 fps
          """)
  void thePessimisticEndIsSaidInTheUnitOfTheLimit(String query, String end) {
    String caveat = check(query).margin().caveat();
    assertTrue(
        caveat.matches(
            "not at the pessimistic end of the 80% range: [0-9.]+ " + Pattern.quote(end)),
        caveat);
  }

  @Test
  void anEstimateIsMeasuredAgainstTheLimit() {
    double fps =
        ((Value.QuantityV) DevqAssertions.eval("fps(resnet50, iphone_12)")).quantity().value();
    assertEquals(
        (fps - 400) / 400, check("400fps < fps(resnet50, iphone_12)").margin().fraction(), 1e-9);
  }

  @Test
  void aChainSaysEachLinkAndItsPessimisticEnd() {
    Outcome.Check c = check("1ms < latency(resnet50, iphone_12) < 2.5ms");
    assertTrue(c.pass());
    String text = c.margin().text();
    assertTrue(text.startsWith("1 ms < "), text);
    assertTrue(text.contains(" < 2.5 ms: "), text);
    assertTrue(c.margin().onlyAtEstimate(), text);
    assertTrue(c.margin().caveat().endsWith("is not < 2.5 ms"), c.margin().caveat());
  }

  @Test
  void theBestOfSeveralKeepsItsRange() {
    var best =
        (Value.QuantityV)
            DevqAssertions.eval("max d in [iphone_12, iphone_x] by latency(resnet50, d)");
    var chosen = (Value.QuantityV) DevqAssertions.eval("latency(resnet50, iphone_x)");
    assertEquals(chosen, best);
    Outcome.Check c =
        check("(max d in [iphone_12, iphone_16_pro, iphone_x] by latency(resnet50, d)) < 30ms");
    assertTrue(c.margin().onlyAtEstimate(), c.margin().text());
  }

  @Test
  void aPassingAllNamesTheItemsThatHoldOnlyAtTheEstimate() {
    Outcome.Check c =
        check("all d in [iphone_12, iphone_16_pro, iphone_x]: latency(resnet50, d) < 30ms");
    assertTrue(c.pass());
    var near = c.cases().onlyAtEstimate();
    assertEquals(1, near.size());
    assertEquals("iphone_x", ((Value.EntityV) near.get(0).item()).entity().id());
    assertEquals(
        "all 3 hold; 1 of 3 only at the estimate: iphone_x (" + near.get(0).margin().caveat() + ")",
        dev.devq.view.CaseText.summary(c.cases(), 5));
    assertTrue(near.get(0).margin().caveat().startsWith("not at the pessimistic end"));
  }
}
