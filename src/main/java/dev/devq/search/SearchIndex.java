package dev.devq.search;

import dev.devq.kb.Device;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.Soc;
import dev.devq.kb.Support;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * An in-memory Lucene index over every entity of a knowledge base, built once at start.
 *
 * <p>A query matches, best first: an exact id or alias; the words of names and aliases split the
 * way code is written (with synonyms); the same words glued together, also with typos; and
 * finally descriptions and notes. {@code field:value} restricts to a category or kind.
 */
public final class SearchIndex {
  private static final Set<String> FILTER_FIELDS = Set.of("category", "kind");

  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final Analyzer plainNames = new NameAnalyzer(null, false);

  private SearchIndex(IndexSearcher searcher, Analyzer analyzer) {
    this.searcher = searcher;
    this.analyzer = analyzer;
  }

  /** Indexes every SoC, device, op and model. */
  public static SearchIndex build(KnowledgeBase kb) {
    var synonyms = Synonyms.build();
    Analyzer indexAnalyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
        Map.of(Fields.NAMES, new NameAnalyzer(synonyms, true)));
    Analyzer queryAnalyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
        Map.of(Fields.NAMES, new NameAnalyzer(synonyms, false)));
    var directory = new ByteBuffersDirectory();
    try (var writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
      for (Entity e : kb.entities()) {
        writer.updateDocument(new Term(Fields.ID, e.id()), document(e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new SearchIndex(new IndexSearcher(DirectoryReader.open(directory)), queryAnalyzer);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Document document(Entity e) {
    var doc = new Document();
    doc.add(new StringField(Fields.ID, e.id(), Field.Store.YES));
    doc.add(new StringField(Fields.KIND, e.kind(), Field.Store.YES));
    Set<String> names = new LinkedHashSet<>();
    names.add(e.id());
    names.add(e.name());
    names.addAll(e.aliases());
    for (String n : names) {
      doc.add(new TextField(Fields.NAMES, n, Field.Store.NO));
      doc.add(new StringField(Fields.EXACT, n.toLowerCase(Locale.ROOT), Field.Store.NO));
      String glued = glue(n);
      if (!glued.isEmpty()) {
        doc.add(new StringField(Fields.GLUED, glued, Field.Store.NO));
      }
    }
    doc.add(new TextField(Fields.TEXT, text(e), Field.Store.NO));
    if (e instanceof Op op) {
      doc.add(new StringField(Fields.CATEGORY, op.category(), Field.Store.NO));
    } else if (e instanceof Soc || e instanceof Device) {
      doc.add(new StringField(Fields.CATEGORY, e.kind(), Field.Store.NO));
    }
    return doc;
  }

  private static String text(Entity e) {
    var out = new StringBuilder(e.name());
    if (e instanceof Op op) {
      out.append(' ').append(op.description()).append(' ').append(op.category());
      for (Support s : op.support().values()) {
        s.notes().forEach(n -> out.append(' ').append(n.text()));
      }
    }
    return out.toString();
  }

  /** Lower-case letters and digits only: {@code torch.nn.LayerNorm} → {@code torchnnlayernorm}. */
  static String glue(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /**
   * Entities matching a keyword query, best first. {@code kinds} restricts the result (empty: all).
   */
  public List<Hit> search(String query, Collection<String> kinds, int limit) {
    String text = query.strip();
    List<Query> filters = new ArrayList<>();
    var words = new ArrayList<String>();
    for (String word : text.split("\\s+")) {
      int colon = word.indexOf(':');
      if (colon > 0 && FILTER_FIELDS.contains(word.substring(0, colon).toLowerCase(Locale.ROOT))) {
        filters.add(new TermQuery(new Term(word.substring(0, colon).toLowerCase(Locale.ROOT),
            word.substring(colon + 1).toLowerCase(Locale.ROOT))));
      } else if (!word.isEmpty()) {
        words.add(word);
      }
    }
    var main = new BooleanQuery.Builder();
    String rest = String.join(" ", words);
    if (!rest.isEmpty()) {
      main.add(match(rest), BooleanClause.Occur.MUST);
    }
    for (Query f : filters) {
      main.add(f, BooleanClause.Occur.FILTER);
    }
    if (!kinds.isEmpty()) {
      var kindQuery = new BooleanQuery.Builder();
      kinds.forEach(k -> kindQuery.add(new TermQuery(new Term(Fields.KIND, k)), BooleanClause.Occur.SHOULD));
      main.add(kindQuery.build(), BooleanClause.Occur.FILTER);
    }
    if (rest.isEmpty() && filters.isEmpty()) {
      return List.of();
    }
    return run(main.build(), limit);
  }

  private Query match(String text) {
    var q = new BooleanQuery.Builder();
    String lower = text.toLowerCase(Locale.ROOT);
    String glued = glue(text);
    q.add(boost(new TermQuery(new Term(Fields.EXACT, lower)), 20), BooleanClause.Occur.SHOULD);
    if (!glued.isEmpty()) {
      q.add(boost(new TermQuery(new Term(Fields.GLUED, glued)), 12), BooleanClause.Occur.SHOULD);
      if (glued.length() >= 4) {
        q.add(boost(new FuzzyQuery(new Term(Fields.GLUED, glued), glued.length() >= 7 ? 2 : 1), 4),
            BooleanClause.Occur.SHOULD);
        q.add(boost(new PrefixQuery(new Term(Fields.GLUED, glued)), 3), BooleanClause.Occur.SHOULD);
      }
    }
    List<String> words = terms(plainNames, Fields.NAMES, text);
    List<String> withSynonyms = terms(analyzer, Fields.NAMES, text);
    if (!withSynonyms.isEmpty()) {
      q.add(boost(anyOf(Fields.NAMES, withSynonyms, 0), 2), BooleanClause.Occur.SHOULD);
    }
    if (words.size() > 1) {
      // every word of the query among an entity's names: "dilated conv" prefers dilated_conv2d to conv2d
      q.add(boost(anyOf(Fields.NAMES, words, words.size()), 3), BooleanClause.Occur.SHOULD);
    }
    Query prose = new QueryBuilder(analyzer).createBooleanQuery(Fields.TEXT, text, BooleanClause.Occur.SHOULD);
    if (prose != null) {
      q.add(boost(prose, 0.3f), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  /** A disjunction of term queries; {@code minimum} > 0 requires that many of them. */
  private static Query anyOf(String field, List<String> terms, int minimum) {
    var b = new BooleanQuery.Builder();
    for (String t : new LinkedHashSet<>(terms)) {
      b.add(new TermQuery(new Term(field, t)), BooleanClause.Occur.SHOULD);
    }
    if (minimum > 0) {
      b.setMinimumNumberShouldMatch(Math.min(minimum, new LinkedHashSet<>(terms).size()));
    }
    return b.build();
  }

  /**
   * The terms an analyzer makes of a text, as a bag of words: the query side ignores the token
   * graph (word parts, synonyms) because a match on any path is what we want.
   */
  static List<String> terms(Analyzer a, String field, String text) {
    List<String> out = new ArrayList<>();
    try (var stream = a.tokenStream(field, text)) {
      var term = stream.addAttribute(org.apache.lucene.analysis.tokenattributes.CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Query boost(Query q, float by) {
    return new BoostQuery(q, by);
  }

  private List<Hit> run(Query query, int limit) {
    try {
      List<Hit> hits = new ArrayList<>();
      for (ScoreDoc sd : searcher.search(query, limit).scoreDocs) {
        Document d = searcher.storedFields().document(sd.doc);
        hits.add(new Hit(d.get(Fields.ID), d.get(Fields.KIND), sd.score));
      }
      return hits;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The closest entity ids to a name that resolved to nothing, nearest first, for "did you mean".
   * Only candidates of the given kinds are returned.
   */
  public List<String> suggest(String name, Collection<String> kinds, int limit) {
    String glued = glue(name);
    if (glued.length() < 2) {
      return List.of();
    }
    var q = new BooleanQuery.Builder();
    q.add(boost(new FuzzyQuery(new Term(Fields.GLUED, glued), Math.min(2, Math.max(1, glued.length() / 3))), 4),
        BooleanClause.Occur.SHOULD);
    q.add(boost(new PrefixQuery(new Term(Fields.GLUED, glued)), 2), BooleanClause.Occur.SHOULD);
    List<String> words = terms(plainNames, Fields.NAMES, name);
    if (!words.isEmpty()) {
      q.add(anyOf(Fields.NAMES, words, 0), BooleanClause.Occur.SHOULD);
    }
    var main = new BooleanQuery.Builder().add(q.build(), BooleanClause.Occur.MUST);
    if (!kinds.isEmpty()) {
      var kindQuery = new BooleanQuery.Builder();
      kinds.forEach(k -> kindQuery.add(new TermQuery(new Term(Fields.KIND, k)), BooleanClause.Occur.SHOULD));
      main.add(kindQuery.build(), BooleanClause.Occur.FILTER);
    }
    return run(main.build(), limit).stream().map(Hit::id).toList();
  }
}
