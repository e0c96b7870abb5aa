package dev.devq;

import dev.devq.kb.OsReleases;
import dev.devq.kb.Soc;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Remembered;
import dev.devq.query.eval.Engine;
import dev.devq.search.Filters;
import dev.devq.search.Kinds;
import dev.devq.search.PhraseWarmUp;
import dev.devq.view.SearchView;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The facade's searches: each rendered answer remembered for the session, and the REPL's warm-up
 * that runs ahead of the first one.
 */
final class Searches {
  private final Engine engine;

  Searches(Engine engine) {
    this.engine = engine;
  }

  /** Runs {@link SearchWarmUp}'s searches on a daemon thread; see {@link Devq#warmSearch}. */
  CompletableFuture<Void> warm() {
    var done = new CompletableFuture<Void>();
    Thread warm =
        new Thread(
            () -> {
              try {
                for (SearchWarmUp.Search s : SearchWarmUp.of(engine.kb())) {
                  if (searched || done.isCancelled()) {
                    break;
                  }
                  warmedSoFar++;
                  // JSON only for the paths: it loads and compiles the JSON writer for a session
                  // that prints JSON, and a model's JSON builds the model
                  answer(s.query(), s.options()).render(s.json());
                }
                if (!searched && !done.isCancelled()) {
                  PhraseWarmUp.run(engine.index(), () -> searched || done.isCancelled());
                }
              } catch (RuntimeException e) {
                // Reported by the user's own search, which opens the index again.
              } finally {
                // an Error too ends the warm-up, never the REPL's wait on it
                done.complete(null);
              }
            },
            "devq-search-warm-up");
    warm.setDaemon(true);
    warmUpThread = warm;
    warm.start();
    return done;
  }

  /** Whether a search was asked through {@link #search}: the warm-up then stops. */
  private volatile boolean searched;

  /** The warm-up's thread and the searches it has begun, for the test that cancelling stops it. */
  volatile Thread warmUpThread;

  volatile int warmedSoFar;

  /** {@code devq search QUERY}: op support grids, or the devices, SoCs and models it names. */
  Answer search(String query, SearchOptions options) {
    searched = true;
    return answer(query, options);
  }

  private Answer answer(String query, SearchOptions options) {
    return searches
        .get(new AskedSearch(query, options), asked -> searchAnew(query, options))
        .withOwnJson();
  }

  /**
   * Rendered searches of this session: nothing under a Devq changes, so a query asked again (the
   * REPL's history) is answered without searching or rendering.
   */
  private final Remembered<AskedSearch, Answer> searches = new Remembered<>(64);

  /** Equality written out, as {@link SearchOptions}'s: no record bootstrap on a one-shot search. */
  private record AskedSearch(String query, SearchOptions options) {
    @Override
    public boolean equals(Object o) {
      return o instanceof AskedSearch other
          && Objects.equals(query, other.query)
          && Objects.equals(options, other.options);
    }

    @Override
    public int hashCode() {
      return Objects.hash(query, options);
    }
  }

  private Answer searchAnew(String query, SearchOptions options) {
    String problem = options.problem();
    if (!problem.isEmpty()) {
      return Answer.refused(DiagnosticCode.BAD_VALUE, "<options>", "", problem);
    }
    String kind = Kinds.unknown(query);
    if (kind.isEmpty()) {
      kind = Filters.unknown(engine.index(), query);
    }
    if (!kind.isEmpty()) {
      return Answer.refused(DiagnosticCode.BAD_VALUE, "<arguments>", "", kind);
    }
    var unreleased =
        options.release() == null
            ? Optional.<OsReleases.Unknown>empty()
            : engine.kb().releases().unknown(options.release());
    if (unreleased.isPresent()) {
      return Answer.refused(
          DiagnosticCode.UNKNOWN_NAME,
          "--os",
          options.os(),
          "--os names no release devq knows: "
              + unreleased.get().reason()
              + "; "
              + unreleased.get().suggestion());
    }
    Soc soc = null;
    if (options.soc() != null) {
      soc = SearchView.soc(engine, options.soc());
      if (soc == null) {
        return Answer.refused(
            DiagnosticCode.UNKNOWN_NAME,
            "--soc",
            options.soc(),
            "--soc must name a SoC or device, found '"
                + options.soc()
                + "'"
                + SearchView.hint(engine, options.soc()));
      }
    }
    var view =
        new SearchView(
            engine,
            query,
            options.limit(),
            options.narrows(),
            options.computeUnit(),
            soc,
            options.release());
    return Answer.of(view.text(), view::json);
  }
}
