package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.Expr;
import dev.devq.query.eval.Outcome;
import dev.devq.view.CaseText;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A quantified check over no item says why there was none: an empty list, or a {@code where} that
 * let nothing through, never a filter the query does not have.
 */
class EmptyCasesTextTest {
  private static String summary(boolean filtered) {
    return CaseText.summary(
        new Outcome.Cases(
            true, Expr.QuantifierKind.ALL, filtered, 0, List.of(), List.of(), List.of(), List.of()),
        3);
  }

  @Test
  void anEmptyListIsNotBlamedOnAWhereFilter() {
    assertEquals("the list is empty", summary(false));
  }

  @Test
  void aWhereThatLetsNothingThroughIsNamed() {
    assertEquals("no item passed the 'where' filter", summary(true));
  }

  @Test
  void evalOfACheckOverAnEmptyListSaysSo() {
    CheckReportsTest.Run run = CheckReportsTest.devq("eval", "all x in []: x > 1");
    assertTrue(run.out().contains("the list is empty"), run.out() + run.err());
  }
}
