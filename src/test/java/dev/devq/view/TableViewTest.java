package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.query.eval.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The table formats on a hand-made table: units per column, RFC 4180 quoting, unknown cells. */
class TableViewTest {
  private static Value ms(double ms) {
    return new Value.QuantityV(Quantity.of(ms / 1000, Dimensions.TIME));
  }

  private static final Value UNKNOWN = new Value.QuantityV(Quantity.number(Double.NaN));

  private static final Value.TableV TABLE =
      new Value.TableV(
          List.of("name", "latency"),
          List.of(
              List.of(new Value.StrV("a, \"quoted\""), ms(2.5)),
              List.of(new Value.StrV("b"), ms(40)),
              List.of(new Value.StrV("c"), UNKNOWN)));

  @Test
  void csvQuotesFieldsEndsRecordsWithCrlfAndLeavesUnknownEmpty() {
    assertEquals(
        "name,latency (ms)\r\n\"a, \"\"quoted\"\"\",2.5\r\nb,40\r\nc,\r\n",
        new TableView(TABLE).csv());
  }

  @Test
  void textAlignsNumbersRightUnderOneUnitAndShowsUnknown() {
    assertEquals(
        String.join(
            "\n",
            "name         latency (ms)",
            "-------------------------",
            "a, \"quoted\"           2.5",
            "b                      40",
            "c                 unknown"),
        new TableView(TABLE).text());
  }

  /**
   * A cell with an emoji (two UTF-16 units, two terminal columns) or an accent written as a
   * combining mark (two units, one column) lines up with the others: the next column starts at the
   * same terminal column on every row.
   */
  @Test
  void textPadsByTerminalColumnsNotUtf16Units() {
    var t =
        new Value.TableV(
            List.of("name", "latency"),
            List.of(
                List.of(new Value.StrV("cafe\u0301"), ms(2.5)),
                List.of(new Value.StrV("\uD83D\uDE00 x"), ms(40)),
                List.of(new Value.StrV("plain"), ms(1))));
    assertEquals(
        String.join(
            "\n",
            "name   latency (ms)",
            "-------------------",
            "cafe\u0301            2.5",
            "\uD83D\uDE00 x             40",
            "plain             1"),
        new TableView(t).text());
    assertEquals(
        String.join(
            "\n",
            "name   unit",
            "-----------",
            "cafe\u0301   ane",
            "\uD83D\uDE00 x   gpu",
            "plain  cpu"),
        ExplainTable.table(
            List.of(
                new String[] {"name", "unit"},
                new String[] {"cafe\u0301", "ane"},
                new String[] {"\uD83D\uDE00 x", "gpu"},
                new String[] {"plain", "cpu"})));
  }

  @Test
  void markdownEscapesPipesAndRightAlignsNumbers() {
    var t =
        new Value.TableV(List.of("op"), List.of(List.of(new Value.StrV("a|b")), List.of(ms(1))));
    assertEquals("| op |\n| --- |\n| a\\|b |\n| 1 ms |\n", new TableView(t).markdown());
  }

  @Test
  void jsonUsesTheFixedUnitOfTheDimensionAndNullForUnknown() {
    var json = new TableView(TABLE).json();
    assertEquals("table", json.get("kind").asText());
    assertEquals("ms", json.get("columns").get(1).get("unit").asText());
    assertTrue(json.get("columns").get(0).get("unit").isNull());
    assertEquals(2.5, json.get("rows").get(0).get(1).asDouble());
    assertTrue(json.get("rows").get(2).get(1).isNull());
    String written = JsonRender.write(json);
    assertTrue(written.contains("40") && !written.contains("E+"), written);
  }

  /**
   * A column of percentages (a battery share) names its unit in every format: CSV's numbers are in
   * %, as JSON's column says, where the header once left a reader to take 2.5 as a fraction.
   */
  @Test
  void aPercentageColumnIsHeadedByItsUnitInEveryFormat() {
    Value share = new Value.QuantityV(new Quantity(0.025, Dimensions.NONE, "%"));
    var t = new TableView(new Value.TableV(List.of("battery"), List.of(List.of(share))));
    assertEquals("battery (%)\r\n2.5\r\n", t.csv());
    assertEquals("| battery (%) |\n| ---: |\n| 2.5 |\n", t.markdown());
    assertEquals("%", t.json().get("columns").get(0).get("unit").asText());
    assertEquals("2.5", JsonRender.write(t.json().get("rows").get(0).get(0)));
  }

  /** JSON and CSV carry the number unrounded: the text's three digits are it rounded. */
  @Test
  void jsonAndCsvCarryTheNumberUnrounded() {
    var t = new TableView(new Value.TableV(List.of("latency"), List.of(List.of(ms(2.2884975)))));
    assertEquals("latency (ms)\r\n2.2884975\r\n", t.csv());
    assertEquals("2.2884975", JsonRender.write(t.json().get("rows").get(0).get(0)));
  }

  /**
   * A column of plain counts has no unit: CSV writes each count whole (text may say {@code 2.5M};
   * CSV read into a spreadsheet must not say 2.5).
   */
  @Test
  void csvWritesPlainCountsWhole() {
    List<List<Value>> rows =
        java.util.stream.DoubleStream.of(999, 2_500_000, 4_089_184_256.0, 0.5)
            .mapToObj(x -> List.<Value>of(new Value.QuantityV(Quantity.number(x))))
            .toList();
    var t = new TableView(new Value.TableV(List.of("macs"), rows));
    assertEquals("macs\r\n999\r\n2500000\r\n4089184256\r\n0.5\r\n", t.csv());
  }
}
