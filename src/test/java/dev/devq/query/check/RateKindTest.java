package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.devq.lang.unit.Counted;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Unit;
import dev.devq.lang.unit.UnitRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a frequency counts is said once, by its unit's line of the unit table ({@code counts
 * frames}), and the checker's {@link Type.Rate} reads it: a frequency unit without a kind would let
 * a rate written in it be compared with any other, so every one has one. Of the other units only a
 * count of tokens ({@code tok}) counts something.
 */
class RateKindTest {
  @Test
  void everyFrequencyUnitOfTheTableSaysWhatItCounts() {
    UnitRegistry units = UnitRegistry.standard();
    int frequencies = 0;
    for (String name : units.names()) {
      Unit u = units.find(name);
      if (u.dimension().equals(Dimensions.FREQUENCY)) {
        frequencies++;
        assertNotEquals(Counted.NOTHING, u.counts(), name + " says nothing of what it counts");
        assertNotEquals(Type.Rate.UNMARKED, Type.Rate.written(name), name);
      } else if (u.dimension().isNone() && u.factor() == 1 && name.startsWith("tok")) {
        assertEquals(Counted.TOKENS, u.counts(), name);
      } else {
        assertEquals(Counted.NOTHING, u.counts(), name + " is no frequency, yet counts something");
      }
    }
    assertEquals(6, frequencies, "Hz fps kHz MHz GHz tok/s");
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      fps    | FRAMES
      Hz     | FRAMES
      kHz    | FRAMES
      MHz    | CYCLES
      GHz    | CYCLES
      tok/s  | TOKENS
      tok    | TOKENS
      kHz/%  | UNMARKED
      tok/ms | UNMARKED
      1/s    | UNMARKED
      ms     | UNMARKED
      """)
  void aRateIsMarkedByTheUnitItIsWrittenIn(String unit, Type.Rate expected) {
    assertEquals(expected, Type.Rate.written(unit));
    Dimension dimension = unit.equals("tok") ? Dimensions.NONE : Dimensions.FREQUENCY;
    Type t = Type.quantity(dimension, unit);
    assertEquals(expected, ((Type.Quantity) t).rate());
  }

  @Test
  void onlyAFrequencyOrACountUnitCountsSomething() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new Unit("ms", 1e-3, Dimensions.TIME, Counted.FRAMES));
  }
}
