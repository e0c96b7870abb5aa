package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session answers a search asked again from memory: what it prints, its JSON and its errors are
 * what a session that never saw the query gives, and a caller changing the JSON it was handed
 * changes no later answer.
 */
class RememberedAnswerTest {
  private static final List<SearchOptions> OPTIONS =
      List.of(
          new SearchOptions(null, null, null, 10),
          new SearchOptions(null, null, null, 2),
          new SearchOptions("ane", "a17_pro", null, 10),
          new SearchOptions(null, "no_such_chip", null, 10));

  @Test
  void repeatedSearchesAnswerAsAFreshSession() throws Exception {
    Devq session = Devq.load();
    Devq fresh = Devq.load();
    for (String q : List.of("layer norm", "layrnorm", "kind:op category:activation")) {
      for (SearchOptions o : OPTIONS) {
        Answer expected = fresh.search(q, o);
        assertEquals(expected, session.search(q, o), q + " " + o);
        assertEquals(expected, session.search(q, o), "again: " + q + " " + o);
      }
    }
    assertFalse(session.search("layer norm", OPTIONS.get(0)).text().isEmpty());
  }

  @Test
  void changingTheJsonOfAnAnswerChangesNoLaterOne() throws Exception {
    Devq session = Devq.load();
    Answer first = session.search("layer norm", OPTIONS.get(0));
    Answer copy = new Answer(first.text(), first.json().deepCopy(), first.error());
    ((ArrayNode) first.json()).add("changed");
    assertEquals(copy, session.search("layer norm", OPTIONS.get(0)));
  }
}
