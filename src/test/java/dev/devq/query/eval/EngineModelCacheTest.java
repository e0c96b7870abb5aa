package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.devq.DevqAssertions;
import dev.devq.cost.CostModel;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Built models are remembered up to a bound: a model asked again is the one built before, and a
 * session that builds more models than the bound forgets the least recently used instead of holding
 * every one.
 */
class EngineModelCacheTest {
  private final KnowledgeBase kb = DevqAssertions.kb();
  private final Engine engine = new Engine(kb, () -> null, new CostModel(kb));

  private Model distilbert(int seq) {
    return engine.model(
        kb.models().get("distilbert"),
        Map.of("seq", (double) seq),
        new SourceText("<t>", ""),
        Span.at(0));
  }

  @Test
  void aModelAskedAgainIsTheOneBuiltBefore() {
    Model first = distilbert(64);
    assertSame(first, distilbert(64));
  }

  @Test
  void theLeastRecentlyUsedModelIsForgottenPastTheBound() {
    Model oldest = distilbert(1);
    Model kept = distilbert(2);
    for (int seq = 3; seq < Engine.MODELS_KEPT + 2; seq++) {
      distilbert(seq);
      // asked again and again, so it stays among the most recently used
      assertSame(kept, distilbert(2));
    }
    Model rebuilt = distilbert(1);
    assertNotSame(oldest, rebuilt, "the oldest model should have been forgotten");
    assertEquals(oldest.label(), rebuilt.label());
    assertSame(kept, distilbert(2));
  }
}
