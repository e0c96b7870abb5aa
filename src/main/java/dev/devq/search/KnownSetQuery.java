package dev.devq.search;

import java.util.BitSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.ConstantScoreScorer;
import org.apache.lucene.search.ConstantScoreWeight;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.BitSetIterator;
import org.apache.lucene.util.FixedBitSet;

/**
 * A {@link TermInSetQuery} (the typos and prefixes of a glued name) whose documents were read
 * beforehand ({@link KnownTerms}), matching them with the score Lucene gives that query: its boost,
 * the same for every match. Lucene's own weight for a set of terms opens a terms enumerator, seeks
 * every term, then builds, rewrites and weighs a boolean query of them, for every search and every
 * set: 250-400 µs of a first device search after the REPL's warm-up
 * (docs/history/performance-log.md). Equal exactly when the set queries are, so that a boolean
 * query's rewrite merges the clauses it merged before; {@code RankedOnceTest} holds the scores to
 * Lucene's, to the bit.
 */
final class KnownSetQuery extends ReadBeforehandQuery {
  /** The live documents having any of the terms, by document number over the whole index. */
  private final BitSet docs;

  KnownSetQuery(TermInSetQuery asked, BitSet docs) {
    super(asked);
    this.docs = docs;
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost) {
    return new ConstantScoreWeight(this, boost) {
      @Override
      public Scorer scorer(LeafReaderContext leaf) {
        int base = leaf.docBase;
        int end = base + leaf.reader().maxDoc();
        var inLeaf = new FixedBitSet(leaf.reader().maxDoc());
        int count = 0;
        for (int d = docs.nextSetBit(base); d >= 0 && d < end; d = docs.nextSetBit(d + 1)) {
          inLeaf.set(d - base);
          count++;
        }
        return count == 0
            ? null
            : new ConstantScoreScorer(this, score(), scoreMode, new BitSetIterator(inLeaf, count));
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return true;
      }
    };
  }
}
