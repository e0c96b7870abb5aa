package dev.devq.lang.check;

import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.lang.Suggestions;
import dev.devq.search.Hit;
import dev.devq.search.SearchIndex;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves names written in queries: exact ids, names and aliases through the knowledge base,
 * quoted names ({@code "iPhone 15 Pro"}) also through the search index, and "did you mean" for
 * anything else from the index.
 */
public final class Resolver {
  private final KnowledgeBase kb;
  private final SearchIndex index;

  public Resolver(KnowledgeBase kb, SearchIndex index) {
    this.kb = kb;
    this.index = index;
  }

  public KnowledgeBase kb() {
    return kb;
  }

  public SearchIndex index() {
    return index;
  }

  /** No id, name or alias is longer; longer words are not sent to the index at all. */
  public static final int MAX_WORD = 100;

  /**
   * Whether text can go to the search index: every word at most {@link #MAX_WORD} characters.
   * Fuzzy matching builds an automaton per word, and a very long word makes one too large.
   */
  public static boolean searchable(String text) {
    for (String word : text.split("\\s+")) {
      if (word.length() > MAX_WORD) {
        return false;
      }
    }
    return true;
  }

  /** An entity of one of the kinds by id, name or alias; a quoted name may also match loosely. */
  public Entity entity(String name, Collection<String> kinds, boolean quoted) {
    Entity e = kb.lookup(name);
    if (e != null && (kinds.isEmpty() || kinds.contains(e.kind()))) {
      return e;
    }
    if (quoted && searchable(name)) {
      List<Hit> hits = index.search(name, kinds, 2);
      if (!hits.isEmpty() && (hits.size() == 1 || hits.get(0).score() > 1.5 * hits.get(1).score())) {
        return kb.entity(hits.get(0).id());
      }
    }
    return null;
  }

  /**
   * The "did you mean" note for an unresolved name, or empty. Candidates come from the search index
   * (fuzzy and prefix matches on every id and alias) plus {@code extra} names (variables); the
   * nearest by edit distance wins, and the note names the entity's id.
   */
  public String suggest(String name, Collection<String> kinds, Collection<String> extra) {
    Map<String, String> nameToId = new LinkedHashMap<>();
    // one fuzzy query: building its automaton is the expensive part of checking a misspelled name
    List<String> fromIndex = searchable(name) ? index.suggest(name, kinds, 10) : List.of();
    for (String id : fromIndex) {
      Entity e = kb.entity(id);
      nameToId.put(id, id);
      if (e != null) {
        e.aliases().forEach(a -> nameToId.putIfAbsent(a, id));
      }
    }
    extra.forEach(x -> nameToId.putIfAbsent(x, x));
    String best = Suggestions.closest(name, nameToId.keySet());
    if (!best.isEmpty()) {
      return "did you mean '" + nameToId.get(best) + "'?";
    }
    return fromIndex.isEmpty() ? "" : "did you mean '" + fromIndex.get(0) + "'?";
  }

  static String kindOf(Entity e) {
    if (e instanceof Soc) {
      return "soc";
    }
    if (e instanceof Device) {
      return "device";
    }
    if (e instanceof Op) {
      return "op";
    }
    if (e instanceof ModelProfile) {
      return "model";
    }
    return "";
  }
}
