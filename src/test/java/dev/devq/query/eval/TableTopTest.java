package dev.devq.query.eval;

import static dev.devq.DevqAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code top N} keeps the first N rows; a whole number past what an int holds is more rows than any
 * table has, so it keeps them all, where it was refused as "not a whole number of rows".
 */
class TableTopTest {
  @ParameterizedTest(name = "{0}  =>  {1} rows")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          table x in [3, 1, 2]: x by x top 1                  | 1
          table x in [3, 1, 2]: x by x top 3                  | 3
          table x in [3, 1, 2]: x by x top 2147483648         | 3
          table x in [3, 1, 2]: x by x top 99999999999999     | 3
          """)
  void topKeepsAtMostThatManyRows(String query, int rows) {
    Interpreter.Run r = run(query);
    assertTrue(r.ok(), () -> query + ": " + r.diagnostics());
    var table = (Value.TableV) ((Outcome.Shown) r.outcomes().get(0)).value();
    assertEquals(rows, table.rows().size(), query);
  }
}
