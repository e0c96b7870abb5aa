package dev.devq.view;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.search.CategoryWords;
import dev.devq.search.Hit;
import dev.devq.search.NamedCategory;
import dev.devq.search.SearchIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a search adds when its words name an op category: {@code activation} finds one op by name
 * (linear_activation) and the category holds 23, so the answer ends with {@code activation is a
 * category of 23 ops; search category:activation lists them}, and its JSON with an element of kind
 * {@code category}.
 */
final class CategoryHint {
  private CategoryHint() {}

  /**
   * The category a search of ops names, when the hits shown leave some of its ops out (a search for
   * {@code embedding} shows both of the category's), or null.
   */
  static NamedCategory of(SearchIndex index, String query, List<String> kinds, List<Hit> hits) {
    if (!kinds.isEmpty() && !kinds.contains("op")) { // empty: the query's kind: filter says
      return null;
    }
    NamedCategory named = CategoryWords.named(index, query).orElse(null);
    if (named == null) {
      return null;
    }
    Set<String> shown = new HashSet<>();
    hits.forEach(h -> shown.add(h.id()));
    return shown.containsAll(named.ops()) ? null : named;
  }

  /** {@code activation is a category of 23 ops; search category:activation lists them}. */
  static String line(NamedCategory c) {
    int n = c.ops().size();
    return c.id()
        + " is a category of "
        + n
        + (n == 1 ? " op" : " ops")
        + "; search "
        + c.filter()
        + (n == 1 ? " lists it" : " lists them");
  }

  /** The same as the last element of a search's JSON: id, kind, ops (a count) and query. */
  static void json(NamedCategory c, ArrayNode array) {
    ObjectNode o = array.addObject();
    o.put("id", c.id());
    o.put("kind", "category");
    o.put("ops", c.ops().size());
    o.put("query", c.filter());
  }
}
