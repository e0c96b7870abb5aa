package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.devq.kb.OsVersion;
import dev.devq.lang.unit.Dimension;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The records whose equals and hashCode are written out (to keep Java 17's record bootstrap off a
 * one-shot start) keep a record's meaning: equal components are equal with equal hashes, and a
 * change to any one component is a different value.
 */
class WrittenOutEqualityTest {
  private static final Conditions BASE = conditions();

  /** A fresh instance each call, with no component left at its default. */
  private static Conditions conditions() {
    return new Conditions(
        Thermal.after(600),
        UnitSet.CPU_AND_NE,
        2,
        Start.COLD,
        OsVersion.parse("iOS 18"),
        Runtime.COREML);
  }

  @Test
  void conditionsDifferInEveryComponent() {
    Conditions same = conditions();
    assertEquals(BASE, same);
    assertEquals(BASE.hashCode(), same.hashCode());
    List<Conditions> others =
        List.of(
            new Conditions(
                Thermal.after(601), BASE.units(), 2, BASE.start(), BASE.os(), BASE.runtime()),
            new Conditions(BASE.thermal(), UnitSet.ALL, 2, BASE.start(), BASE.os(), BASE.runtime()),
            new Conditions(
                BASE.thermal(), BASE.units(), 3, BASE.start(), BASE.os(), BASE.runtime()),
            BASE.withStart(Start.WARM),
            new Conditions(BASE.thermal(), BASE.units(), 2, BASE.start(), null, BASE.runtime()),
            BASE.withRuntime(Runtime.LLAMA_CPP));
    others.forEach(o -> assertNotEquals(BASE, o, o.toString()));
  }

  @Test
  void thermalDiffersInEveryComponent() {
    assertEquals(Thermal.after(60), Thermal.after(60));
    assertEquals(Thermal.after(60).hashCode(), Thermal.after(60).hashCode());
    assertEquals(Thermal.of(ThermalState.THROTTLED), Thermal.of(ThermalState.THROTTLED));
    assertNotEquals(Thermal.after(60), Thermal.after(61));
    assertNotEquals(Thermal.of(ThermalState.FAIR), Thermal.of(ThermalState.SERIOUS));
    assertNotEquals(Thermal.after(0), Thermal.of(ThermalState.NOMINAL), "after load or not");
  }

  @Test
  void dimensionsCompareTheirExponents() {
    Dimension speed = Dimension.base("Length").times(Dimension.base("Time").pow(-1));
    var exponents = new TreeMap<String, Integer>();
    exponents.put("Length", 1);
    exponents.put("Time", -1);
    exponents.put("Mass", 0);
    assertEquals(speed, new Dimension(exponents), "a zero exponent is not a difference");
    assertEquals(speed.hashCode(), new Dimension(exponents).hashCode());
    assertNotEquals(speed, Dimension.base("Length"));
    assertNotEquals(Dimension.NONE, Dimension.base("Time"));
  }
}
