package dev.devq.search;

import dev.devq.kb.Deferred;
import dev.devq.kb.Entity;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.Support;
import dev.devq.lang.CompatibilityForms;
import dev.devq.lang.Remembered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * An in-memory Lucene index over every entity of a knowledge base, built once at start.
 *
 * <p>A query matches, best first: an exact id or alias; the words of names and aliases split the
 * way code is written (with synonyms); the same words glued together, also with typos; and finally
 * descriptions and notes. {@code field:value} restricts to a category or kind.
 *
 * <pre>{@code
 * SearchIndex index = SearchIndex.build(kb);
 * index.search("torch.nn.LayerNorm", List.of("op"), 5).get(0).id()   // layer_norm
 * index.resolve("iPhone 15 Pro", List.of("device"), true).id()       // iphone_15_pro
 * }</pre>
 */
public final class SearchIndex {
  /** Hits scoring under this share of the best are noise: prose that mentions a word in passing. */
  private static final float RELATIVE_CUTOFF = 1 / 40f;

  private final OpenIndex index;
  private final Matching matching;
  private final Strengths strengths;

  /**
   * Recent searches and their hits: the index never changes once open, so a query asked again in a
   * session (the REPL's history, a query file run twice) is answered without Lucene.
   */
  private final Remembered<Asked, List<Hit>> searches = new Remembered<>(256);

  /**
   * Every match of recent query texts among all entities, best first. One ranked search serves the
   * best kind and then the hits of the kinds it chose, which are its matches of those kinds in the
   * same order: a kind filter adds nothing to a score, and Lucene breaks ties by document number
   * either way ({@code RankedOnceTest}). Each Lucene search pays a set-up far above the cost of
   * ranking a few hundred documents.
   */
  private final Remembered<String, List<Hit>> ranked = new Remembered<>(64);

  /**
   * A search's question; kinds in the order given, so equal sets in other orders only miss.
   * Equality written out: a record's own spins about a dozen method-handle classes (ObjectMethods)
   * on the first search of a process, ~6 ms of a one-shot search.
   */
  private record Asked(String text, List<String> kinds, int limit) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Asked other
          && limit == other.limit
          && text.equals(other.text)
          && kinds.equals(other.kinds);
    }

    @Override
    public int hashCode() {
      return (text.hashCode() * 31 + kinds.hashCode()) * 31 + limit;
    }
  }

  private SearchIndex(OpenIndex index, Matching matching) {
    this.index = index;
    this.matching = matching;
    this.strengths = new Strengths(index, matching);
  }

  /** The opened index, for what is read from it directly (tests, {@link CategoryWords}). */
  OpenIndex opened() {
    return index;
  }

  /** The query builder, for tests comparing its queries with what is read directly. */
  Matching matching() {
    return matching;
  }

  /** The match strengths, for the same tests. */
  Strengths strengths() {
    return strengths;
  }

  /**
   * The index of a knowledge base, built on first use and then shared: a one-shot query that names
   * everything exactly never pays for building it (most of that cost is loading Lucene itself).
   */
  public static java.util.function.Supplier<SearchIndex> lazy(KnowledgeBase kb) {
    return lazy(() -> build(kb));
  }

  static java.util.function.Supplier<SearchIndex> lazy(
      java.util.function.Supplier<SearchIndex> make) {
    return Deferred.by(make);
  }

  public static SearchIndex build(KnowledgeBase kb) {
    var directory = new ByteBuffersDirectory();
    write(kb, directory);
    try {
      DirectoryReader reader = DirectoryReader.open(directory);
      return open(kb, () -> reader, Deferred.by(() -> OpenIndex.stored(reader)), () -> false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void write(KnowledgeBase kb, ByteBuffersDirectory directory) {
    LuceneStart.prepare(); // never beside a thread running it: see there
    Analyzer indexAnalyzer =
        new PerFieldAnalyzerWrapper(
            new EnglishAnalyzer(), Map.of(Fields.NAMES, new NameAnalyzer(null, true)));
    try (var writer = new IndexWriter(directory, new IndexWriterConfig(indexAnalyzer))) {
      for (Entity e : kb.entities()) {
        writer.updateDocument(new Term(Fields.ID, e.id()), document(e));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A query of several words, with synonyms and a long glued form: every part of a match. */
  private static final String WARM_UP = "depthwise convolution";

  /**
   * The index of {@code kb} over {@code reader}, asked for once the query side is made, with each
   * document's id and kind read from it by {@code stored} (once, when first asked); {@code
   * stillOpening}: whether another thread is opening the reader, which the query side then waits
   * for.
   */
  static SearchIndex open(
      KnowledgeBase kb,
      java.util.function.Supplier<DirectoryReader> reader,
      java.util.function.Supplier<OpenIndex.Stored> stored,
      java.util.function.BooleanSupplier stillOpening) {
    Analyzer queryAnalyzer =
        new PerFieldAnalyzerWrapper(
            new EnglishAnalyzer(), Map.of(Fields.NAMES, new NameAnalyzer(Synonyms::map, true)));
    // every id, name and alias glued, from the tables of names: no entity is read for them
    Set<String> glued = new HashSet<>();
    java.util.stream.Stream.concat(kb.ids().stream(), kb.names().keySet().stream())
        .map(n -> GluedName.of(CompatibilityForms.fold(n)))
        .filter(g -> !g.isEmpty())
        .forEach(glued::add);
    java.util.function.Supplier<OpenIndex> opened =
        Deferred.by(() -> OpenIndex.over(reader.get(), stored));
    var matching =
        new Matching(
            queryAnalyzer,
            new NameAnalyzer(null, false),
            new Vocabulary(glued),
            word -> opened.get().namesWith(word) > 0);
    if (stillOpening.getAsBoolean()) {
      // A query's analysis runs cold the first time (the analyzers' filters, the synonyms' graph,
      // English stemming, the typos of a glued name): run once here, while another thread opens
      // the reader, the first search finds it ready (docs/history/performance-log.md); only its
      // last clause asks the index for name words, and so waits for the reader, as the next
      // line would
      matching.match(WARM_UP);
    }
    return new SearchIndex(opened.get(), matching);
  }

  private static Set<String> names(Entity e) {
    Set<String> names = new LinkedHashSet<>();
    names.add(e.id());
    names.add(e.name());
    names.addAll(e.aliases());
    return names;
  }

  private static Document document(Entity e) {
    var doc = new Document();
    doc.add(new StringField(Fields.ID, e.id(), Field.Store.YES));
    doc.add(new StringField(Fields.KIND, e.kind(), Field.Store.YES));
    for (String name : names(e)) {
      String n = CompatibilityForms.fold(name);
      doc.add(new TextField(Fields.NAMES, n, Field.Store.NO));
      doc.add(new StringField(Fields.EXACT, n.toLowerCase(Locale.ROOT), Field.Store.NO));
      String glued = GluedName.of(n);
      if (!glued.isEmpty()) {
        doc.add(new StringField(Fields.GLUED, glued, Field.Store.NO));
      }
    }
    doc.add(new TextField(Fields.TEXT, CompatibilityForms.fold(text(e)), Field.Store.NO));
    if (e instanceof Op op) {
      doc.add(new StringField(Fields.CATEGORY, op.category(), Field.Store.NO));
    } else {
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

  /**
   * Entities matching a keyword query, best first; hits far below the best are dropped. {@code
   * kinds} restricts the result (empty: all). Words {@code category:X} and {@code kind:X} are
   * filters; a query of filters alone lists what they admit, in catalog order.
   */
  public List<Hit> search(String query, Collection<String> kinds, int limit) {
    String text = PlainText.clip(query);
    return searches.get(
        new Asked(text, List.copyOf(kinds), limit),
        asked -> List.copyOf(answer(text, kinds, limit)));
  }

  /**
   * The kind of the best match of a query among all entities ({@code op}, {@code device}, …), or
   * null when nothing matches: the first hit of {@code search(query, List.of(), 1)}, without
   * marking how each hit matched, which only the hits shown need.
   */
  public String bestKind(String query) {
    List<Hit> all = ranked(PlainText.clip(query));
    return all.isEmpty() ? null : all.get(0).kind();
  }

  /** Every entity matching a (clipped) text, of all kinds, ranked. */
  private List<Hit> ranked(String text) {
    return ranked.get(
        text,
        t -> {
          Query parsed = parse(t, List.of());
          return parsed == null ? List.of() : List.copyOf(index.all(parsed));
        });
  }

  /** The best {@code limit} (at least one) matches of a text of {@code kinds} (empty: all). */
  List<Hit> hits(String text, Collection<String> kinds, int limit) {
    return ranked(text).stream()
        .filter(h -> kinds.isEmpty() || kinds.contains(h.kind()))
        .limit(Math.max(1, limit))
        .toList();
  }

  private List<Hit> answer(String text, Collection<String> kinds, int limit) {
    List<Hit> hits = hits(text, kinds, limit);
    if (hits.isEmpty()) {
      return hits;
    }
    float floor = hits.get(0).score() * RELATIVE_CUTOFF;
    return strengths.mark(text, kinds, hits.stream().filter(h -> h.score() >= floor).toList());
  }

  /**
   * Reads what marking the hits of a search of {@code query} asks of the index, remembered: a
   * one-shot search does it on another core while its own thread ranks
   * (docs/history/performance-log.md).
   */
  public void readAhead(String query) {
    strengths.mark(PlainText.clip(query), List.of(), List.of());
  }

  /**
   * The words of a query that no entity has among its names, leaving out words most names share
   * ({@code torch}, {@code nn}): for {@code torch.nn.functional.unfold}, {@code [unfold]}. A user
   * is told these matched nothing rather than shown a weak match as if it were an answer.
   */
  public List<String> unmatchedWords(String query) {
    return strengths.unmatched(PlainText.clip(query));
  }

  /**
   * The Lucene query of a keyword query among entities of {@code kinds} (empty: all), or null when
   * it asks for nothing.
   */
  Query parse(String query, Collection<String> kinds) {
    // a field's values, each field's alternatives: kind:soc kind:op is either kind, as a search box
    // reads two values of one field; two fields (kind:op category:activation) must both hold
    Map<String, BooleanQuery.Builder> byField = new LinkedHashMap<>();
    var words = new ArrayList<String>();
    for (String word : query.strip().split("\\s+")) {
      int colon = word.indexOf(':');
      String field = colon > 0 ? word.substring(0, colon).toLowerCase(Locale.ROOT) : "";
      if (Fields.FILTERS.contains(field) && colon < word.length() - 1) {
        byField
            .computeIfAbsent(field, f -> new BooleanQuery.Builder())
            .add(
                new TermQuery(new Term(field, word.substring(colon + 1).toLowerCase(Locale.ROOT))),
                BooleanClause.Occur.SHOULD);
      } else if (!word.isEmpty()) {
        words.add(word);
      }
    }
    String rest = String.join(" ", words);
    if (rest.isEmpty() && byField.isEmpty()) {
      return null;
    }
    List<Query> filters = new ArrayList<>();
    byField.values().forEach(either -> filters.add(either.build()));
    Query main = rest.isEmpty() ? new MatchAllDocsQuery() : matching.match(rest);
    return Matching.filtered(main, kinds, filters);
  }

  /**
   * What a name written by a user stands for, among entities of {@code kinds} (empty: all). A name
   * whose letters and digits equal those of an id, name or alias resolves to it ({@code
   * iphone15pro}, {@code "A17 Pro"}); with {@code loose}, so does the one entity having all its
   * words among its names ({@code iphone_12_mini} for {@code "12 mini"}). A name that fits several
   * is ambiguous (best first), never a guess; typos never resolve ({@link #suggest}).
   */
  public Resolution resolve(String text, Collection<String> kinds, boolean loose) {
    String name = PlainText.clip(text);
    if (GluedName.of(name).isEmpty()) {
      return Resolution.none();
    }
    List<String> exact =
        index.run(Matching.filtered(matching.glued(name), kinds, List.of()), 10).stream()
            .map(Hit::id)
            .toList();
    if (exact.size() == 1) {
      return Resolution.of(exact.get(0));
    }
    if (exact.size() > 1) {
      return Resolution.ambiguous(exact);
    }
    List<String> words = matching.words(name);
    if (!loose || words.isEmpty()) {
      return Resolution.none();
    }
    Query all =
        new BooleanQuery.Builder()
            .add(matching.allWords(words), BooleanClause.Occur.MUST)
            .add(matching.match(name), BooleanClause.Occur.SHOULD)
            .build();
    List<Hit> hits = index.run(Matching.filtered(all, kinds, List.of()), 6);
    if (hits.isEmpty()) {
      return Resolution.none();
    }
    if (hits.size() == 1) {
      return Resolution.of(hits.get(0).id());
    }
    return Resolution.ambiguous(hits.stream().map(Hit::id).limit(5).toList());
  }

  /**
   * The closest entity ids to a name that resolved to nothing, nearest first, for "did you mean".
   * Only candidates of the given kinds are returned.
   */
  public List<String> suggest(String text, Collection<String> kinds, int limit) {
    String name = PlainText.clip(text);
    if (GluedName.of(name).length() < 2) {
      return List.of();
    }
    return index.run(Matching.filtered(matching.near(name), kinds, List.of()), limit).stream()
        .map(Hit::id)
        .toList();
  }
}
