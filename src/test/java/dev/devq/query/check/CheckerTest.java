package dev.devq.query.check;

import static dev.devq.DevqAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckerTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, a16, throttled) < 33MB | DIMENSION_MISMATCH
      1 GB + 3 ms                                  | DIMENSION_MISMATCH
      latncy(mobilenet_v2, a16)                    | UNKNOWN_FUNCTION
      latency(mobilenet_v3, a16)                   | UNKNOWN_NAME
      latency(mobilenet_v2, a71)                   | UNKNOWN_NAME
      latency(mobilenet_v2, a16, hot)              | UNKNOWN_NAME
      latency(mobilenet_v2)                        | ARITY
      latency(mobilenet_v2, a16, unitz = all)      | UNKNOWN_ARGUMENT
      a16.bandwith                                 | UNKNOWN_MEMBER
      3 mss                                        | UNKNOWN_UNIT
      latency(mobilenet_v2, a16) in MB             | DIMENSION_MISMATCH
      mobilenet_v2(widht = 0.5)                    | UNKNOWN_ARGUMENT
      frame(30ms)                                  | DIMENSION_MISMATCH
      not 3ms                                      | TYPE_MISMATCH
      check "fits": 5                              | TYPE_MISMATCH
      check "fits": size(mobilenet_v2)             | TYPE_MISMATCH
      """)
  void rejectsBeforeEvaluating(String query, DiagnosticCode code) {
    assertFails(query, code);
  }

  /**
   * A number cut short against its digits reads as a number and a unit: the error says how the
   * number is written, not only that the unit is unknown. With a space, the word is a unit.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      2.5e      | an exponent needs its digits: write e.g. 2.5e3
      1E        | an exponent needs its digits: write e.g. 1E3
      1 e       | <none>
      """)
  void aNumberCutShortSaysHowANumberIsWritten(String query, String note) {
    String text = assertFails(query, DiagnosticCode.UNKNOWN_UNIT);
    if (note.equals("<none>")) {
      assertFalse(text.contains("= "), text);
    } else {
      assertTrue(text.contains("= " + note), text);
    }
  }

  @Test
  void dimensionMismatchNamesBothSidesAtTheOperator() {
    String text = assertFails("1 GB + 3 ms", DiagnosticCode.DIMENSION_MISMATCH);
    assertTrue(text.contains("<query>:1:6"), text);
    assertTrue(text.contains("Bytes") && text.contains("Time"), text);
  }

  /** A named check of a number once printed the number and passed, its name dropped. */
  @Test
  void aNamedCheckMustStateACondition() {
    String text = assertFails("check \"fits\": 5 ms", DiagnosticCode.TYPE_MISMATCH);
    assertTrue(text.contains("a check needs a boolean, found Time"), text);
    assertTrue(text.contains("<query>:1:15"), text);
  }

  @Test
  void misspelledFunctionSuggestsTheRightOne() {
    assertTrue(
        assertFails("latncy(mobilenet_v2, a16)", DiagnosticCode.UNKNOWN_FUNCTION)
            .contains("did you mean 'latency'?"));
  }

  @Test
  void unknownTargetSuggestsANearbySoc() {
    assertTrue(
        assertFails("latency(mobilenet_v2, a71)", DiagnosticCode.UNKNOWN_NAME)
            .contains("did you mean 'a17"));
  }
}
