package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An unknown fact (iPhone 17e's battery, which no source gives; GELU on the A13's Neural Engine,
 * which no source settles) is unknown through comparisons, {@code not}, {@code and}, {@code or} and
 * quantifiers anywhere in an expression, never false: so it can never make a constraint pass. Each
 * query is wrapped in a list, so its value is shown rather than checked.
 */
class ThreeValuedLogicTest {
  private static final String PHONES =
      "d in devices where d.year >= 2025 and d.form_factor == \"phone\"";

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          iphone_17e.battery_wh < 1 Wh                                      | unknown
          iphone_17e.battery_wh == 1 Wh                                     | unknown
          iphone_17e.battery_wh != 1 Wh                                     | unknown
          not (iphone_17e.battery_wh < 1 Wh)                                | unknown
          2 Wh < 1 Wh < iphone_17e.battery_wh                               | false
          0 Wh < iphone_17e.battery_wh < 1000 Wh                            | unknown
          iphone_17e.battery_wh < 1 Wh and 1 ms > 2 ms                      | false
          iphone_17e.battery_wh < 1 Wh and 1 ms < 2 ms                      | unknown
          iphone_17e.battery_wh < 1 Wh or 1 ms < 2 ms                       | true
          1 ms > 2 ms or iphone_17e.battery_wh < 1 Wh                       | unknown
          supported(gelu, a13, ane)                                         | unknown
          not supported(gelu, a13, ane)                                     | unknown
          supported(gelu, a14, ane)                                         | true
          not any s in [a13, a14]: supported(gelu, s, ane)                  | false
          not all s in [a13, a14]: supported(gelu, s, ane)                  | unknown
          all d in [iphone_17e, iphone_16e]: d.battery_wh < 1 Wh            | false
          all d in [iphone_17e, iphone_16e]: d.battery_wh > 1 Wh            | unknown
          any d in [iphone_17e, iphone_16e]: d.battery_wh > 1 Wh            | true
          any d in [iphone_17e, iphone_16e]: d.battery_wh < 1 Wh            | unknown
          not all d in [iphone_17e, iphone_16e]: battery(mobilenet_v2, d, 30fps) < 0.2% | true
          not all d in [iphone_17e, iphone_16e]: battery(mobilenet_v2, d, 30fps) < 10%  | unknown
          any d in [iphone_17e, iphone_16e]: battery(mobilenet_v2, d, 30fps) < 10%      | true
          all d in [iphone_17e, iphone_16e] where d.battery_wh > 1 Wh: d.year > 2000    | true
          all d in [iphone_17e, iphone_16e] where d.battery_wh > 1 Wh: d.year < 2000    | false
          all d in [iphone_17e] where d.battery_wh > 1 Wh: d.year < 2000                | unknown
          any d in [iphone_17e] where d.battery_wh > 1 Wh: d.year < 2000                | false
          any d in [iphone_17e] where d.battery_wh > 1 Wh: d.year > 2000                | unknown
          """)
  void unknownStaysUnknown(String query, String expected) {
    Value v = DevqAssertions.eval("[" + query + "]");
    Value.BoolV b = (Value.BoolV) ((Value.ListV) v).items().get(0);
    assertEquals(expected, b.known() ? Boolean.toString(b.isTrue()) : "unknown", query);
  }

  /** A check whose answer is unknown fails and says why, whatever its form. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not (iphone_17e.battery_wh < 1 Wh)               | iphone_17e.battery_wh is unknown
          not supported(gelu, a13, ane)                    | A13 Bionic is older
          not all s in [a13, a14]: supported(gelu, s, ane) | s = a13 (
          """)
  void anUnknownCheckFailsSayingWhy(String query, String why) {
    var run = DevqAssertions.run(query);
    assertTrue(run.ok(), query);
    Outcome.Check c = (Outcome.Check) run.outcomes().get(0);
    assertTrue(!c.pass() && c.isUnknown(), query + " should fail as unknown");
    assertTrue(c.unknown().contains(why), c.unknown());
  }

  /** Over phones, iPhone 17e's battery is unknown: not a pass for the negated comparison. */
  @org.junit.jupiter.api.Test
  void aNegatedComparisonOverAllPhonesDoesNotPass() {
    var run = DevqAssertions.run("all " + PHONES + ": not (d.battery_wh < 1 Wh)");
    Outcome.Check c = (Outcome.Check) run.outcomes().get(0);
    assertTrue(!c.pass(), "an unknown battery must not pass");
    assertEquals(
        List.of("iphone_17e"),
        c.cases().unknown().stream().map(k -> ((Value.EntityV) k.item()).entity().id()).toList());
  }

  /** A list's filter that is unknown for an item leaves it out, and says so. */
  @org.junit.jupiter.api.Test
  void aListLeavesOutAnItemWhoseFilterIsUnknownAndSaysSo() {
    var run = DevqAssertions.run("[" + PHONES + " and d.battery_wh > 10 Wh]");
    Outcome.Shown s = (Outcome.Shown) run.outcomes().get(0);
    List<String> kept =
        ((Value.ListV) s.value())
            .items().stream().map(v -> ((Value.EntityV) v).entity().id()).toList();
    assertTrue(kept.contains("iphone_16e") && !kept.contains("iphone_17e"), kept.toString());
    LeftOut.UnknownItem u = (LeftOut.UnknownItem) s.leftOut().get(0);
    assertEquals(LeftOut.Of.FILTER, u.of());
    assertEquals("d.battery_wh is unknown", u.why());
    assertEquals("iphone_17e", ((Value.EntityV) u.row().get(0).value()).entity().id());
  }

  /**
   * An aggregate's item whose key is unknown is not chosen and is named as left out, with why;
   * before, it was skipped unsaid.
   */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          argmax d in [iphone_17e, iphone_16e] by d.battery_wh                     | iphone_16e | d.battery_wh is unknown
          min d in [iphone_17e, iphone_16e] by d.battery_wh                        | 15.4 Wh    | d.battery_wh is unknown
          argmin d in [iphone_17e, iphone_16e] by battery(mobilenet_v2, d, 30fps)  | iphone_16e | iPhone 17e has no battery capacity
          """)
  void anAggregateNamesAnItemWhoseKeyIsUnknown(String query, String best, String why) {
    Outcome.Shown s = (Outcome.Shown) DevqAssertions.run(query).outcomes().get(0);
    assertTrue(dev.devq.view.TextRender.value(s.value()).startsWith(best), s.value().toString());
    LeftOut.UnknownItem u = (LeftOut.UnknownItem) s.leftOut().get(0);
    assertEquals(LeftOut.Of.KEY, u.of());
    assertEquals("iphone_17e", ((Value.EntityV) u.row().get(0).value()).entity().id());
    assertTrue(u.why().contains(why), u.why());
  }

  /**
   * With every key unknown nothing can be chosen; the error says so, naming no 'where' it lacks.
   */
  @org.junit.jupiter.api.Test
  void anAggregateWithEveryKeyUnknownSaysSo() {
    String shown =
        DevqAssertions.assertFails(
            "argmax d in [iphone_17e] by d.battery_wh", dev.devq.lang.DiagnosticCode.BAD_VALUE);
    assertTrue(shown.contains("no item has a key to compare"), shown);
    assertTrue(shown.contains("the key is unknown"), shown);
  }

  /**
   * A hole's target whose answer is unknown is not among those that satisfy it, and is named with
   * why; a hole lists targets and is never a passing check.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          battery(mobilenet_v2, ?, 30fps) < 1%         | iPhone 17e has no battery capacity
          battery(mobilenet_v2, ?, 30fps, 1h) >= 0%    | iPhone 17e has no battery capacity
          """)
  void aHoleNamesTargetsWhoseAnswerIsUnknown(String query, String why) {
    var run = DevqAssertions.run(query);
    Outcome.HoleFill h = (Outcome.HoleFill) run.outcomes().get(0);
    int i = ids(h.targets()).indexOf("iphone_17e");
    assertTrue(!(h.values().get(i) instanceof Value.BoolV b && b.isTrue()), "not satisfied");
    List<String> unknown =
        h.leftOut().stream()
            .filter(LeftOut.UnknownTarget.class::isInstance)
            .map(
                l ->
                    ((LeftOut.UnknownTarget) l).target().entity().id()
                        + ": "
                        + ((LeftOut.UnknownTarget) l).why())
            .toList();
    assertTrue(
        unknown.stream().anyMatch(u -> u.startsWith("iphone_17e: ") && u.contains(why)),
        unknown.toString());
    assertTrue(unknown.stream().noneMatch(u -> u.startsWith("iphone_16e")), unknown.toString());
    assertTrue(
        run.outcomes().stream().noneMatch(Outcome.Check.class::isInstance),
        "a hole is no check, so it never passes");
  }

  private static List<String> ids(List<Value.EntityV> targets) {
    return targets.stream().map(t -> t.entity().id()).toList();
  }
}
