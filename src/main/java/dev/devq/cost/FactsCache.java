package dev.devq.cost;

import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.Remembered;
import dev.devq.model.Model;

/**
 * The {@link LayerFacts} of recently costed models, by identity: a model instance is immutable, and
 * comparing models by value would walk every layer, which is the work the cache saves. Bounded, so
 * a long REPL session that builds many models keeps only the latest.
 */
final class FactsCache {
  private static final int CAPACITY = 64;

  private final KnowledgeBase kb;
  private final Remembered<Key, LayerFacts> entries = new Remembered<>(CAPACITY);

  FactsCache(KnowledgeBase kb) {
    this.kb = kb;
  }

  LayerFacts of(Model model) {
    return entries.get(new Key(model), k -> new LayerFacts(kb, model));
  }

  /** A model compared by identity. */
  private static final class Key {
    private final Model model;

    Key(Model model) {
      this.model = model;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key other && other.model == model;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(model);
    }
  }
}
