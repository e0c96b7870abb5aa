package dev.devq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.Explanation;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafSimScorer;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.TermStatistics;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A {@link PhraseQuery} (a synonym of several words, {@link NameTerms#phrase}) whose matches were
 * read beforehand ({@link KnownTerms}): the documents holding its words in order and how often,
 * scored as Lucene scores the phrase (the similarity over its terms' statistics and each document's
 * count), so the ranking is Lucene's to the bit ({@code RankedOnceTest}). Lucene's own weight seeks
 * every word in the terms dictionary, then opens its positions in every segment and walks them, for
 * each search: on the first search of a REPL session that named a phrase, about half a millisecond
 * of interpreted code (docs/history/performance-log.md).
 */
final class KnownPhraseQuery extends ReadBeforehandQuery {
  private final PhraseQuery phrase;
  private final InOrder matches;

  /** Each term's statistics, read once per session ({@link KnownTerms}). */
  private final Function<Term, TermStates> states;

  KnownPhraseQuery(PhraseQuery phrase, InOrder matches, Function<Term, TermStates> states) {
    super(phrase);
    this.phrase = phrase;
    this.matches = matches;
    this.states = states;
  }

  /**
   * The live documents whose names hold a phrase's words at consecutive positions, by document
   * number over the whole index, ascending, with how many times each does: what an exact phrase
   * query matches, and the frequency it scores.
   */
  record InOrder(int[] docs, int[] counts) {
    static final InOrder NONE = new InOrder(new int[0], new int[0]);
  }

  @Override
  public Weight createWeight(IndexSearcher searcher, ScoreMode scoreMode, float boost)
      throws IOException {
    Similarity.SimScorer similarity = scoreMode.needsScores() ? similarity(searcher, boost) : null;
    return new Weight(this) {
      @Override
      public Scorer scorer(LeafReaderContext leaf) throws IOException {
        int from = firstAtOrAfter(leaf.docBase);
        int to = firstAtOrAfter(leaf.docBase + leaf.reader().maxDoc());
        if (from == to) {
          return null;
        }
        LeafSimScorer scores =
            similarity == null
                ? null
                : new LeafSimScorer(similarity, leaf.reader(), phrase.getField(), true);
        return new InOrderScorer(this, leaf.docBase, from, to, scores);
      }

      @Override
      public Explanation explain(LeafReaderContext leaf, int doc) throws IOException {
        Scorer s = scorer(leaf);
        return s != null && s.iterator().advance(doc) == doc
            ? Explanation.match(s.score(), "phrase read beforehand: " + phrase)
            : Explanation.noMatch("no phrase " + phrase);
      }

      @Override
      public boolean isCacheable(LeafReaderContext leaf) {
        return true;
      }
    };
  }

  /**
   * The phrase's similarity as Lucene's phrase weight makes it: over the statistics of those of its
   * terms the index holds, or none when it holds none (nothing matches then).
   */
  private Similarity.SimScorer similarity(IndexSearcher searcher, float boost) throws IOException {
    List<TermStatistics> stats = new ArrayList<>();
    for (Term t : phrase.getTerms()) {
      TermStates read = states.apply(t);
      if (read.docFreq() > 0) {
        stats.add(searcher.termStatistics(t, read.docFreq(), read.totalTermFreq()));
      }
    }
    return stats.isEmpty()
        ? null
        : searcher
            .getSimilarity()
            .scorer(
                boost,
                searcher.collectionStatistics(phrase.getField()),
                stats.toArray(TermStatistics[]::new));
  }

  /** The index in {@code matches.docs} of the first document at or after {@code doc}. */
  private int firstAtOrAfter(int doc) {
    int at = Arrays.binarySearch(matches.docs(), doc);
    return at >= 0 ? at : -at - 1;
  }

  /** The matches of one segment, {@code matches.docs[from..to)}, each scored by its count. */
  private final class InOrderScorer extends Scorer {
    private final int base;
    private final int from;
    private final int to;
    private final LeafSimScorer scores;
    private int at = -1;
    private int doc = -1;

    InOrderScorer(Weight weight, int base, int from, int to, LeafSimScorer scores) {
      super(weight);
      this.base = base;
      this.from = from;
      this.to = to;
      this.scores = scores;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public float score() throws IOException {
      // Lucene's phrase scorer sums 1 per match as a float: the same value
      return scores == null ? 0 : scores.score(doc, (float) matches.counts()[at]);
    }

    @Override
    public float getMaxScore(int upTo) {
      return Float.MAX_VALUE;
    }

    @Override
    public DocIdSetIterator iterator() {
      return new DocIdSetIterator() {
        @Override
        public int docID() {
          return doc;
        }

        @Override
        public int nextDoc() {
          at = at < 0 ? from : at + 1;
          doc = at < to ? matches.docs()[at] - base : NO_MORE_DOCS;
          return doc;
        }

        @Override
        public int advance(int target) {
          while (nextDoc() < target) {
            // a few matches per segment: a walk is enough
          }
          return doc;
        }

        @Override
        public long cost() {
          return to - from;
        }
      };
    }
  }
}
