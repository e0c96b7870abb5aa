package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A word that differs from a candidate only in case ({@code --format JSON}, {@code list SOCS},
 * {@code Latency(…)}, {@code 1 MiN}) is nearest that candidate; it was skipped as if it were the
 * candidate itself, so another word was suggested ({@code csv}, {@code ops}) or none.
 */
class SuggestionsCaseTest {
  @ParameterizedTest(name = "{0}  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          JSON      | text json csv markdown              | json
          SOCS      | socs devices models ops             | socs
          Latency   | latency fps memory energy           | latency
          MiN       | ns us ms s min h                    | min
          """)
  void aCaseOnlyDifferenceIsTheNearest(String input, String candidates, String expected) {
    assertEquals(expected, Suggestions.closest(input, List.of(candidates.split(" "))), input);
  }
}
