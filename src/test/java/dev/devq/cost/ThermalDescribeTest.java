package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A thermal condition is shown as the query language writes it (explain's state, JSON's {@code
 * state}, a plot's labels): whole minutes in minutes, anything else in exact seconds.
 */
class ThermalDescribeTest {
  @ParameterizedTest(name = "{0} s → {1}")
  @CsvSource({
    "600, after(10min)",
    "5400, after(90min)",
    "90, after(90s)",
    "90.5, after(90.5s)",
    "0.0001, after(0.0001s)",
    "0.00005, after(5e-5s)",
    "0, after(0s)"
  })
  void afterIsWrittenAsTheLanguageWritesIt(double seconds, String shown) {
    assertEquals(shown, Thermal.after(seconds).describe());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"NOMINAL, nominal", "SERIOUS, serious"})
  void aStateIsItsKey(ThermalState state, String shown) {
    assertEquals(shown, Thermal.of(state).describe());
  }
}
