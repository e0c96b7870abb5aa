package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devq.DevqAssertions;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import dev.devq.view.JsonRender;
import dev.devq.view.TableView;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One rule for the JSON unit of a dimensionless value: {@code %} (the value in percent) where the
 * text shows a percentage, the user's or devq's, {@code ""} for every other number; a table column
 * and a profile's figure follow it as a query's value does.
 */
class DimensionlessJsonUnitTest {

  @ParameterizedTest(name = "{0}  =>  {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          80%                   | 80      | %
          0.5                   | 0.5     |
          2 * 80%               | 1.6     |
          1 ms / 2 ms           | 0.5     |
          resnet50.top1         | 76.13   | %
          mobilenet_v2.params   | 3504872 |
          """)
  void aValueIsInPercentOnlyWhereItsTextIsAPercentage(String query, double value, String unit) {
    JsonNode json = JsonRender.value(shown(query));
    assertEquals(unit == null ? "" : unit, json.get("unit").asText(), query);
    assertEquals(value, json.get("value").asDouble(), 1e-9, query);
  }

  /** A column mixing a percentage and a plain fraction is in percent throughout, as its text is. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          table x in [80%, 0.5]: x   | 80 | 50
          table x in [0.5, 80%]: x   | 50 | 80
          """)
  void aTableColumnWritesEveryCellInItsOneUnit(String query, double first, double second) {
    JsonNode table = new TableView((Value.TableV) shown(query)).json();
    assertEquals("%", table.get("columns").get(0).get("unit").asText(), query);
    assertEquals(first, table.get("rows").get(0).get(0).asDouble(), 1e-9, query);
    assertEquals(second, table.get("rows").get(1).get(0).asDouble(), 1e-9, query);
  }

  /** A profile's {@code 69%} (a thermal curve's fraction) is 69 in %, not 0.69 without a unit. */
  @Test
  void aProfilesPercentageStaysOne() throws IOException {
    var out = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    assertEquals(0, cmd.execute("info", "a16", "--format", "json"));
    int percentages = 0;
    for (JsonNode field : new ObjectMapper().readTree(out.toString()).get("fields")) {
      String text = field.path("text").asText();
      if (text.endsWith("%")) {
        percentages++;
        assertEquals("%", field.get("unit").asText(), field.toString());
        assertEquals(
            Double.parseDouble(text.substring(0, text.length() - 1)),
            field.get("value").asDouble(),
            1e-9,
            field.toString());
      }
    }
    assertTrue(percentages > 0, "a16 has percentages in its thermal curve");
  }

  private static Value shown(String query) {
    return ((Outcome.Shown) DevqAssertions.run(query).outcomes().get(0)).value();
  }
}
