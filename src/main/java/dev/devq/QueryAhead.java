package dev.devq;

import dev.devq.cost.Conditions;
import dev.devq.cost.Target;
import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Soc;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import dev.devq.query.eval.Engine;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a one-shot query command's first query meets once the knowledge base is loaded, readied on a
 * spare core while the main thread makes the engine and parses and checks the query: the checker's
 * table of glued names, and the cost model's per-model facts for the zoo models and the target that
 * words of the command name ({@link CommandWords}), by costing each model on that target once. The
 * engine's caches of those facts are shared and safe between threads; nothing else is kept, so the
 * query's own prediction is made as without this, from the same facts.
 */
final class QueryAhead {
  private QueryAhead() {}

  /**
   * Readies {@code engine} for a query with {@code words}; a word that names nothing is ignored.
   */
  static void afterLoad(Engine engine, Set<String> words) {
    engine.resolver().prepare();
    KnowledgeBase kb = engine.kb();
    List<ModelProfile> models = new ArrayList<>();
    Target target = null;
    for (String word : words) {
      Entity e = kb.lookup(word);
      if (e instanceof ModelProfile m) {
        models.add(m);
      } else if (target == null && (e instanceof Device || e instanceof Soc)) {
        target = new Target(e.id(), kb.socOf(e), kb.deviceOf(e));
      }
    }
    for (ModelProfile profile : target == null ? List.<ModelProfile>of() : models) {
      Model model = engine.model(profile, java.util.Map.of(), WARM_UP, new Span(0, 0));
      engine.costModel().estimate(model, target, Conditions.DEFAULT);
    }
  }

  private static final SourceText WARM_UP = new SourceText("warm-up", "");
}
