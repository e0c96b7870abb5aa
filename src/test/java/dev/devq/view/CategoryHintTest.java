package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.Answer;
import dev.devq.DevqAssertions;
import dev.devq.SearchOptions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A search whose words name an op category ends its text with a line saying so and its JSON with an
 * element of kind {@code category}, both giving the same count and query; none when the hits
 * already show every op of the category, or the query filters. A {@code category:} query needs no
 * hint; cut by the limit, it says how many more there are and its JSON still ends with the
 * category's element, counting all its ops.
 */
class CategoryHintTest {
  private static final SearchOptions OPTIONS = new SearchOptions("ane", "a17_pro", null, 5);

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      activation          | activation is a category of 23 ops; search category:activation lists them
      normalisation       | normalization is a category of 7 ops; search category:normalization lists them
      control flow        | control_flow is a category of 8 ops; search category:control_flow lists them
      embedding           | -
      attention           | -
      conv                | -
      """)
  void endsWithTheCategoryTheWordsName(String query, String line) {
    Answer answer = DevqAssertions.devq().search(query, OPTIONS);
    List<String> lines = answer.text().lines().toList();
    JsonNode last = answer.json().get(answer.json().size() - 1);
    if (line.equals("-")) {
      assertFalse(lines.get(lines.size() - 1).contains("is a category"), answer.text());
      assertFalse(last.path("kind").asText().equals("category"), last.toString());
      return;
    }
    assertEquals(line, lines.get(lines.size() - 1), answer.text());
    String id = line.substring(0, line.indexOf(' '));
    int ops = Integer.parseInt(line.replaceAll(".* of (\\d+) ops.*", "$1"));
    assertEquals(id, last.get("id").asText());
    assertEquals("category", last.get("kind").asText());
    assertEquals(ops, last.get("ops").asInt());
    assertEquals("category:" + id, last.get("query").asText());
  }

  @Test
  void aCategoryQueryCutByTheLimitSaysHowManyMore() {
    Answer answer = DevqAssertions.devq().search("category:activation", OPTIONS);
    List<String> lines = answer.text().lines().toList();
    assertEquals("18 more; --limit 23 shows them all", lines.get(lines.size() - 1), answer.text());
    assertFalse(answer.text().contains("is a category"), answer.text());
    JsonNode last = answer.json().get(answer.json().size() - 1);
    assertEquals("category", last.get("kind").asText(), last.toString());
    assertEquals(23, last.get("ops").asInt(), last.toString());
  }
}
