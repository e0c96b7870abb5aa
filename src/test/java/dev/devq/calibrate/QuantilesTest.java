package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One quantile (Hazen's) serves medians, in-sample ranges and weighted held-out ranges: the
 * in-sample 10th percentile was once read with another definition, narrower than the held-out one
 * of the same rows.
 */
class QuantilesTest {
  private static double[] values(String text) {
    return Arrays.stream(text.trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray();
  }

  @ParameterizedTest(name = "q{1} of [{0}]  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      1 2 3                                    | 0.5  | 2
      1 2 3 4                                  | 0.5  | 2.5
      7                                        | 0.5  | 7
      0.5 0.6 0.7 0.8 0.9 1 1.1 1.2 1.3 1.4 1.5 | 0.10 | 0.56
      0.5 0.6 0.7 0.8 0.9 1 1.1 1.2 1.3 1.4 1.5 | 0.90 | 1.44
      1 2                                      | 0.10 | 1
      1 2                                      | 0.90 | 2
      """)
  void readsHazensQuantile(String sorted, double q, double expected) {
    double[] v = values(sorted);
    assertEquals(expected, Quantiles.of(v, q), 1e-12);
    double[][] weighted =
        Arrays.stream(v).mapToObj(x -> new double[] {x, 3}).toArray(double[][]::new);
    assertEquals(expected, Quantiles.weighted(weighted, q), 1e-12, "equal weights, same figure");
    if (q == 0.5) {
      assertEquals(expected, Quantiles.median(v), 1e-12);
    }
  }

  @ParameterizedTest(name = "empty  =>  median NaN, range end 1")
  @CsvSource({"0.1", "0.9"})
  void noValuesGiveNoMedianAndLeaveARangeAtOne(double q) {
    assertTrue(Double.isNaN(Quantiles.median(new double[0])));
    assertEquals(1, Quantiles.of(new double[0], q));
  }
}
