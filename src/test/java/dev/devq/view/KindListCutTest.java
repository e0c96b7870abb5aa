package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.devq.Answer;
import dev.devq.DevqAssertions;
import dev.devq.SearchOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A search of {@code kind:} filters alone cut by {@code --limit} says how many it left out in its
 * JSON as in its text: a last element of kind {@code more} with the same two numbers, never the
 * element of kind {@code category} (whose {@code ops} would count SoCs as ops); uncut, it ends with
 * its last hit.
 */
class KindListCutTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kind:soc", "kind:device", "kind:soc  kind:device"})
  void aCutKindListSaysHowManyMoreInJsonToo(String query) {
    Answer answer = DevqAssertions.devq().search(query, new SearchOptions(null, null, null, 5));
    List<String> lines = answer.text().lines().toList();
    String line = lines.get(lines.size() - 1);
    int more = Integer.parseInt(line.replaceAll("^(\\d+) more; .*", "$1"));
    int matched = Integer.parseInt(line.replaceAll(".*--limit (\\d+) shows them all$", "$1"));
    JsonNode json = answer.json();
    assertEquals(6, json.size(), json.toString());
    JsonNode last = json.get(5);
    assertEquals("more", last.get("kind").asText(), last.toString());
    assertEquals(String.join(" ", query.split("\\s+")), last.get("id").asText());
    assertEquals(more, last.get("more").asInt(), last.toString());
    assertEquals(matched, last.get("matched").asInt(), last.toString());
    assertEquals(matched, more + 5);
    json.forEach(e -> assertNotEquals("category", e.get("kind").asText(), e.toString()));

    Answer all = DevqAssertions.devq().search(query, new SearchOptions(null, null, null, matched));
    assertEquals(matched, all.json().size(), "no element of kind more when nothing was cut");
    assertFalse(all.text().contains(" more; --limit"), all.text());
  }
}
