package dev.devq.search;

import dev.devq.lang.Suggestions;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of entity the index holds, as a {@code kind:} filter names them: the one list the
 * filter is checked against and a search chooses among.
 *
 * <pre>{@code
 * Kinds.unknown("kind:devise iphone")   // "unknown kind 'devise' in kind:devise; … (did you mean 'kind:device'?)"
 * }</pre>
 */
public final class Kinds {
  private Kinds() {}

  /** Every kind, ops first. */
  public static final List<String> ALL = List.of("op", "soc", "device", "model");

  /** Ops alone: what a search lists unless its words name another entity better. */
  public static final List<String> OPS = ALL.subList(0, 1);

  /** The kinds a search lists when its words name a device, SoC or model better than any op. */
  public static final List<String> NOT_OPS = ALL.subList(1, ALL.size());

  /** Whether the query has a {@code kind:} filter, which then chooses the kinds searched. */
  public static boolean filtered(String query) {
    return QueryWords.of(query).filters().stream().anyMatch(Kinds::isKindFilter);
  }

  /**
   * Whether the query is {@code kind:} filters and nothing else ({@code kind:soc kind:device}): it
   * lists every entity of those kinds, so a cut list can say how many it left out.
   */
  public static boolean listsOnly(String query) {
    QueryWords words = QueryWords.of(query);
    return words.words().isEmpty()
        && !words.filters().isEmpty()
        && words.filters().stream().allMatch(Kinds::isKindFilter);
  }

  /**
   * What is wrong with a {@code kind:} filter of the query that names no kind ({@code kind:foo}),
   * with the kinds and the nearest one, or empty when there is none: such a filter would match
   * nothing and say so only as an empty answer.
   */
  public static String unknown(String query) {
    for (String filter : QueryWords.of(query).filters()) {
      if (!isKindFilter(filter)) {
        continue;
      }
      String kind = filter.substring(Fields.KIND.length() + 1).toLowerCase(Locale.ROOT);
      if (!ALL.contains(kind)) {
        String near = Suggestions.closest(kind, ALL);
        return "unknown kind '"
            + kind
            + "' in "
            + filter
            + "; the kinds are "
            + String.join(", ", ALL)
            + (near.isEmpty() ? "" : " (" + Suggestions.meant(Fields.KIND + ":" + near) + ")");
      }
    }
    return "";
  }

  private static boolean isKindFilter(String filter) {
    return filter.toLowerCase(Locale.ROOT).startsWith(Fields.KIND + ":");
  }
}
