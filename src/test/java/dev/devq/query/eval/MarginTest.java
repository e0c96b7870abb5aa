package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A check's margin: the gap to its limit, and relative to the limit where that has a size. A limit
 * of zero still has a gap ("1 to spare"), only no percentage.
 */
class MarginTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1 > 0           | 1 to spare
          -1 ms < 0 ms    | 1 ms to spare
          2 ms < 0 ms     | 2 ms over
          0 < 1           | 1 to spare (100%)
          3 ms < 4 ms     | 1 ms to spare (25%)
          0 ms < 0 ms     | equal, no margin
          """)
  void theMarginSaysTheGap(String check, String margin) {
    Interpreter.Run run = DevqAssertions.run(check);
    Outcome.Check c = (Outcome.Check) run.outcomes().get(0);
    assertEquals(margin, c.margin().text(), check);
  }
}
