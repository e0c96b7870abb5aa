package dev.devq.search;

import dev.devq.lang.Remembered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
  private final Remembered<List<String>, BitSet> phrases = new Remembered<>(256);

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

  /**
   * The live documents {@link NameTerms#phrase} matches: a name holding the words in this order
   * (read from their positions), or a glued name that is the words glued.
   */
  BitSet phraseDocs(List<String> words) {
    return (BitSet) phrases.get(List.copyOf(words), this::readPhrase).clone();
  }

  private BitSet readPhrase(List<String> words) {
    BitSet out = docs(new Term(Fields.GLUED, GluedName.of(String.join(" ", words))));
    BitSet candidates = docs(new Term(Fields.NAMES, words.get(0)));
    for (String w : words.subList(1, words.size())) {
      candidates.and(docs.get(new Term(Fields.NAMES, w), this::read));
    }
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        int base = leaf.docBase;
        int end = base + leaf.reader().maxDoc();
        for (int d = candidates.nextSetBit(base);
            d >= 0 && d < end;
            d = candidates.nextSetBit(d + 1)) {
          if (inOrder(leaf, d - base, words)) {
            out.set(d);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Whether a document of a segment holds the words at consecutive positions of its names. */
  private static boolean inOrder(LeafReaderContext leaf, int doc, List<String> words)
      throws IOException {
    List<Set<Integer>> at = new ArrayList<>();
    for (String w : words) {
      PostingsEnum p = leaf.reader().postings(new Term(Fields.NAMES, w), PostingsEnum.POSITIONS);
      Set<Integer> positions = new HashSet<>();
      if (p != null && p.advance(doc) == doc) {
        for (int i = 0; i < p.freq(); i++) {
          positions.add(p.nextPosition());
        }
      }
      at.add(positions);
    }
    for (int start : at.get(0)) {
      int i = 1;
      while (i < words.size() && at.get(i).contains(start + i)) {
        i++;
      }
      if (i == words.size()) {
        return true;
      }
    }
    return false;
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
