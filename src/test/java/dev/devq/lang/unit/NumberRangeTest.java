package dev.devq.lang.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The one rule for a written number a double cannot hold, which query literals and profile values
 * share: infinite in base units is too large; zero in base units is too small unless it was written
 * as zero.
 */
class NumberRangeTest {
  @ParameterizedTest(name = "{1} (base {0}) => {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "fine",
      textBlock =
          """
          Infinity  | 1e400    | TOO_LARGE
          -Infinity | -1e400   | TOO_LARGE
          0         | 1e-400   | TOO_SMALL
          0         | -1e-400  | TOO_SMALL
          0         | 0.001e-321 | TOO_SMALL
          0         | 0        | fine
          0         | 0e-400   | fine
          0         | 0.000    | fine
          1e-300    | 1e-300   | fine
          1.7e308   | 1.7e308  | fine
          """)
  void refusesWhatADoubleCannotHold(double base, String written, NumberRange expected) {
    assertEquals(expected, NumberRange.of(base, written));
  }
}
