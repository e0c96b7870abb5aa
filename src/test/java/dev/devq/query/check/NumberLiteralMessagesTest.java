package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Numbers at the edges of what a query can write: a literal that would underflow (lose its digits
 * below the smallest normal double, or become 0) or overflow to infinity is refused at the literal,
 * and so is a product, quotient or conversion that underflows, a hexadecimal one gets its decimal
 * form rather than a unit suggestion, a digit separator that is not between two digits is refused
 * with the number written without it ({@code 1__0} once read as 10), a model parameter of 0 is
 * refused at the argument, and every number a message shows is written as the query language writes
 * it ({@code 1e-9}, never Java's {@code 1.0E-9}).
 */
class NumberLiteralMessagesTest {
  @ParameterizedTest(name = "{0}  =>  {1}: {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          1e-400 ms                                        | BAD_VALUE | number too small
          1e-400                                           | BAD_VALUE | ^^^^^^ closer to 0 than ±2.2e-308
          1e-320 ns                                        | BAD_VALUE | = write 0 if zero is meant
          1e-320 ms                                        | BAD_VALUE | number too small
          1e-310                                           | BAD_VALUE | closer to 0 than ±2.2e-308 in base units
          1e-200 * 1e-200                                  | BAD_VALUE | too small to represent (it underflows to 0)
          1e-300 / 1e10                                    | BAD_VALUE | too small to represent (it underflows to 0)
          3e-308 - 2.9e-308 < 1                            | BAD_VALUE | too small to represent (it underflows to 0)
          1e-305 s in h                                    | BAD_VALUE | too small to write in h (it underflows to 0)
          1e400 ms                                         | BAD_VALUE | number too large
          0x10                                             | SYNTAX    | hexadecimal numbers are not supported
          0x10 ms                                          | SYNTAX    | = write it in decimal: 16
          2 * 0xff_ff                                      | SYNTAX    | = write it in decimal: 65535
          1__0                                             | SYNTAX    | = write 10
          1__0 + 1                                         | SYNTAX    | misplaced digit separator in '1__0'
          1_                                               | SYNTAX    | = write 1
          1_000_ MB                                        | SYNTAX    | = write 1000
          _1                                               | SYNTAX    | = write 1
          1_.5 ms                                          | SYNTAX    | = write 1.5
          .5_ ms                                           | SYNTAX    | = write .5
          2e1__0                                           | SYNTAX    | = write 2e10
          mobilenet_v2(width = 0)                          | BAD_VALUE | 'width' must be a number above 0, found 0
          size(mobilenet_v2(width = -0.5))                 | BAD_VALUE | 'width' must be a number above 0, found -0.5
          latency(mobilenet_v2(resolution = 0), a16)       | BAD_VALUE | 'resolution' must be a number above 0
          mobilenet_v2(width = 3.2e301)                    | BAD_VALUE | 'out' is 1.024e303
          latency(mobilenet_v2(resolution = 1e-9), a16)    | BAD_VALUE | positive whole numbers, found 1e-9
          latency(mobilenet_v2(resolution = 3.2e301), a16) | BAD_VALUE | 'resolution' is 3.2e301, above the limit
          latency(llama_3_1_8b(context = 1.5e-7), a16)     | BAD_VALUE | whole number, found 1.5e-7
          latency(llama_3_1_8b(context = 3.2e301), a16)    | BAD_VALUE | is at most 131072, found 3.2e301
          """)
  void refusesAtTheLiteralInTheLanguagesOwnNotation(
      String query, DiagnosticCode code, String shown) {
    String text = DevqAssertions.assertFails(query, code);
    assertTrue(text.contains(shown), text);
    assertFalse(text.matches("(?s).*\\dE[-+]?\\d.*"), "a Java number format in:\n" + text);
    assertFalse(text.contains("did you mean '%'"), text);
  }

  /** The error stands at the whole misplaced number, and one '_' between digits still groups. */
  @org.junit.jupiter.api.Test
  void aMisplacedSeparatorIsRefusedAtItsNumber() {
    String text = DevqAssertions.assertFails("let x = 2 * 1__000 ms", DiagnosticCode.SYNTAX);
    assertTrue(text.contains("<query>:1:13"), text);
    assertTrue(text.contains("^^^^^^ '_' must stand between two digits"), text);
    assertEquals("1001", DevqAssertions.devq().eval("1_000 + 1").outcomes().get(0).text(false));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          0e-400                       | 0
          0.000 ms                     | 0 s
          mobilenet_v2(width = 1e-9)   | mobilenet_v2(width = 1e-9)
          mobilenet_v2(width = 0.35)   | mobilenet_v2(width = 0.35)
          """)
  void zeroWrittenAsZeroAndParametersShownAsWritten(String query, String expected) {
    assertEquals(expected, DevqAssertions.devq().eval(query).outcomes().get(0).text(false), query);
  }
}
