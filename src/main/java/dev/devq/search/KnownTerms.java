package dev.devq.search;

import dev.devq.lang.Remembered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefIterator;

/**
 * What the open index says of each term a search asks for, read once per term: its documents (for
 * the match strengths, and the typo and prefix sets of a ranked query) and its place and statistics
 * in the terms dictionary (for a ranked query's weights); and of each phrase, the documents holding
 * its words in order. Each was a seek in the terms dictionary per term per search, a new terms
 * enumerator each time: with typos, synonyms and prose, twenty to forty per new query, the largest
 * part of its Lucene set-up (docs/history/performance-log.md). The index never changes once open,
 * so a term's answer is the same for the whole session; the REPL's warm-up, which searches every
 * name and a typo of it, leaves most terms a user's first query holds already read.
 */
final class KnownTerms {
  /** Terms kept: about every name word, glued name and common prose word of the index. */
  static final int KEPT = 8192;

  private final IndexSearcher searcher;
  private final Remembered<Term, BitSet> docs = new Remembered<>(KEPT);
  private final Remembered<Term, TermStates> states = new Remembered<>(KEPT);

  /**
   * Each phrase's matches: a phrase is one of the synonyms' phrases of several words, or the typed
   * words one stands for, so a session meets a few dozen of them.
   */
  private final Remembered<List<String>, KnownPhraseQuery.InOrder> phrases = new Remembered<>(256);

  private final AtomicInteger postingsRead = new AtomicInteger();

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
    BitSet out = docs(new Term(Fields.GLUED, GluedName.of(String.join(" ", words))));
    for (int d : inOrder(words).docs()) {
      out.set(d);
    }
    return out;
  }

  /** Where the words stand in this order within one name, read once per phrase. */
  private KnownPhraseQuery.InOrder inOrder(List<String> words) {
    return phrases.get(List.copyOf(words), this::readInOrder);
  }

  /**
   * Each live document whose names hold the words at consecutive positions, with how many times:
   * one pass over the words' positions, each word's postings opened once per segment.
   */
  private KnownPhraseQuery.InOrder readInOrder(List<String> words) {
    List<Integer> docs = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    try {
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        PostingsEnum[] each = new PostingsEnum[words.size()];
        for (int i = 0; i < each.length; i++) {
          each[i] =
              leaf.reader().postings(new Term(Fields.NAMES, words.get(i)), PostingsEnum.POSITIONS);
          if (each[i] == null) {
            each = null;
            break;
          }
        }
        if (each == null) {
          continue; // a word no name of this segment holds
        }
        Bits live = leaf.reader().getLiveDocs();
        for (int d = each[0].nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = each[0].nextDoc()) {
          int count = allAt(each, d) && (live == null || live.get(d)) ? inOrder(each) : 0;
          if (count > 0) {
            docs.add(leaf.docBase + d);
            counts.add(count);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnownPhraseQuery.InOrder(
        docs.stream().mapToInt(Integer::intValue).toArray(),
        counts.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Whether every word's postings after the first reach document {@code doc}. */
  private static boolean allAt(PostingsEnum[] each, int doc) throws IOException {
    for (int i = 1; i < each.length; i++) {
      int at = each[i].docID() < doc ? each[i].advance(doc) : each[i].docID();
      if (at != doc) {
        return false;
      }
    }
    return true;
  }

  /**
   * How many times the words stand at consecutive positions in the document every postings is on:
   * the starts of the first word followed by each other word in turn, as an exact phrase counts.
   */
  private static int inOrder(PostingsEnum[] each) throws IOException {
    int[][] at = new int[each.length][];
    for (int i = 0; i < each.length; i++) {
      at[i] = new int[each[i].freq()];
      for (int j = 0; j < at[i].length; j++) {
        at[i][j] = each[i].nextPosition();
      }
      Arrays.sort(at[i]);
    }
    int count = 0;
    for (int start : at[0]) {
      int i = 1;
      while (i < at.length && Arrays.binarySearch(at[i], start + i) >= 0) {
        i++;
      }
      if (i == at.length) {
        count++;
      }
    }
    return count;
  }

  /** Postings lists read so far: what reading ahead saves a search ({@code ReadAheadTest}). */
  int postingsRead() {
    return postingsRead.get();
  }

  private BitSet read(Term term) {
    postingsRead.incrementAndGet();
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
   * KnownSetQuery}s over their terms' documents, read once per term; its phrases become {@link
   * KnownPhraseQuery}s over the documents holding them, read once per phrase. Boolean, boosted and
   * disjunction-max queries are rebuilt around them, clause for clause; any other query stays as it
   * is. Scores are Lucene's to the bit ({@code RankedOnceTest}).
   */
  Query prepared(Query query) {
    if (query instanceof TermQuery t) {
      return new TermQuery(t.getTerm(), states.get(t.getTerm(), this::build));
    }
    if (query instanceof TermInSetQuery set) {
      return new KnownSetQuery(set, docsOf(set));
    }
    if (query instanceof PhraseQuery phrase && isExact(phrase)) {
      List<String> words = Arrays.stream(phrase.getTerms()).map(Term::text).toList();
      return new KnownPhraseQuery(phrase, inOrder(words), t -> states.get(t, this::build));
    }
    if (query instanceof DisjunctionMaxQuery max) {
      List<Query> each = new ArrayList<>();
      max.forEach(q -> each.add(prepared(q)));
      return new DisjunctionMaxQuery(each, max.getTieBreakerMultiplier());
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

  /**
   * Whether a phrase query asks for its words next to each other in the names, as {@link
   * NameTerms#phrase} makes it: its terms at positions 0, 1, 2, … with no slop.
   */
  private static boolean isExact(PhraseQuery phrase) {
    int[] positions = phrase.getPositions();
    for (int i = 0; i < positions.length; i++) {
      if (positions[i] != i || !phrase.getTerms()[i].field().equals(Fields.NAMES)) {
        return false;
      }
    }
    return positions.length > 1 && phrase.getSlop() == 0;
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
