package dev.devq.search;

import dev.devq.lang.Remembered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.BitSet;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;

/**
 * What the open index says of each term a search asks for, read once per term: its documents (for
 * the match strengths, and the typo and prefix sets of a ranked query) and its place and statistics
 * in the terms dictionary (for a ranked query's weights). Each was a seek in the terms dictionary
 * per term per search, a new terms enumerator each time: with typos, synonyms and prose, twenty to
 * forty per new query, the largest part of its Lucene set-up (docs/performance.md). The index never
 * changes once open, so a term's answer is the same for the whole session; the REPL's warm-up,
 * which searches every name and a typo of it, leaves most terms a user's first query holds already
 * read.
 */
final class KnownTerms {
  /** Terms kept: about every name word, glued name and common prose word of the index. */
  static final int KEPT = 8192;

  private final IndexSearcher searcher;
  private final Remembered<Term, BitSet> docs = new Remembered<>(KEPT);
  private final Remembered<Term, TermStates> states = new Remembered<>(KEPT);

  KnownTerms(IndexSearcher searcher) {
    this.searcher = searcher;
  }

  /**
   * The live documents having {@code term}, by document number, read from its postings; the caller
   * may change the set it gets.
   */
  BitSet docs(Term term) {
    return (BitSet) docs.get(term, this::read).clone();
  }

  private BitSet read(Term term) {
    var out = new BitSet();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        PostingsEnum postings = leaf.reader().postings(term, PostingsEnum.NONE);
        if (postings == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int d = postings.nextDoc();
            d != DocIdSetIterator.NO_MORE_DOCS;
            d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            out.set(leaf.docBase + d);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * A query (before its rewrite) whose terms are read already: its term queries carry their terms'
   * states, read once per term, which Lucene uses instead of seeking each term again when it makes
   * the weights, scoring with the same statistics; its term set queries become {@link
   * KnownSetQuery}s over their terms' documents, read once per term. Boolean and boosted queries
   * are rebuilt around them, clause for clause; any other query stays as it is. Scores are Lucene's
   * to the bit ({@code RankedOnceTest}).
   */
  Query prepared(Query query) {
    if (query instanceof TermQuery t) {
      return new TermQuery(t.getTerm(), states.get(t.getTerm(), this::build));
    }
    if (query instanceof TermInSetQuery set) {
      return new KnownSetQuery(set, docsOf(set));
    }
    if (query instanceof BoostQuery b) {
      return new BoostQuery(prepared(b.getQuery()), b.getBoost());
    }
    if (query instanceof BooleanQuery bool) {
      var out = new BooleanQuery.Builder();
      out.setMinimumNumberShouldMatch(bool.getMinimumNumberShouldMatch());
      for (BooleanClause c : bool.clauses()) {
        out.add(prepared(c.getQuery()), c.getOccur());
      }
      return out.build();
    }
    return query;
  }

  /** The live documents having any term of a set. */
  private BitSet docsOf(TermInSetQuery set) {
    var out = new BitSet();
    try {
      BytesRefIterator terms = set.getBytesRefIterator();
      for (BytesRef t = terms.next(); t != null; t = terms.next()) {
        out.or(docs.get(new Term(set.getField(), BytesRef.deepCopyOf(t)), this::read));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private TermStates build(Term term) {
    try {
      return TermStates.build(searcher, term, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
