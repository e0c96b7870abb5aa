package dev.devq.lang.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The two ways text writes a fraction as a percentage, each defined once. */
class PercentTest {
  @ParameterizedTest(name = "{0}  =>  {1}, {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0.74     | 74%    | 74%
      0.1092   | 10.9%  | 11%
      0.000743 | 0.0743% | 0%
      0        | 0%     | 0%
      1.5      | 150%   | 150%
      -0.004   | -0.4%  | -0%
      NaN      | unknown% | NaN%
      """)
  void writesAFractionAsAPercentage(double fraction, String percent, String whole) {
    assertEquals(percent, QuantityFormat.percent(fraction));
    assertEquals(whole, QuantityFormat.wholePercent(fraction));
  }
}
