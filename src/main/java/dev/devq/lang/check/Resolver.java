package dev.devq.lang.check;

import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.Suggestions;
import dev.devq.search.Resolution;
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

  /**
   * An entity of one of the kinds (empty: any) by id, name or alias, or null. Separators and case
   * do not matter ({@code iphone15pro}); a quoted name also resolves to the one entity having
   * all its words among its names ({@code "12 mini"}). Typos never resolve: {@link #suggest} offers a fix.
   */
  public Entity entity(String name, Collection<String> kinds, boolean quoted) {
    Entity e = kb.lookup(name);
    if (e != null && (kinds.isEmpty() || kinds.contains(e.kind()))) {
      return e;
    }
    if (!searchable(name)) {
      return null;
    }
    Resolution r = index.resolve(name, kinds, quoted);
    return r.resolved() ? kb.entity(r.id()) : null;
  }

  /**
   * The note for a name that resolved to nothing, or empty. A name several entities fit equally
   * lists them; otherwise the candidates come from the search index (fuzzy and prefix matches on
   * every id and alias) plus {@code extra} names (variables), the nearest by edit distance wins,
   * and the note names the entity's id.
   */
  public String suggest(String name, Collection<String> kinds, Collection<String> extra) {
    String closest = closestByEditDistance(name, kinds, extra);
    Resolution r = index.resolve(name, kinds, true);
    if (r.status() == Resolution.Status.AMBIGUOUS) {
      // Both kinds of near miss help: what the name starts (mobilenet_v3 → _small, _large) and
      // what it nearly spells (mobilenet_v2).
      List<String> options = new java.util.ArrayList<>(r.candidates());
      if (!closest.isEmpty() && !options.contains(closest)) {
        options.add(closest);
      }
      return "'" + name + "' fits several; did you mean one of " + String.join(", ", options) + "?";
    }
    if (!closest.isEmpty()) {
      return "did you mean '" + closest + "'?";
    }
    List<String> fromIndex = index.suggest(name, kinds, 1);
    return fromIndex.isEmpty() ? "" : "did you mean '" + fromIndex.get(0) + "'?";
  }

  /** The id whose id or alias is nearest by edit distance among the index's fuzzy candidates. */
  private String closestByEditDistance(String name, Collection<String> kinds, Collection<String> extra) {
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
    return best.isEmpty() ? "" : nameToId.get(best);
  }

}
