package dev.devq.query.eval;

import static dev.devq.DevqAssertions.assertFails;
import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An item of a list that mixes kinds ({@code [224, 224 B]}) has a type only when evaluated, so the
 * checker lets it through; where it goes it meets the same rule as a typed value: {@code 224 B} is
 * not the resolution 224, {@code 60 GB} not a minute of load, and a time is not weighed against a
 * size. Before, each of these answered as if the unit were the one expected.
 */
class MixedListItemsTest {

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          max x in [1 ms, 2 GB] by x                                             | DIMENSION_MISMATCH | cannot compare Time with Bytes
          argmin x in [1 ms, 2 GB, 3] by x                                       | DIMENSION_MISMATCH | cannot compare Time with Bytes
          [max(x, 1 ms) for x in [1, 2 GB]]                                      | DIMENSION_MISMATCH | cannot compare a plain number with Time
          [frame(x) for x in [30 fps, 2 GB]]                                     | DIMENSION_MISMATCH | expected Frequency (Time⁻¹), found Bytes
          [latency(mobilenet_v2(resolution = x), a16) for x in [224, 224 B]]     | DIMENSION_MISMATCH | expected a plain number, found Bytes
          [latency(mobilenet_v2, a16, batch = x) for x in [2, 2 W]]              | DIMENSION_MISMATCH | expected a plain number, found Power
          [latency(mobilenet_v2, a16, after(x)) for x in [1 min, 60 GB]]         | DIMENSION_MISMATCH | expected Time, found Bytes
          [battery(mobilenet_v2, iphone_12, x) for x in [30 fps, 30]]            | DIMENSION_MISMATCH | expected Frequency (Time⁻¹), found a plain number
          [size(palettize(mobilenet_v2, x)) for x in [4, 4 ms]]                  | DIMENSION_MISMATCH | expected a plain number, found Time
          [m3_max(gpu_cores = x).bandwidth for x in [30, 30 GB]]                 | DIMENSION_MISMATCH | expected a plain number, found Bytes
          [(x in ms) for x in [1 ms, 2 GB]]                                      | DIMENSION_MISMATCH | cannot convert Bytes to ms (Time)
          table x in [1 ms, 2 GB, 3]: x by x                                     | DIMENSION_MISMATCH | cannot compare Time with Bytes
          table x in [1 ms, "a"]: x by x                                         | TYPE_MISMATCH      | cannot sort rows by a quantity and a text together
          table x in [1, a16]: x by x                                            | TYPE_MISMATCH      | cannot sort rows by a SoC: it has no order
          """)
  void anItemOfTheWrongDimensionIsRefusedWhereItIsUsed(
      String query, DiagnosticCode code, String message) {
    String text = assertFails(query, code);
    assertTrue(text.contains(message), text);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          max x in [1 ms, 2 s] by x                                   | 2 s
          [max(x, 1 ms) for x in [2 ms, 0.5 ms]]                      | [2 ms, 1 ms]
          [frame(x) for x in [50 fps, 25 fps]]                        | [20 ms, 40 ms]
          """)
  void itemsOfOneDimensionStillAnswer(String query, String expected) {
    assertEquals(expected, dev.devq.view.TextRender.value(eval(query)), query);
  }

  /**
   * A member of such an item that it lacks is named as the checker names it; the 80% range is only
   * what {@code .low} and {@code .high} ask for.
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          [x.ram for x in [iphone_12, 1]]       | a plain number has no member 'ram'
          [x.year for x in [a16, 2 ms]]         | Time has no member 'year'
          [x.low for x in [2 ms, a16]]          | this value has no 80% range, so no '.low'
          [x.low for x in [a16, 2 ms]]          | a SoC has no member 'low'
          [x.ram for x in [a16, iphone_12]]     | a SoC has no member 'ram'
          """)
  void aMemberTheItemLacksIsNamedAsTheCheckerNamesIt(String query, String message) {
    String text = assertFails(query, DiagnosticCode.UNKNOWN_MEMBER);
    assertTrue(text.contains(message), text);
  }
}
