package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The REPL's background warm-up of the search index changes no answer: a search racing the warm-up
 * and one after it print what a session that never warmed prints, and every answer the warm-up
 * leaves remembered is the one a session that never warmed computes.
 */
class WarmSearchTest {
  private static final SearchOptions OPTIONS = new SearchOptions(null, null, null, 10);

  @Test
  void searchesOfAWarmedSessionAnswerAsAnUnwarmedOne() throws Exception {
    Answer cold = Devq.load().search("layer norm", OPTIONS);
    Devq warmed = Devq.load();
    var done = warmed.warmSearch();
    Answer racing = warmed.search("layer norm", OPTIONS);
    done.get(2, TimeUnit.MINUTES);
    Answer after = warmed.search("layer norm", OPTIONS);
    assertEquals(cold, racing);
    assertEquals(cold, after);
    assertEquals(
        Devq.load().search("softmax --unit ane", OPTIONS),
        warmed.search("softmax --unit ane", OPTIONS));
  }

  @Test
  void cancellingTheWarmUpStopsItAfterTheSearchUnderWay() throws Exception {
    var searches = new Searches(DevqAssertions.engine());
    var warming = searches.warm();
    assertTrue(warming.cancel(false));
    searches.warmUpThread.join(TimeUnit.MINUTES.toMillis(2));
    // the search under way when it was cancelled, if any; about 800 otherwise
    assertTrue(searches.warmedSoFar <= 1, "searches after cancelling: " + searches.warmedSoFar);
  }

  @Test
  void everyWarmUpAnswerIsAFreshAnswer() throws Exception {
    Devq warmed = Devq.load();
    warmed.warmSearch().get(5, TimeUnit.MINUTES);
    Devq cold = Devq.load();
    var searches = SearchWarmUp.of(DevqAssertions.kb(cold));
    int entities = DevqAssertions.kb(cold).entities().size();
    assertEquals(SearchWarmUp.PATHS.size() + 2 * entities, searches.size());
    for (int i = 0; i < searches.size(); i++) {
      SearchWarmUp.Search s = searches.get(i);
      // every path, every search the facade still remembers (the last 64), and a sample of the
      // rest, whose answers the index and the vocabulary may still remember
      if (i < SearchWarmUp.PATHS.size() || i >= searches.size() - 64 || i % 7 == 0) {
        assertEquals(
            cold.search(s.query(), s.options()),
            warmed.search(s.query(), s.options()),
            s.query() + " " + s.options());
      }
    }
  }

  @Test
  void theWarmUpAsksTheNameOfEveryEntity() {
    var kb = DevqAssertions.kb();
    var asked = SearchWarmUp.of(kb).stream().map(SearchWarmUp.Search::query).toList();
    for (var e : kb.entities()) {
      assertTrue(asked.contains(e.name()), e.id());
      assertTrue(asked.contains(SearchWarmUp.typo(e.id())), e.id());
    }
    assertTrue(SearchWarmUp.PATHS.stream().allMatch(SearchWarmUp.Search::json));
  }

  @Test
  void aTypoLeavesOutTheMiddleLetter() {
    assertEquals("layenorm", SearchWarmUp.typo("layer_norm"));
    assertEquals("abs", SearchWarmUp.typo("abs"));
  }
}
