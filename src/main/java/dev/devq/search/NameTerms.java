package dev.devq.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * What a text asks of the name words once synonyms are added: words that match alone, and phrases
 * that match only whole. A phrase is a synonym of several words ("rectified linear unit" for relu)
 * or the several typed words a synonym stands for ("rectified linear unit" typed, for which relu is
 * added): one of its words alone is not what was meant, so relu does not reach elu ("exponential
 * linear unit") through "linear" or gru ("gated recurrent unit") through "unit". Every other word,
 * typed or a one-word synonym (conv ↔ convolution), matches alone.
 *
 * <p>The words of a typed phrase still match alone, being what the user wrote, but at {@link
 * #PHRASE_WORD} of a word's weight: "layer norm" lists layer_norm first and then the other norms,
 * and "rectified linear unit" lists relu before glu ("gated linear unit").
 *
 * <p>A phrase matches a name holding its words in order ({@code gaussian_error_linear_unit}) or a
 * name that is its words glued ({@code RectifiedLinearUnit}); {@link #phrase} is that rule as a
 * query, and {@code KnownTerms.phraseDocs} reads the same documents from the postings, once per
 * phrase, which a ranked search then scores from ({@link KnownPhraseQuery}).
 *
 * <pre>{@code
 * NameTerms.read(analyzer.tokenStream("names", "relu"))
 *     // words [relu], phrases [[rectified, linear, unit]]
 * }</pre>
 */
record NameTerms(
    List<String> words,
    List<List<String>> phrases,
    List<String> phraseWords,
    List<List<String>> standIns) {
  /**
   * What a typed word of a phrase a synonym names counts alone, of a word's weight: under a third,
   * so that a synonym of one word (relu, of BM25 weight near one of "linear" or "unit") outranks
   * names holding two of the phrase's words.
   */
  static final float PHRASE_WORD = 0.25f;

  NameTerms {
    words = List.copyOf(words);
    phrases = List.copyOf(phrases);
    phraseWords = List.copyOf(phraseWords);
    standIns = List.copyOf(standIns);
  }

  /** Whether the text asks for nothing. */
  boolean isEmpty() {
    return words.isEmpty() && phrases.isEmpty() && phraseWords.isEmpty();
  }

  /**
   * Names holding any of the words or phrases, one clause per term or phrase, and, weaker, the
   * typed words of a phrase alone ({@link #PHRASE_WORD}).
   */
  Query query() {
    var b = new BooleanQuery.Builder();
    for (String w : new LinkedHashSet<>(words)) {
      b.add(new TermQuery(new Term(Fields.NAMES, w)), BooleanClause.Occur.SHOULD);
    }
    for (List<String> p : phrases) {
      b.add(phrase(p), BooleanClause.Occur.SHOULD);
    }
    if (!phraseWords.isEmpty()) {
      var alone = new BooleanQuery.Builder();
      for (String w : new LinkedHashSet<>(phraseWords)) {
        alone.add(new TermQuery(new Term(Fields.NAMES, w)), BooleanClause.Occur.SHOULD);
      }
      b.add(new BoostQuery(alone.build(), PHRASE_WORD), BooleanClause.Occur.SHOULD);
    }
    return b.build();
  }

  /**
   * The names a word or its synonyms name: its words and phrases, not the typed words of a phrase
   * alone ({@code LayerNorm} names layer_norm, not group_norm).
   */
  Query named() {
    return new NameTerms(words, phrases, List.of(), List.of()).query();
  }

  /**
   * The names the typed phrases name: each typed phrase a synonym stands for, and those synonyms
   * ("rectified linear unit" typed names relu), as {@link #named} reads them.
   */
  NameTerms typedPhrases() {
    List<String> single = standIns.stream().filter(p -> p.size() == 1).map(p -> p.get(0)).toList();
    List<List<String>> several = standIns.stream().filter(p -> p.size() > 1).toList();
    return new NameTerms(single, several, List.of(), List.of());
  }

  /**
   * A name holding the words in this order, or whose glued form is the words glued; scored as the
   * better of the two, so an alias that is both ({@code gaussian_error_linear_unit}) counts once.
   */
  static Query phrase(List<String> words) {
    return new DisjunctionMaxQuery(
        List.of(
            new PhraseQuery(Fields.NAMES, words.toArray(String[]::new)),
            new TermQuery(new Term(Fields.GLUED, GluedName.of(String.join(" ", words))))),
        0);
  }

  /** One token of the graph: its term, whether a synonym added it, and the nodes it spans. */
  private record Token(String term, boolean synonym, int from, int to) {}

  /**
   * The words and phrases of an analyzed text. The synonym filter writes a synonym of several words
   * as a chain of tokens through nodes of its own, which no typed word starts or ends at; the typed
   * words it replaces lie between the chain's first and last node.
   */
  static NameTerms read(TokenStream stream) throws IOException {
    List<Token> tokens = tokens(stream);
    Set<Integer> typedNodes = new HashSet<>();
    for (Token t : tokens) {
      if (!t.synonym()) {
        typedNodes.add(t.from());
        typedNodes.add(t.to());
      }
    }
    List<String> words = new ArrayList<>();
    List<List<String>> phrases = new ArrayList<>();
    List<String> phraseWords = new ArrayList<>();
    Set<Token> inTypedPhrase = new HashSet<>();
    List<List<String>> standIns = new ArrayList<>();
    for (Token t : tokens) {
      if (!t.synonym() || !typedNodes.contains(t.from())) {
        continue; // a typed word, or the middle of a chain: read below
      }
      List<String> chain = chain(tokens, t, typedNodes);
      if (chain.size() == 1) {
        words.add(chain.get(0));
      } else if (!chain.isEmpty()) {
        phrases.add(chain);
      }
      List<Token> typed = typedPath(tokens, t.from(), end(tokens, t, typedNodes));
      if (typed.size() > 1) {
        List<String> typedWords = typed.stream().map(Token::term).toList();
        phrases.add(typedWords);
        standIns.add(typedWords);
        if (!chain.isEmpty()) {
          standIns.add(chain);
        }
        inTypedPhrase.addAll(typed);
      }
    }
    for (Token t : tokens) {
      if (!t.synonym()) {
        (inTypedPhrase.contains(t) ? phraseWords : words).add(t.term());
      }
    }
    return new NameTerms(
        words,
        phrases.stream().distinct().toList(),
        phraseWords,
        standIns.stream().distinct().toList());
  }

  private static List<Token> tokens(TokenStream stream) throws IOException {
    var term = stream.addAttribute(CharTermAttribute.class);
    var increment = stream.addAttribute(PositionIncrementAttribute.class);
    var length = stream.addAttribute(PositionLengthAttribute.class);
    var type = stream.addAttribute(TypeAttribute.class);
    List<Token> out = new ArrayList<>();
    int node = -1;
    stream.reset();
    while (stream.incrementToken()) {
      node += increment.getPositionIncrement();
      boolean synonym = SynonymGraphFilter.TYPE_SYNONYM.equals(type.type());
      out.add(new Token(term.toString(), synonym, node, node + length.getPositionLength()));
    }
    stream.end();
    return out;
  }

  /** The terms of the synonym chain starting with {@code first}, through nodes of its own. */
  private static List<String> chain(List<Token> tokens, Token first, Set<Integer> typedNodes) {
    List<String> out = new ArrayList<>(List.of(first.term()));
    Token at = first;
    while (!typedNodes.contains(at.to())) {
      at = next(tokens, at);
      if (at == null) {
        return List.of(); // a chain that never rejoins the typed words: not a graph we know
      }
      out.add(at.term());
    }
    return out;
  }

  /** The last node of the synonym chain starting with {@code first}, or its start if it breaks. */
  private static int end(List<Token> tokens, Token first, Set<Integer> typedNodes) {
    Token at = first;
    while (at != null && !typedNodes.contains(at.to())) {
      at = next(tokens, at);
    }
    return at == null ? first.from() : at.to();
  }

  private static Token next(List<Token> tokens, Token after) {
    for (Token t : tokens) {
      if (t.synonym() && t.from() == after.to()) {
        return t;
      }
    }
    return null;
  }

  /**
   * The typed words from node {@code from} to node {@code to}, each the shortest one starting where
   * the last ended (the parts of {@code LayerNorm}, not the word kept whole beside them); empty
   * when they do not reach {@code to}.
   */
  private static List<Token> typedPath(List<Token> tokens, int from, int to) {
    List<Token> out = new ArrayList<>();
    int node = from;
    while (node < to) {
      Token shortest = null;
      for (Token t : tokens) {
        if (!t.synonym()
            && t.from() == node
            && t.to() <= to
            && (shortest == null || t.to() < shortest.to())) {
          shortest = t;
        }
      }
      if (shortest == null || shortest.to() <= node) {
        return List.of();
      }
      out.add(shortest);
      node = shortest.to();
    }
    return out;
  }
}
