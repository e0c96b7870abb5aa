package dev.devq.search;

import dev.devq.kb.Deferred;
import dev.devq.lang.Remembered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BulkScorer;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Weight;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;

/**
 * The opened Lucene index as {@link SearchIndex} asks it: ranked hits, the set of entities a query
 * matches, and how many names hold a word. Nothing in it changes once open, so what a search needs
 * of every document (its id and kind) is read once, and word counts are remembered.
 */
final class OpenIndex {
  private final IndexSearcher searcher;

  /**
   * Each document's id and kind, read once from the stored fields: hits are named through these
   * instead of decoding a stored document per hit. Made on first use, which the REPL's warm-up is,
   * or, for a one-shot search, by the thread that opened the reader.
   */
  private final Supplier<Stored> stored;

  /** The stored id and kind of every document, by Lucene's document number. */
  record Stored(String[] ids, String[] kinds) {}

  /** Each term's documents and dictionary entry, read once. */
  private final KnownTerms terms;

  private static final List<String> OPS = List.of("op");

  /** Each op category and the ids of its ops, read once when first asked. */
  private final Supplier<Map<String, List<String>>> opCategories =
      Deferred.by(this::readOpCategories);

  /** How many names hold each name word: a search asks it of the same word several times. */
  private final Remembered<String, Integer> namesWithWord = new Remembered<>(1024);

  OpenIndex(IndexSearcher searcher) {
    this(searcher, Deferred.by(() -> stored(searcher.getIndexReader())));
  }

  /**
   * @param stored what {@link #stored(IndexReader)} reads of the searcher's reader, made once
   */
  OpenIndex(IndexSearcher searcher, Supplier<Stored> stored) {
    this.searcher = searcher;
    this.stored = stored;
    this.terms = new KnownTerms(searcher);
  }

  /**
   * The index read through {@code reader}, with each document's id and kind as {@code stored} reads
   * them (once, when first asked).
   */
  static OpenIndex over(IndexReader reader, Supplier<Stored> stored) {
    var searcher = new IndexSearcher(reader);
    // Lucene's default cache keeps no segment under 10,000 documents, and this index has a few
    // hundred: it would only wrap every query's weight and count its uses
    searcher.setQueryCache(null);
    return new OpenIndex(searcher, stored);
  }

  /** Each document's id and kind, read from the stored fields of {@code reader}. */
  static Stored stored(IndexReader reader) {
    try {
      int n = reader.maxDoc();
      var ids = new String[n];
      var kinds = new String[n];
      var fields = reader.storedFields();
      for (int doc = 0; doc < n; doc++) {
        Document d = fields.document(doc, Set.of(Fields.ID, Fields.KIND));
        ids[doc] = d.get(Fields.ID);
        kinds[doc] = d.get(Fields.KIND);
      }
      return new Stored(ids, kinds);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The number of documents: entities of the knowledge base. */
  int size() {
    return searcher.getIndexReader().numDocs();
  }

  /** The best {@code limit} matches of a query (at least one), best first, all {@code WEAK}. */
  List<Hit> run(Query query, int limit) {
    try {
      // searched before the names are asked for: a one-shot search's first search runs while the
      // thread that opened the reader reads them (IndexFiles.Opening.readFiles)
      ScoreDoc[] found = searcher.search(query, Math.max(1, limit)).scoreDocs;
      Stored names = stored.get();
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : found) {
        hits.add(new Hit(names.ids()[sd.doc], names.kinds()[sd.doc], sd.score, Hit.Strength.WEAK));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every match of a query, best first (ties by document number), all {@code WEAK}: what {@link
   * #run} gives with a limit of the whole index, without its queue. A top-n search keeps a priority
   * queue of n pre-filled entries and scores for pruning (each term's impacts read, block maxima
   * tracked), which for every match of a few hundred documents is work for nothing; this scores
   * each match once, completely, and sorts them. Lucene sums a document's clauses in double
   * precision before rounding to a float, so the scores equal a top-n search's ({@code
   * RankedOnceTest}, to the bit).
   */
  List<Hit> all(Query query) {
    try {
      Weight weight =
          searcher.createWeight(searcher.rewrite(terms.prepared(query)), ScoreMode.COMPLETE, 1f);
      var matches = new Matches();
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        BulkScorer scorer = weight.bulkScorer(leaf);
        if (scorer != null) {
          scorer.score(
              matches.of(leaf.docBase),
              leaf.reader().getLiveDocs(),
              0,
              DocIdSetIterator.NO_MORE_DOCS);
        }
      }
      Stored names = stored.get();
      List<Hit> hits = new ArrayList<>(matches.size);
      for (long key : matches.ranked()) {
        int doc = (int) key;
        float score = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (key >>> 32));
        hits.add(new Hit(names.ids()[doc], names.kinds()[doc], score, Hit.Strength.WEAK));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every match as one number that sorts as Lucene ranks: the score's bits inverted above (scores
   * are never negative, and the bits of non-negative floats order as the floats), the document
   * number below, so ascending order is best score first and ties by document number.
   */
  private static final class Matches {
    long[] keys = new long[64];
    int size;

    LeafCollector of(int docBase) {
      return new LeafCollector() {
        private Scorable scorer;

        @Override
        public void setScorer(Scorable scorer) {
          this.scorer = scorer;
        }

        @Override
        public void collect(int doc) throws IOException {
          if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
          }
          int inverted = Integer.MAX_VALUE - Float.floatToIntBits(scorer.score());
          keys[size++] = (long) inverted << 32 | (docBase + doc);
        }
      };
    }

    long[] ranked() {
      long[] out = Arrays.copyOf(keys, size);
      Arrays.sort(out);
      return out;
    }
  }

  /**
   * The ids of the best {@code limit} matches of a query: every match, listed without scoring or
   * ranking, unless there are more (then the best of them, as {@link #run} ranks them).
   */
  Set<String> ids(Query query, int limit) {
    Set<String> out = new HashSet<>();
    try {
      String[] names = stored.get().ids();
      Weight weight =
          searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
      for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
        Scorer scorer = weight.scorer(leaf);
        if (scorer == null) {
          continue;
        }
        Bits live = leaf.reader().getLiveDocs();
        DocIdSetIterator docs = scorer.iterator();
        for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
          if (live == null || live.get(d)) {
            out.add(names[leaf.docBase + d]);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.size() > limit) {
      out.clear();
      run(query, limit).forEach(h -> out.add(h.id()));
    }
    return out;
  }

  /** The number of document slots, deleted ones included: the bound of a document number. */
  int maxDoc() {
    return searcher.getIndexReader().maxDoc();
  }

  /**
   * The live documents having {@code term} in {@code field}, by document number, read from the
   * term's postings (once per term, {@link KnownTerms}): no query is built, rewritten or scored.
   */
  BitSet docsWith(String field, String term) {
    return terms.docs(new Term(field, term));
  }

  /** The live documents whose names hold the phrase, as {@link NameTerms#phrase} matches it. */
  BitSet phraseDocs(List<String> words) {
    return terms.phraseDocs(words);
  }

  /** The ids of the documents {@code docs} whose kind is one of {@code kinds} (empty: any). */
  Set<String> ids(BitSet docs, Collection<String> kinds) {
    Stored names = stored.get();
    Set<String> out = new HashSet<>();
    for (int d = docs.nextSetBit(0); d >= 0; d = docs.nextSetBit(d + 1)) {
      if (kinds.isEmpty() || kinds.contains(names.kinds()[d])) {
        out.add(names.ids()[d]);
      }
    }
    return out;
  }

  /**
   * Each op category of the index, in name order, with the ids of its ops in id order: the terms of
   * the category field that ops hold (other entities hold their kind there).
   */
  Map<String, List<String>> opCategories() {
    return opCategories.get();
  }

  private Map<String, List<String>> readOpCategories() {
    Map<String, List<String>> out = new TreeMap<>();
    try {
      Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), Fields.CATEGORY);
      TermsEnum each = terms == null ? TermsEnum.EMPTY : terms.iterator();
      for (BytesRef t = each.next(); t != null; t = each.next()) {
        String category = t.utf8ToString();
        List<String> ops = new ArrayList<>(ids(docsWith(Fields.CATEGORY, category), OPS));
        if (!ops.isEmpty()) {
          ops.sort(null);
          out.put(category, List.copyOf(ops));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(out);
  }

  /** Postings lists read from the index so far, each once ({@link KnownTerms}). */
  int postingsRead() {
    return terms.postingsRead();
  }

  /** How many entities have {@code word} among their name words. */
  int namesWith(String word) {
    return namesWithWord.get(
        word,
        w -> {
          try {
            return searcher.getIndexReader().docFreq(new Term(Fields.NAMES, w));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
