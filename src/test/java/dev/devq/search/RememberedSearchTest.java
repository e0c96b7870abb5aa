package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.devq.DevqAssertions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A search asked again in a session is answered from memory: the same hits, in the same order, with
 * the same scores and strengths, as an index that never saw the query.
 */
class RememberedSearchTest {
  private static final List<String> QUERIES =
      List.of("layer norm", "layrnorm", "iphone 15 pro", "kind:op category:activation", "gelu");

  @Test
  void repeatedSearchesAnswerAsFreshOnes() {
    var kb = DevqAssertions.kb();
    SearchIndex session = SearchIndex.build(kb);
    Map<String, List<Hit>> answers = new HashMap<>();
    for (int pass = 0; pass < 3; pass++) {
      for (String q : QUERIES) {
        for (List<String> kinds : List.of(List.<String>of(), List.of("op"))) {
          // A new index for each question, so nothing of the answer is remembered: not the hits,
          // not the query's ranked match (built once for both kinds), not a typo's neighbours.
          List<Hit> expected =
              answers.computeIfAbsent(q + kinds, k -> SearchIndex.build(kb).search(q, kinds, 10));
          assertEquals(expected, session.search(q, kinds, 10), q + " " + kinds + " pass " + pass);
        }
      }
    }
    assertFalse(session.search("layer norm", List.of(), 10).isEmpty());
  }

  @Test
  void theLimitAndKindsArePartOfTheQuestion() {
    SearchIndex session = SearchIndex.build(DevqAssertions.kb());
    List<Hit> ten = session.search("conv", List.of(), 10);
    List<Hit> two = session.search("conv", List.of(), 2);
    assertEquals(ten.subList(0, two.size()), two);
    assertEquals(2, two.size());
    session.search("iphone", List.of(), 10);
    assertEquals(
        SearchIndex.build(DevqAssertions.kb()).search("iphone", List.of("device"), 10),
        session.search("iphone", List.of("device"), 10));
  }
}
