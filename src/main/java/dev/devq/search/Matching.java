package dev.devq.search;

import dev.devq.kb.Deferred;
import dev.devq.lang.Remembered;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.QueryBuilder;

/**
 * Builds the Lucene queries of {@link SearchIndex}. The boosts rank how sure a match is: the whole
 * text is an id or alias (20 × BM25) or is one with separators and case ignored (12 × BM25), every
 * word of it is among an entity's name words (3 × BM25), single words or synonyms match (2 × BM25;
 * a phrase of several words only whole, {@link NameTerms}), and prose matches last (0.3 × BM25).
 * The glued text being a typo of a name scores a constant, about what a BM25 match of that boost
 * would: 20 for one word, 7.5 for several (one edit from "iphone 15" is "iphone x"), less per edit;
 * being a prefix of a name scores 3, and 2.25 or 1.5 more when the name is one or two letters
 * longer. A typo only stands in for what the user could not spell: when the text reaches names as
 * typed (it starts a name, or each of its words is a name word), a typo of another name scores
 * under every such match ({@link #TYPO_OF_ANOTHER_NAME}).
 */
final class Matching {
  /** How much a typo of each edit distance (0, 1, 2) counts of a full match. */
  private static final float[] TYPO_WEIGHT = {1f, 0.75f, 0.5f};

  /**
   * The boost of a typo of another name when the text reaches names as typed: under the 3 of a
   * prefix and under a name word's BM25 (for every name word of the catalog, {@code
   * TypedBeforeTypoTest}), so "conv" lists every convolution (conv1d, conv3d, pointwise_conv2d, …)
   * before cond, one edit away, rather than between them.
   */
  private static final float TYPO_OF_ANOTHER_NAME = 0.5f;

  /** The boost of a name that starts with the text. */
  private static final float PREFIX = 3;

  private final Analyzer names;
  private final Analyzer words;
  private final Vocabulary vocabulary;
  private final Predicate<String> nameWord;

  /**
   * Recent analyses: a search splits its text into words twice (its query, then its match
   * strengths) and each distinctive word into its name terms, which the words of earlier searches
   * (the REPL's warm-up's among them) mostly share; an analysis costs tens of microseconds.
   */
  private final Remembered<String, List<String>> wordsOf = new Remembered<>(1024);

  private final Remembered<String, NameTerms> nameTermsOf = new Remembered<>(1024);

  /**
   * @param names the query analyzer of every field (names with synonyms, English prose)
   * @param words splits names into words without synonyms or unsplit originals; both are read
   *     through {@link AnyThreadAnalyzer}, so the chains the REPL's warm-up made serve its user
   * @param vocabulary every glued name, for typos and prefixes
   * @param nameWord whether some entity has a word among its name words: asked of a text a typo
   *     away from a name it does not start, and last of all a query's parts, since the index it
   *     reads may still be opening
   */
  Matching(Analyzer names, Analyzer words, Vocabulary vocabulary, Predicate<String> nameWord) {
    this.names = new AnyThreadAnalyzer(names);
    this.words = new AnyThreadAnalyzer(words);
    this.vocabulary = vocabulary;
    this.nameWord = nameWord;
  }

  /** The ranked match of free text against every name and, weakly, the prose. */
  Query match(String text) {
    var q = new BooleanQuery.Builder();
    String glued = GluedName.of(text);
    List<String> split = words(text);
    q.add(
        boost(new TermQuery(new Term(Fields.EXACT, text.toLowerCase(Locale.ROOT))), 20),
        BooleanClause.Occur.SHOULD);
    if (!glued.isEmpty()) {
      q.add(boost(new TermQuery(new Term(Fields.GLUED, glued)), 12), BooleanClause.Occur.SHOULD);
      if (glued.length() >= 4) {
        q.add(nearlyTheText(glued, split.size()), BooleanClause.Occur.SHOULD);
        q.add(prefixed(glued, PREFIX), BooleanClause.Occur.SHOULD);
      }
    }
    NameTerms withSynonyms = nameTerms(text);
    if (!withSynonyms.isEmpty()) {
      q.add(boost(withSynonyms.query(), 2), BooleanClause.Occur.SHOULD);
    }
    if (split.size() > 1) {
      // every word of the query among an entity's names: "dilated conv" prefers dilated_conv2d to
      // conv2d
      q.add(boost(allWords(split), 3), BooleanClause.Occur.SHOULD);
    }
    Query prose;
    synchronized (names) { // one thread at a time reads the shared stream, as in terms()
      prose =
          new QueryBuilder(names).createBooleanQuery(Fields.TEXT, text, BooleanClause.Occur.SHOULD);
    }
    if (prose != null) {
      q.add(boost(prose, 0.3f), BooleanClause.Occur.SHOULD);
    }
    if (glued.length() >= 4) {
      // last: its weight may ask the index for name words, which the warm-up of SearchIndex.open
      // (a text with such typos) waits for; every analysis of the text is warm by then
      q.add(typosOfOtherNames(text, glued, split.size()), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  /** Names equal to the text, ignoring case, or whose letters and digits are exactly its own. */
  Query exact(String text) {
    return new BooleanQuery.Builder()
        .add(
            new TermQuery(new Term(Fields.EXACT, text.toLowerCase(Locale.ROOT))),
            BooleanClause.Occur.SHOULD)
        .add(glued(text), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * Entities matched by name rather than by a shared common word: a name within a typo or two of
   * the whole text, a name holding a phrase of it that a synonym names or that synonym ("rectified
   * linear unit" names relu), or every one of {@code distinctive} among its name words (each word
   * or one of its synonyms: "dense layer" is linear), less {@code missable} of them (a long phrase
   * may hold a word that names nothing, like "separable" in "depthwise separable convolution").
   */
  Query named(String text, List<String> distinctive, int missable) {
    var q = new BooleanQuery.Builder().add(exact(text), BooleanClause.Occur.SHOULD);
    NameTerms typedPhrases = nameTerms(text).typedPhrases();
    if (!typedPhrases.isEmpty()) {
      q.add(typedPhrases.query(), BooleanClause.Occur.SHOULD);
    }
    String glued = GluedName.of(text);
    if (glued.length() >= 4) {
      q.add(typos(glued, typoEdits(glued), 1), BooleanClause.Occur.SHOULD);
    }
    if (!distinctive.isEmpty()) {
      var each = new BooleanQuery.Builder();
      for (String w : distinctive) {
        each.add(nameTerms(w).named(), BooleanClause.Occur.SHOULD);
      }
      each.setMinimumNumberShouldMatch(distinctive.size() - missable);
      q.add(each.build(), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  /**
   * The glued names a typo or two from the whole text that {@link #named} admits (one edit under
   * seven letters, none under four), nearest first.
   */
  List<String> namedTypos(String text) {
    String glued = GluedName.of(text);
    if (glued.length() < 4) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    vocabulary.near(glued, typoEdits(glued)).forEach(out::addAll);
    return out;
  }

  /**
   * Whether a text reaches names as typed: it starts a glued name (itself included), or each of its
   * words, or a synonym of that word, is a name word. "conv" starts conv2d and "self" is a word of
   * self_attention; "layrnorm", the "nrom" of "layer nrom" and "m1ro" are none: the parts the
   * analyzer cuts a word into (m, 1, ro) are no words the user wrote.
   */
  private boolean reachesNames(String text, String glued) {
    if (!vocabulary.startingWith(glued).isEmpty()) {
      return true;
    }
    List<String> typed = typedWords(text);
    return !typed.isEmpty() && typed.stream().allMatch(this::namesHold);
  }

  /**
   * Whether a word, or a one-word synonym of it (not one of its parts), is among the name words: a
   * synonym of several words is no word of a name ("unit" does not make relu a name word).
   */
  private boolean namesHold(String word) {
    List<String> parts = words(word);
    return nameTerms(word).words().stream()
        .filter(t -> t.equals(word) || !parts.contains(t))
        .anyMatch(nameWord);
  }

  /**
   * The words as typed, lower-cased: the runs of letters and digits ("torch", "nn", "layernrom").
   */
  private static List<String> typedWords(String text) {
    List<String> out = new ArrayList<>();
    var word = new StringBuilder();
    for (char c : (text.toLowerCase(Locale.ROOT) + " ").toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        word.append(c);
      } else if (word.length() > 0) {
        out.add(word.toString());
        word.setLength(0);
      }
    }
    return out;
  }

  /** The edits a typo of a whole glued text may make: two from seven letters on, else one. */
  static int typoEdits(String glued) {
    return glued.length() >= 7 ? 2 : 1;
  }

  /**
   * The name words and phrases of a text with its synonyms ("dense" → dense, fc, linear, …, and the
   * phrase "fully connected").
   */
  NameTerms nameTerms(String text) {
    return nameTermsOf.get(text, this::readNameTerms);
  }

  /** {@link #nameTerms} read afresh, not remembered ({@link PhraseWarmUp}). */
  NameTerms readNameTerms(String text) {
    // the stream is shared by every thread (AnyThreadAnalyzer): one reads it at a time
    synchronized (names) {
      try (var stream = names.tokenStream(Fields.NAMES, text)) {
        return NameTerms.read(stream);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Names whose letters and digits are exactly those of {@code text} ("iphone15pro"). */
  Query glued(String text) {
    return new TermQuery(new Term(Fields.GLUED, GluedName.of(text)));
  }

  /** The distinct words of a name ({@code "iPhone 15 Pro"} → iphone, 15, pro). */
  List<String> words(String text) {
    return wordsOf.get(text, t -> List.copyOf(new LinkedHashSet<>(terms(words, Fields.NAMES, t))));
  }

  /** Entities having every one of the words among their names. */
  Query allWords(List<String> split) {
    return anyOf(split, split.size());
  }

  /** Near spellings of a name: one or two edits of the glued form, a prefix, or a shared word. */
  Query near(String name) {
    String glued = GluedName.of(name);
    var q = new BooleanQuery.Builder();
    q.add(
        typos(glued, Math.min(2, Math.max(1, glued.length() / 3)), 20), BooleanClause.Occur.SHOULD);
    q.add(prefixed(glued, 2), BooleanClause.Occur.SHOULD);
    List<String> split = words(name);
    if (!split.isEmpty()) {
      q.add(anyOf(split, 0), BooleanClause.Occur.SHOULD);
    }
    return q.build();
  }

  /**
   * Glued names within {@code maxEdits} of {@code glued}, each scoring {@code boost} less per edit.
   */
  private Query typos(String glued, int maxEdits, float boost) {
    var q = new BooleanQuery.Builder();
    List<List<String>> near = vocabulary.near(glued, maxEdits);
    for (int d = 0; d < near.size(); d++) {
      addNames(q, near.get(d), boost * TYPO_WEIGHT[d]);
    }
    return q.build();
  }

  /**
   * The glued text itself as a name, at a typo's full weight (20 for one word; 7.5 for several,
   * since one edit from "iphone 15" is "iphone x"), and the names one or two letters longer that
   * start with it, at a prefix's weight less per added letter: "average pooling" is nearer
   * AveragePooling2D than GlobalAveragePooling2D.
   */
  private Query nearlyTheText(String glued, int words) {
    var q = new BooleanQuery.Builder();
    List<List<String>> near = vocabulary.near(glued, typoEdits(glued));
    addNames(q, near.get(0), typoBoost(words));
    for (int d = 1; d < near.size(); d++) {
      List<String> longer = near.get(d).stream().filter(n -> n.startsWith(glued)).toList();
      addNames(q, longer, PREFIX * TYPO_WEIGHT[d]);
    }
    return q.build();
  }

  /**
   * The names a typo or two from the glued text that do not start with it, less per edit: a typo of
   * one word is likely, so they score as the text would ({@link #typoBoost}), unless the text
   * {@link #reachesNames} as typed, which then was no typo ("conv" is not a misspelt "cond"), and
   * they score {@link #TYPO_OF_ANOTHER_NAME}.
   */
  private Query typosOfOtherNames(String text, String glued, int words) {
    var q = new BooleanQuery.Builder();
    List<List<String>> near = vocabulary.near(glued, typoEdits(glued));
    Supplier<Float> boost =
        Deferred.by(() -> reachesNames(text, glued) ? TYPO_OF_ANOTHER_NAME : typoBoost(words));
    for (int d = 1; d < near.size(); d++) {
      List<String> others = near.get(d).stream().filter(n -> !n.startsWith(glued)).toList();
      if (!others.isEmpty()) {
        addNames(q, others, boost.get() * TYPO_WEIGHT[d]);
      }
    }
    return q.build();
  }

  /**
   * What a typo of the whole text scores: 20 for one word, 7.5 for several, so that a fuzzy match
   * does not outrank names that have every word.
   */
  private static float typoBoost(int words) {
    return words > 1 ? 7.5f : 20;
  }

  private static void addNames(BooleanQuery.Builder q, List<String> glued, float boost) {
    if (!glued.isEmpty()) {
      q.add(boost(gluedIn(glued), boost), BooleanClause.Occur.SHOULD);
    }
  }

  /** Glued names that start with {@code glued}, each scoring {@code boost}. */
  private Query prefixed(String glued, float boost) {
    return boost(gluedIn(vocabulary.startingWith(glued)), boost);
  }

  private static Query gluedIn(List<String> terms) {
    return new TermInSetQuery(Fields.GLUED, terms.stream().map(BytesRef::new).toList());
  }

  /** Restricts a query to entity kinds (empty: all) and to extra filters. */
  static Query filtered(Query main, Collection<String> kinds, List<Query> filters) {
    var b = new BooleanQuery.Builder().add(main, BooleanClause.Occur.MUST);
    filters.forEach(f -> b.add(f, BooleanClause.Occur.FILTER));
    if (!kinds.isEmpty()) {
      var kindQuery = new BooleanQuery.Builder();
      kinds.forEach(
          k -> kindQuery.add(new TermQuery(new Term(Fields.KIND, k)), BooleanClause.Occur.SHOULD));
      b.add(kindQuery.build(), BooleanClause.Occur.FILTER);
    }
    return b.build();
  }

  /** A disjunction of name terms; {@code minimum} > 0 requires that many of them. */
  private static Query anyOf(List<String> terms, int minimum) {
    var distinct = new LinkedHashSet<>(terms);
    var b = new BooleanQuery.Builder();
    for (String t : distinct) {
      b.add(new TermQuery(new Term(Fields.NAMES, t)), BooleanClause.Occur.SHOULD);
    }
    if (minimum > 0) {
      b.setMinimumNumberShouldMatch(Math.min(minimum, distinct.size()));
    }
    return b.build();
  }

  /**
   * The terms an analyzer without synonyms makes of a text, as a bag of words: its only graph is a
   * word beside its parts, and a match of either is what we want. Synonyms are read as a graph
   * ({@link NameTerms}).
   */
  private static List<String> terms(Analyzer a, String field, String text) {
    List<String> out = new ArrayList<>();
    // the stream is shared by every thread (AnyThreadAnalyzer): one reads it at a time
    synchronized (a) {
      try (var stream = a.tokenStream(field, text)) {
        var term = stream.addAttribute(CharTermAttribute.class);
        stream.reset();
        while (stream.incrementToken()) {
          out.add(term.toString());
        }
        stream.end();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static Query boost(Query q, float by) {
    return new BoostQuery(q, by);
  }
}
