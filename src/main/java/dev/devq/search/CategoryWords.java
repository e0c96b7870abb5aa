package dev.devq.search;

import dev.devq.lang.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The op category a search's words name, as typed or nearly: {@code activation}, {@code
 * activations}, {@code normalisation}, {@code control flow}, {@code activation functions}. A word
 * that names a whole category rarely names an op well ({@code activation} finds only
 * linear_activation by name), so the search says that {@code category:activation} lists them.
 *
 * <p>The categories and their ops come from the index's category field, read once; a query then
 * costs a comparison with each of the score or so categories, whatever the size of the catalog.
 */
public final class CategoryWords {
  private CategoryWords() {}

  /**
   * The op category a query's words name once words that say only "ops" ({@code layers}, {@code
   * functions}) are set aside: the same letters and digits as the category's name, or a typo of it
   * as a search allows one (one edit from four letters, two from seven; a plural is one). Nothing
   * for a query that names no category, or filters on one or on other kinds than ops.
   */
  public static Optional<NamedCategory> named(SearchIndex index, String query) {
    String glued = GluedName.of(String.join(" ", words(PlainText.clip(query))));
    if (glued.isEmpty()) {
      return Optional.empty();
    }
    int allowed = glued.length() < 4 ? 0 : Matching.typoEdits(glued);
    Map<String, List<String>> categories = index.opened().opCategories();
    String best = null;
    int nearest = allowed + 1;
    for (String category : categories.keySet()) { // in name order: a tie goes to the first
      int d = Suggestions.distanceAtMost(glued, GluedName.of(category), allowed);
      if (d < nearest) {
        best = category;
        nearest = d;
      }
    }
    return best == null
        ? Optional.empty()
        : Optional.of(new NamedCategory(best, categories.get(best)));
  }

  /**
   * The query's words less generic ones and {@code kind:op}; none when another filter chooses a
   * category or other kinds.
   */
  private static List<String> words(String query) {
    QueryWords q = QueryWords.of(query);
    if (q.filters().stream()
        .anyMatch(f -> !f.toLowerCase(Locale.ROOT).equals(Fields.KIND + ":op"))) {
      return List.of();
    }
    return q.words().stream()
        .filter(w -> !Strengths.GENERIC.contains(w.toLowerCase(Locale.ROOT)))
        .toList();
  }
}
