package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A quantifier's variable is bound for its body alone: an inner one of the same name shadows the
 * outer one there and only there, and the session's lets stay visible inside.
 */
class QuantifierScopeTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          all d in [1, 2]: all d in [3]: d == 3                  | true
          all x in [1, 2]: (any x in [5]: x == 5) and x < 3      | true
          all x in [1, 2]: (all y in [x]: y == x) and x > 0      | true
          any x in [1, 2]: all x in [7]: x == 1                  | false
          """)
  void anInnerBindingShadowsTheOuterOneInItsBodyOnly(String query, boolean expected) {
    assertEquals(expected, DevqAssertions.bool(query), query);
  }

  @Test
  void aLetOfTheSessionIsSeenInsideNestedQuantifiers() {
    Interpreter.Run run =
        DevqAssertions.run("let n = 2\nall x in [1]: all y in [2]: y == n and x < n");
    assertTrue(run.ok(), run.diagnostics().toString());
    List<Outcome> outcomes = run.outcomes();
    assertTrue(((Outcome.Check) outcomes.get(outcomes.size() - 1)).pass());
  }
}
