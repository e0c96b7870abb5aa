package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * What {@link OpenIndex} reads once (each document's id and kind) and how it lists matches (without
 * scores) give what Lucene's ranked search and the stored documents give afresh, deleted documents
 * included; {@link SearchIndex#bestKind} is the first hit of a search of every kind.
 */
class OpenIndexTest {
  @Test
  void hitsAndMatchesAreWhatARankedSearchGives() throws IOException {
    KnowledgeBase kb = DevqAssertions.kb();
    var directory = new ByteBuffersDirectory();
    SearchIndex.write(kb, directory);
    replaceOneDocument(directory);
    var searcher = new IndexSearcher(DirectoryReader.open(directory));
    assertTrue(searcher.getIndexReader().hasDeletions(), "a replaced document is deleted");
    var open = new OpenIndex(searcher);
    int checked = 0;
    for (Query q : queries(kb, open)) {
      assertEquals(ranked(searcher, q, 10), open.run(q, 10), q.toString());
      for (int limit : List.of(1, 3, 500)) {
        Set<String> best = new HashSet<>();
        ranked(searcher, q, limit).forEach(h -> best.add(h.id()));
        assertEquals(best, open.ids(q, limit), q + " limit " + limit);
      }
      checked++;
    }
    assertTrue(checked > 100, "every entity's name words were asked");
  }

  @Test
  void theBestKindIsThatOfTheFirstHit() {
    SearchIndex index = SearchIndex.build(DevqAssertions.kb());
    for (String q :
        List.of(
            "layer norm", "iphone 15", "a17 pro", "layrnorm", "resnet", "kind:soc", "qqqqzzzz")) {
      List<Hit> first = SearchIndex.build(DevqAssertions.kb()).search(q, List.of(), 1);
      assertEquals(first.isEmpty() ? null : first.get(0).kind(), index.bestKind(q), q);
    }
  }

  /** The name words of every entity, each alone, and a query matching every document. */
  private static List<Query> queries(KnowledgeBase kb, OpenIndex open) {
    List<Query> out = new ArrayList<>();
    out.add(new MatchAllDocsQuery());
    Set<String> words = new HashSet<>();
    for (Entity e : kb.entities()) {
      words.addAll(List.of(e.id().split("_")));
    }
    for (String w : words) {
      if (open.namesWith(w) > 0) {
        out.add(new TermQuery(new Term(Fields.NAMES, w)));
      }
    }
    return out;
  }

  /** Lucene's ranked hits named through their stored documents, as a search read them before. */
  private static List<Hit> ranked(IndexSearcher searcher, Query q, int limit) {
    try {
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(q, limit).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        hits.add(new Hit(d.get(Fields.ID), d.get(Fields.KIND), sd.score, Hit.Strength.WEAK));
      }
      return hits;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * layer_norm replaced by a document of another id, so its own is deleted but still in the index
   * files: listing it would name an entity the index no longer has.
   */
  private static void replaceOneDocument(ByteBuffersDirectory directory) throws IOException {
    var config = new IndexWriterConfig(new StandardAnalyzer());
    try (var writer = new IndexWriter(directory, config)) {
      var doc = new Document();
      doc.add(new StringField(Fields.ID, "layer_norm_again", Field.Store.YES));
      doc.add(new StringField(Fields.KIND, "op", Field.Store.YES));
      doc.add(new TextField(Fields.NAMES, "layer norm", Field.Store.NO));
      writer.updateDocument(new Term(Fields.ID, "layer_norm"), doc);
    }
  }
}
