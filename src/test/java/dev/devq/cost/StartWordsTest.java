package dev.devq.cost;

import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.devq.query.eval.Value;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The words a start is written with, and that the long form of a first launch is the same start.
 */
class StartWordsTest {
  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({"warm, WARM", "cold, COLD", "first, FIRST", "first_launch, FIRST"})
  void readsEachWord(String word, Start start) {
    assertEquals(start, Start.parse(word));
  }

  @ParameterizedTest(name = "{0} is no start")
  @ValueSource(strings = {"First", "launch", "first_", "hot", ""})
  void refusesOtherWords(String word) {
    assertNull(Start.parse(word));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "load_time(resnet50, a16, start = %s)",
        "latency(mobilenet_v2, iphone_12, start = %s)",
      })
  void firstLaunchAnswersAsFirst(String template) {
    var longForm = (Value.QuantityV) eval(template.replace("%s", "first_launch"));
    var shortForm = (Value.QuantityV) eval(template.replace("%s", "first"));
    assertEquals(shortForm.quantity().value(), longForm.quantity().value());
  }
}
