package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
  void everyWarmUpAnswerIsAFreshAnswer() throws Exception {
    Devq warmed = Devq.load();
    warmed.warmSearch().get(5, TimeUnit.MINUTES);
    Devq cold = Devq.load();
    var searches = SearchWarmUp.of(DevqAssertions.kb(cold));
    assertEquals(SearchWarmUp.PATHS.size() + 2 * SearchWarmUp.OPS, searches.size());
    for (SearchWarmUp.Search s : searches) {
      assertEquals(
          cold.search(s.query(), s.options()),
          warmed.search(s.query(), s.options()),
          s.query() + " " + s.options());
    }
  }

  @Test
  void aTypoLeavesOutTheMiddleLetter() {
    assertEquals("layenorm", SearchWarmUp.typo("layer_norm"));
    assertEquals("abs", SearchWarmUp.typo("abs"));
  }
}
