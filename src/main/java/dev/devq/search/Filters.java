package dev.devq.search;

import dev.devq.lang.Suggestions;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What is wrong with a search's {@code category:} filter, or with a word that misspells a filter's
 * field: each matched nothing and said so only as "nothing matches", or was searched as a word
 * ({@code catgory:normalization} listed ops that merely mention normalization). {@code kind:} is
 * checked by {@link Kinds#unknown}.
 *
 * <pre>{@code
 * Filters.unknown(index, "category:nrmalization") // "unknown category 'nrmalization' in …; the categories are … (did you mean 'category:normalization'?)"
 * Filters.unknown(index, "catgory:activation")    // "unknown filter 'catgory:' in …; the filters are category: and kind: (did you mean 'category:activation'?)"
 * }</pre>
 */
public final class Filters {
  private Filters() {}

  /** The problem with the first faulty filter of {@code query}, or empty when there is none. */
  public static String unknown(SearchIndex index, String query) {
    for (String word : query.strip().split("\\s+")) {
      int colon = word.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String field = word.substring(0, colon).toLowerCase(Locale.ROOT);
      String value = word.substring(colon + 1).toLowerCase(Locale.ROOT);
      if (field.equals(Fields.CATEGORY)) {
        String problem = category(index, word, value);
        if (!problem.isEmpty()) {
          return problem;
        }
      } else if (!Fields.FILTERS.contains(field) && field.chars().allMatch(Character::isLetter)) {
        // only a near miss: a colon is also part of names (aten::gelu)
        String near = Suggestions.closest(field, Fields.FILTERS);
        if (!near.isEmpty()) {
          return "unknown filter '"
              + field
              + ":' in "
              + word
              + "; the filters are category: and kind: ("
              + Suggestions.meant(near + ":" + value)
              + ")";
        }
      }
    }
    return "";
  }

  private static String category(SearchIndex index, String word, String value) {
    Set<String> categories = new TreeSet<>(index.opened().opCategories().keySet());
    if (categories.contains(value)) {
      return "";
    }
    String near = Suggestions.closest(value, categories);
    return (value.isEmpty()
            ? word + " names no category"
            : "unknown category '" + value + "' in " + word)
        + "; the categories are "
        + String.join(", ", List.copyOf(categories))
        + (near.isEmpty() ? "" : " (" + Suggestions.meant(Fields.CATEGORY + ":" + near) + ")");
  }
}
