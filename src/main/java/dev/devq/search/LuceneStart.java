package dev.devq.search;

import dev.devq.kb.Deferred;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.util.List;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.PostingsFormat;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.MultiReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.RamUsageEstimator;

/**
 * Lucene's own once-per-process set-up for opening an index, none of which needs the index: a
 * one-shot search runs it on a thread of its own as the process starts, while the knowledge base
 * (which holds the index files) is still being read, and opening the index waits for it.
 *
 * <p>A class-load timeline of a one-shot search shows what opening the shipped index spent, in a
 * cold JVM, before it read a byte: the service scans that find the codec and the postings format
 * (each looks through the JDK's modules and the jar); the codec's construction, whose vector format
 * looks up Lucene's vector support, whose logger sets up {@code java.util.logging}; the JVM's
 * options read through the management beans ({@code RamUsageEstimator}); and {@code IndexWriter}'s
 * class initialisation (reading a commit touches it), which readies Lucene's test hooks and with
 * them the segment reader and the merge scheduler. Each is done once per JVM.
 *
 * <p>Opening an index waits for this rather than running beside it: Lucene's test hooks and {@code
 * IndexWriter} initialise each other, and two threads entering that cycle from its two ends wait
 * for each other for ever. Here, as when opening, it is entered through {@code IndexWriter}.
 */
public final class LuceneStart {
  private LuceneStart() {}

  private static final Deferred<Boolean> PREPARED =
      Deferred.by(
          () -> {
            Codec.getDefault();
            PostingsFormat.availablePostingsFormats();
            initialise(RamUsageEstimator.class);
            initialise(IndexWriter.class);
            return true;
          });

  /**
   * What a one-shot search can do before the knowledge base is read: Lucene's set-up ({@link
   * #prepare}), then the synonyms' automaton, which is made of a fixed table, then the first
   * instances of the query classes its rewriting makes. All were on the way of the first search:
   * the index opens after the set-up, the query side is made with the synonyms once the knowledge
   * base is decoded, and the rewriting runs on the search's own thread once the index is open.
   */
  public static void ahead() {
    prepare();
    Synonyms.map();
    firstQueries();
  }

  /**
   * Runs Lucene's set-up on the calling thread, once per process: a later or concurrent call waits
   * until it is done.
   */
  public static void prepare() {
    PREPARED.get();
  }

  /**
   * One instance of each query class a search's rewriting makes. Lucene's {@code Query} checks, for
   * the first instance of each class, whether it overrides a deprecated method (reflection over the
   * class and its superclasses, two exceptions thrown per class). A one-shot search made the first
   * term, boosted and Boolean queries in the analysis that runs while the index opens, and the
   * rewriting's constant-score queries on its own thread, in the part of its search that runs
   * alone. Here they are made on the set-up thread, whose own work is done by then.
   */
  private static void firstQueries() {
    new BooleanQuery.Builder()
        .add(new BoostQuery(new TermQuery(new Term(Fields.GLUED, "x")), 2), Occur.SHOULD)
        .build();
    new ConstantScoreQuery(new MatchAllDocsQuery());
    try (var none = new MultiReader()) {
      MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE.rewrite(
          none, new TermInSetQuery(Fields.GLUED, List.of(new BytesRef("x"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // an empty reader reads nothing: not thrown
    }
  }

  private static void initialise(Class<?> type) {
    try {
      MethodHandles.lookup().ensureInitialized(type);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // public classes of exported packages: not thrown
    }
  }
}
