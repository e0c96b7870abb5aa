package dev.devq;

import dev.devq.lang.AstBuilder;
import dev.devq.lang.SourceText;
import dev.devq.lang.unit.UnitRegistry;
import dev.devq.query.check.Checker;
import dev.devq.search.LuceneStart;
import dev.devq.search.SearchIndex;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The threads a one-shot command starts as it starts ({@link Devq#prefetch}, {@link
 * Devq#prefetchSearch}): one reads the snapshot (and for a search opens its index), another readies
 * what the command meets first.
 */
final class Prefetch {
  private Prefetch() {}

  /**
   * Starts the threads; {@code opened} (null for a command that runs queries) is given the search
   * index, on the thread that opened it.
   */
  static void start(Consumer<SearchIndex> opened, List<String> args) {
    boolean search = opened != null;
    var built = Snapshot.prefetch(ProfileRoots.shipped(), opened);
    Set<String> words = CommandWords.words(args);
    queryWords = search ? null : words;
    if (search) {
      // Lucene's own set-up, which needs no index, done while the snapshot holding it is read
      Snapshot.daemon("devq-lucene-start", LuceneStart::ahead);
    } else {
      Snapshot.daemon(
          "devq-query-warm-up",
          () -> {
            // in the order the query meets them; the units come last, when its answer is printed
            AstBuilder.parseQuery(WARM_UP_STATEMENT);
            boolean calls = Checker.prepare(words);
            boolean models = Snapshot.readModelsAhead(built, words);
            if (calls || models) {
              // read from units.txt, which opens the jar's index, and parsed: only for a query
              // whose answers are quantities, since a plain number (1 + 1) never needs it
              UnitRegistry.standard();
            }
          });
    }
  }

  /**
   * The words of a one-shot command that runs queries (not a search), null otherwise: its {@link
   * Devq#load} then also readies what they name for its first query ({@link QueryAhead}).
   */
  static Set<String> queryWords() {
    return queryWords;
  }

  private static volatile Set<String> queryWords;

  /** A statement through the parser's usual paths: a call, its arguments, a quantity. */
  private static final SourceText WARM_UP_STATEMENT =
      new SourceText("warm-up", "latency(mobilenet_v2, a16, throttled) < 4ms");
}
