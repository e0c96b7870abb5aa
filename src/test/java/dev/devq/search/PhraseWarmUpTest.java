package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The phrase warm-up runs the phrase path: every text it reads holds a phrase once analysed (a
 * synonym of several words, typed or stood for), every multi-word synonym is among them, and it
 * stops when told; what it leaves behind changes no answer.
 */
class PhraseWarmUpTest {
  @Test
  void everyTextTakesThePhrasePath() {
    SearchIndex index = DevqAssertions.engine().index();
    List<String> texts = PhraseWarmUp.texts();
    assertTrue(
        texts.containsAll(List.of("layer norm", "relu", "rectified linear unit")), "" + texts);
    for (String text : texts) {
      assertFalse(index.matching().readNameTerms(text).phrases().isEmpty(), text);
    }
  }

  @Test
  void stopsWhenTold() {
    var asked = new AtomicInteger();
    PhraseWarmUp.run(SearchIndex.build(DevqAssertions.kb()), () -> asked.incrementAndGet() > 3);
    assertEquals(4, asked.get());
  }

  @Test
  void changesNoAnswer() {
    var kb = DevqAssertions.kb();
    SearchIndex warmed = SearchIndex.build(kb);
    PhraseWarmUp.run(warmed, () -> false);
    SearchIndex fresh = SearchIndex.build(kb);
    for (String text : List.of("layer norm", "relu", "gelu", "rectified linear unit", "sdpa")) {
      assertEquals(fresh.search(text, List.of(), 10), warmed.search(text, List.of(), 10), text);
    }
  }
}
