package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The REPL's background warm-up of the search index changes no answer: a search racing the warm-up
 * and one after it print what a session that never warmed prints.
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
}
