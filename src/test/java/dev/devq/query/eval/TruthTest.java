package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kleene's tables for {@code not}, {@code and} and {@code or} over true, false and unknown, on
 * {@link Truth} and on the values that carry it ({@link Value.BoolV}), which keep the reason of the
 * first unknown side.
 */
class TruthTest {
  @ParameterizedTest(name = "{0} and {1} = {2}, {0} or {1} = {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          TRUE    | TRUE    | TRUE    | TRUE
          TRUE    | FALSE   | FALSE   | TRUE
          TRUE    | UNKNOWN | UNKNOWN | TRUE
          FALSE   | TRUE    | FALSE   | TRUE
          FALSE   | FALSE   | FALSE   | FALSE
          FALSE   | UNKNOWN | FALSE   | UNKNOWN
          UNKNOWN | TRUE    | UNKNOWN | TRUE
          UNKNOWN | FALSE   | FALSE   | UNKNOWN
          UNKNOWN | UNKNOWN | UNKNOWN | UNKNOWN
          """)
  void andOrFollowKleene(Truth a, Truth b, Truth and, Truth or) {
    assertEquals(and, a.and(b), a + " and " + b);
    assertEquals(or, a.or(b), a + " or " + b);
    assertEquals(and, value(a, "a").and(value(b, "b")).truth(), a + " and " + b + " (values)");
    assertEquals(or, value(a, "a").or(value(b, "b")).truth(), a + " or " + b + " (values)");
  }

  @ParameterizedTest(name = "not {0} = {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          TRUE    | FALSE
          FALSE   | TRUE
          UNKNOWN | UNKNOWN
          """)
  void notFollowsKleene(Truth a, Truth not) {
    assertEquals(not, a.not());
    assertEquals(not, value(a, "a").not().truth());
  }

  /** An unknown answer says why: the reason of its first unknown side, "a" before "b". */
  @ParameterizedTest(name = "{0} {1} {2}: why \"{3}\"")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          UNKNOWN | and | UNKNOWN | a
          UNKNOWN | or  | UNKNOWN | a
          TRUE    | and | UNKNOWN | b
          FALSE   | or  | UNKNOWN | b
          UNKNOWN | and | TRUE    | a
          UNKNOWN | or  | FALSE   | a
          UNKNOWN | and | FALSE   | ''
          TRUE    | or  | UNKNOWN | ''
          """)
  void keepsTheFirstUnknownReason(Truth a, String op, Truth b, String why) {
    Value.BoolV x = value(a, "a");
    Value.BoolV y = value(b, "b");
    assertEquals(why, (op.equals("and") ? x.and(y) : x.or(y)).why());
  }

  private static Value.BoolV value(Truth t, String why) {
    return t == Truth.UNKNOWN ? Value.BoolV.unknown(why) : new Value.BoolV(t == Truth.TRUE);
  }
}
