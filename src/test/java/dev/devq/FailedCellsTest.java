package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table cell left unknown because its row failed (a parameter out of range for that row, a member
 * that row lacks) says why in every format, beside the cells whose model cannot run; rows failing
 * alike share one line; a failure every row shares is still the query's error.
 */
class FailedCellsTest {
  private static final String RESOLUTION =
      "model parameter 'resolution' must be a number above 0, found 0";

  private static Outcome one(String query) {
    Run run = DevqAssertions.devq().eval(query);
    assertTrue(run.ok(), () -> query + ": " + run.diagnostics());
    assertEquals(1, run.outcomes().size(), query);
    return run.outcomes().get(0);
  }

  static Stream<Arguments> formats() {
    Function<Outcome, String> text = o -> o.text(false);
    Function<Outcome, String> markdown = Outcome::markdown;
    Function<Outcome, String> csv = Outcome::csv;
    Function<Outcome, String> json = o -> o.json().toString();
    return Stream.of(
        Arguments.of("text", text, "\nunknown where r = 0: " + RESOLUTION),
        Arguments.of("markdown", markdown, "\n\nunknown where r = 0: " + RESOLUTION + "\n"),
        Arguments.of("csv", csv, "\r\n# unknown where r = 0: " + RESOLUTION + "\r\n"),
        Arguments.of("json", json, "\"text\":\"unknown where r = 0: " + RESOLUTION + "\""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void aRowThatFailsSaysWhyInEveryFormat(
      String format, Function<Outcome, String> render, String line) {
    String out =
        render.apply(one("table r in [0, 224]: r, latency(mobilenet_v2(resolution = r), a16)"));
    assertTrue(out.contains(line), format + " lacks the reason:\n" + out);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("formats")
  void aFailedRowAndARowThatCannotRunAreBothSaid(
      String format, Function<Outcome, String> render, String line) {
    String out =
        render.apply(
            one(
                "table r in [0, 224], d in [iphone_12]: r, latency(mobilenet_v2(resolution = r), d),"
                    + " latency(llama_2_13b, d)"));
    assertTrue(out.contains("r = 0, d = iphone_12: " + RESOLUTION), format + ":\n" + out);
    assertTrue(out.contains("cannot run"), format + " lacks the cannot-run line:\n" + out);
  }

  @Test
  void jsonNamesTheRowTheColumnAndTheMessage() {
    JsonNode leftOut =
        one("table r in [0, 224], d in [a16]: r, latency(mobilenet_v2(resolution = r), d)")
            .json()
            .get("left_out");
    assertEquals(1, leftOut.size(), leftOut.toString());
    JsonNode cell = leftOut.get(0);
    assertTrue(cell.get("unknown").asBoolean());
    assertEquals(0, cell.get("row").get("r").get("value").asInt());
    assertEquals("a16", cell.get("row").get("d").asText());
    assertEquals("latency(mobilenet_v2(resolution = r), d)", cell.get("column").asText());
    assertEquals(RESOLUTION, cell.get("message").asText());
  }

  @Test
  void rowsFailingAlikeShareOneLineWithACountAndTheFirstRows() {
    List<String> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      ten.add(Integer.toString(i));
    }
    String tens = "[" + String.join(", ", ten) + "]";
    String out =
        one("table a in [224, 0], b in "
                + tens
                + ", c in "
                + tens
                + ": latency(mobilenet_v2(resolution = a), a16)")
            .text(false);
    List<String> reasons = out.lines().filter(l -> l.startsWith("unknown ")).toList();
    assertEquals(
        List.of(
            "unknown in 100 rows (a = 0, b = 1, c = 1; a = 0, b = 1, c = 2; a = 0, b = 1, c = 3;"
                + " a = 0, b = 1, c = 4; a = 0, b = 1, c = 5; and 95 more): "
                + RESOLUTION),
        reasons);
  }

  @Test
  void rowsFailingWithDifferentMessagesGetALineEach() {
    String out =
        one("table r in [0, -1, 224]: latency(mobilenet_v2(resolution = r), a16)").text(false);
    assertTrue(
        out.endsWith(
            "\nunknown where r = 0: "
                + RESOLUTION
                + "\nunknown where r = -1: model parameter 'resolution' must be a number above 0, found -1"),
        out);
  }

  @Test
  void aSortKeyThatFailsSaysItsRowIsSortedLast() {
    List<String> reasons =
        one("table r in [224, 0]: r by latency(mobilenet_v2(resolution = r), a16)")
            .text(false)
            .lines()
            .filter(l -> l.contains(RESOLUTION))
            .toList();
    assertEquals(
        List.of(
            "sorted last where r = 0 (by latency(mobilenet_v2(resolution = r), a16)): "
                + RESOLUTION),
        reasons);
  }

  @Test
  void aTableOfSeveralComputedColumnsNamesTheColumnThatFailed() {
    String out =
        one("table r in [0, 224], d in [iphone_12, mac_mini_m2]: r, d,"
                + " latency(mobilenet_v2(resolution = r), d) as \"lat\","
                + " battery(mobilenet_v2, d, 30fps, 1h) as \"batt\"")
            .text(false);
    assertTrue(
        out.contains("\nunknown lat in 2 rows (r = 0, d = iphone_12; r = 0, d = mac_mini_m2):"),
        out);
    assertTrue(
        out.contains(
            "\nunknown batt in 2 rows (r = 0, d = mac_mini_m2; r = 224, d = mac_mini_m2):"),
        out);
  }

  @Test
  void aRowTopCutIsNotSaid() {
    Outcome o = one("table r in [0, 224]: r by latency(mobilenet_v2(resolution = r), a16) top 1");
    assertFalse(o.text(false).contains("r = 0"), o.text(false));
    assertEquals(null, o.json().get("left_out"), o.json()::toString);
  }

  @Test
  void aReasonLineGivesTheErrorsFirstNote() {
    assertTrue(
        one("table d in [iphone_12, mac_mini_m2]: battery(mobilenet_v2, d, 30fps, 1h)")
            .text(false)
            .endsWith(
                "\nunknown where d = mac_mini_m2: Mac mini (M2, 2023) has no battery"
                    + " capacity in its profile; battery() needs a device with battery_wh"));
  }

  @Test
  void aSortKeyThatFailsIsNamedOnceWithTheColumnItRepeats() {
    Outcome o =
        one(
            "table r in [224, 0]: latency(mobilenet_v2(resolution = r), a16)"
                + " by latency(mobilenet_v2(resolution = r), a16)");
    assertEquals(1, o.text(false).lines().filter(l -> l.startsWith("unknown where")).count());
    JsonNode leftOut = o.json().get("left_out");
    assertEquals(
        "by latency(mobilenet_v2(resolution = r), a16)", leftOut.get(1).get("column").asText());
  }

  @Test
  void aFailureEveryRowSharesIsStillTheQuerysError() {
    Run run =
        DevqAssertions.devq().eval("table r in [0, 0]: latency(mobilenet_v2(resolution = r), a16)");
    assertFalse(run.ok());
    assertTrue(
        run.diagnostics().get(0).message().contains(RESOLUTION), run.diagnostics().toString());
  }

  @Test
  void aListElementThatFailsStopsTheListWithTheError() {
    Run run =
        DevqAssertions.devq()
            .eval("[latency(mobilenet_v2(resolution = r), a16) for r in [0, 224]]");
    assertFalse(run.ok());
    assertTrue(
        run.diagnostics().get(0).message().contains(RESOLUTION), run.diagnostics().toString());
  }
}
