package dev.devq.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A search's text split at spaces into its filters ({@code category:activation}, {@code kind:op}: a
 * known field before a colon) and its other words, as the readers of the words alone take it: what
 * matched nothing ({@link Strengths}) and the category a query names ({@link CategoryWords}).
 *
 * @param words the words that are not filters, as written
 * @param filters the filters, as written
 */
record QueryWords(List<String> words, List<String> filters) {
  static QueryWords of(String text) {
    List<String> words = new ArrayList<>();
    List<String> filters = new ArrayList<>();
    for (String w : text.strip().split("\\s+")) {
      int colon = w.indexOf(':');
      if (colon > 0 && Fields.FILTERS.contains(w.substring(0, colon).toLowerCase(Locale.ROOT))) {
        filters.add(w);
      } else if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return new QueryWords(List.copyOf(words), List.copyOf(filters));
  }
}
