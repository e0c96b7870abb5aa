package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cost.Conditions;
import dev.devq.cost.Prediction;
import dev.devq.cost.Target;
import dev.devq.cost.Thermal;
import dev.devq.cost.ThermalState;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A prediction asked for again is shared, and the cache never holds more than its layer bound. */
class PredictionCacheTest {
  private final Engine engine = DevqAssertions.engine();
  private final KnowledgeBase kb = engine.kb();

  private Model model(String id) {
    return engine.model(kb.models().get(id), Map.of(), new SourceText("<t>", ""), Span.at(0));
  }

  private Target target(String soc) {
    var s = kb.socs().get(soc);
    return new Target(s.name(), s, kb.deviceOf(s));
  }

  @Test
  void theSameModelTargetAndConditionsAreComputedOnce() {
    var cache = new PredictionCache();
    Model m = model("resnet152");
    Prediction first = cache.estimate(engine.costModel(), m, target("a16"), Conditions.DEFAULT);
    assertSame(first, cache.estimate(engine.costModel(), m, target("a16"), Conditions.DEFAULT));
    assertEquals(first, engine.costModel().estimate(m, target("a16"), Conditions.DEFAULT));
    var hot =
        new Conditions(
            Thermal.of(ThermalState.THROTTLED),
            Conditions.DEFAULT.units(),
            1,
            Conditions.DEFAULT.start());
    assertNotSame(first, cache.estimate(engine.costModel(), m, target("a16"), hot));
    assertNotSame(
        first, cache.estimate(engine.costModel(), m, target("a17_pro"), Conditions.DEFAULT));
    assertEquals(3, cache.size());
  }

  @Test
  void theLeastRecentlyUsedGoOnceTheLayersHeldPassTheBound() {
    Model m = model("mobilenet_v2");
    int layers = engine.costModel().estimate(m, target("a16"), Conditions.DEFAULT).layers().size();
    var cache = new PredictionCache(2L * (layers + 1));
    for (String soc : kb.socs().keySet()) {
      cache.estimate(engine.costModel(), m, target(soc), Conditions.DEFAULT);
      assertTrue(cache.size() <= 2, "held: " + cache.size());
    }
    assertEquals(2, cache.size());
  }
}
