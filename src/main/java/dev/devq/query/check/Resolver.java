package dev.devq.query.check;

import dev.devq.kb.Deferred;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.Suggestions;
import dev.devq.search.GluedName;
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
  private final java.util.function.Supplier<SearchIndex> indexSupplier;

  public Resolver(KnowledgeBase kb, java.util.function.Supplier<SearchIndex> index) {
    this(kb, index, () -> gluedNames(kb));
  }

  /**
   * A resolver whose table of glued names ({@link #gluedNames(KnowledgeBase)} of {@code kb}) comes
   * from {@code gluedNames}, asked once, when first needed: the knowledge-base snapshot carries the
   * table the build made, so a start reads it instead of gluing every name again.
   */
  public Resolver(
      KnowledgeBase kb,
      java.util.function.Supplier<SearchIndex> index,
      java.util.function.Supplier<Map<String, String>> gluedNames) {
    this.kb = kb;
    this.indexSupplier = index;
    this.gluedNames = Deferred.by(gluedNames);
  }

  public KnowledgeBase kb() {
    return kb;
  }

  /** The search index, built on first use: exact names never need it. */
  public SearchIndex index() {
    return indexSupplier.get();
  }

  /** No id, name or alias is longer; longer words are not sent to the index at all. */
  public static final int MAX_WORD = 100;

  /**
   * Whether text can go to the search index: every word at most {@link #MAX_WORD} characters. Fuzzy
   * matching builds an automaton per word, and a very long word makes one too large.
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
   * do not matter ({@code iphone15pro}); a quoted name also resolves to the one entity having all
   * its words among its names ({@code "12 mini"}). Typos never resolve: {@link #suggest} offers a
   * fix.
   */
  public Entity entity(String name, Collection<String> kinds, boolean quoted) {
    Entity e = kb.lookup(name);
    if (e != null && (kinds.isEmpty() || kinds.contains(e.kind()))) {
      return e;
    }
    String gluedId = gluedNames().get(GluedName.of(name));
    Entity glued = gluedId == null ? null : kb.entity(gluedId);
    if (!quoted && glued != null && (kinds.isEmpty() || kinds.contains(glued.kind()))) {
      return glued;
    }
    if (!searchable(name) || !quoted && !plausibleName(name)) {
      return null;
    }
    Resolution r = index().resolve(name, kinds, quoted);
    return r.resolved() ? kb.entity(r.id()) : null;
  }

  /**
   * The note for a name that resolved to nothing, or empty. A name several entities fit equally
   * lists them; otherwise the candidates come from the search index (fuzzy and prefix matches on
   * every id and alias) plus {@code extra} names (variables), the nearest by edit distance wins,
   * and the note names the entity's id.
   */
  public String suggest(String name, Collection<String> kinds, Collection<String> extra) {
    // "google/mobilenet_v2_1.0_224": the model with its variant after it, not the nearest spelling
    Entity versioned =
        name.contains(".") ? startOf(name.substring(name.lastIndexOf('/') + 1), kinds) : null;
    if (versioned != null) {
      return "did you mean '" + versioned.id() + "'?";
    }
    List<String> sharing = sharing(name, kinds);
    if (!sharing.isEmpty()) {
      return "'"
          + name
          + "' is an alias of "
          + String.join(", ", sharing)
          + "; name one of them by its id";
    }
    String closest = closestByEditDistance(name, kinds, extra);
    Resolution r = index().resolve(name, kinds, true);
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
    List<String> fromIndex = index().suggest(name, kinds, 1);
    return fromIndex.isEmpty() ? "" : "did you mean '" + fromIndex.get(0) + "'?";
  }

  /**
   * The entity of the kinds (empty: any) whose id, name or alias {@code name} starts with, cut at
   * its separators from the end, or null: a Hugging Face model's name carries its variant after the
   * model's ({@code mobilenet_v2_1.0_224}: {@code mobilenet_v2_1.0}, {@code mobilenet_v2_1}, then
   * {@code mobilenet_v2}, which names the model).
   */
  public Entity startOf(String name, Collection<String> kinds) {
    String rest = name;
    while (!rest.isEmpty()) {
      Entity e = entity(rest, kinds, false);
      if (e != null) {
        return e;
      }
      int cut =
          Math.max(rest.lastIndexOf('_'), Math.max(rest.lastIndexOf('-'), rest.lastIndexOf('.')));
      rest = cut < 0 ? "" : rest.substring(0, cut);
    }
    return null;
  }

  /**
   * The entities of the kinds (empty: any) sharing {@code name} as an alias, when there are several
   * (ONNX's {@code Resize} names three resize ops), else empty: such a name never resolves to one
   * of them by the order they are listed in.
   */
  public List<String> sharing(String name, Collection<String> kinds) {
    List<String> ids =
        kb.named(name).stream()
            .filter(id -> kinds.isEmpty() || kinds.contains(kb.entity(id).kind()))
            .toList();
    return ids.size() > 1 ? ids : List.of();
  }

  private final Deferred<Map<String, String>> gluedNames;

  /** The table of glued names of this resolver's knowledge base. */
  private Map<String, String> gluedNames() {
    return gluedNames.get(); // made once: a query that needs it while prepare() makes it waits
  }

  /**
   * Makes the table of glued names now, ahead of the first call or loose name that needs it: a
   * start does this on a spare core (it reads every id and alias, several ms cold).
   */
  public void prepare() {
    gluedNames();
  }

  /**
   * Every id, name and alias of {@code kb} with separators and case removed ({@code iphone15pro}),
   * unique ones only, with the id of the entity each names: an unquoted name resolves through this
   * without building the search index, and without reading every entity (the knowledge base's table
   * of names serves). An id is one entity: two kinds sharing an id (no shipped profile does)
   * resolve to the last kind, as an exact id does.
   */
  public static Map<String, String> gluedNames(KnowledgeBase kb) {
    Map<String, String> built = new java.util.HashMap<>();
    java.util.Set<String> clashes = new java.util.HashSet<>();
    java.util.function.BiConsumer<String, String> add =
        (name, id) -> {
          String previous = built.putIfAbsent(GluedName.of(name), id);
          if (previous != null && !previous.equals(id)) {
            clashes.add(GluedName.of(name));
          }
        };
    kb.ids().forEach(id -> add.accept(id, id));
    kb.names().forEach((name, ids) -> ids.forEach(id -> add.accept(name, id)));
    clashes.forEach(built::remove);
    return Map.copyOf(built);
  }

  /**
   * Whether an unquoted name that matched nothing exactly may still name an entity loosely (word
   * order, partial words): only then is the search index consulted, so function names and keywords
   * never pay for building it.
   */
  private static boolean plausibleName(String name) {
    return name.contains(" ");
  }

  /** The id whose id or alias is nearest by edit distance among the index's fuzzy candidates. */
  private String closestByEditDistance(
      String name, Collection<String> kinds, Collection<String> extra) {
    Map<String, String> nameToId = new LinkedHashMap<>();
    // one fuzzy query: building its automaton is the expensive part of checking a misspelled name
    List<String> fromIndex = searchable(name) ? index().suggest(name, kinds, 10) : List.of();
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
