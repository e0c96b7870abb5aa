package dev.devq.search;

import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * How sure each hit of a search is: named exactly, named by every distinctive word (or a close
 * spelling), or matched only weakly. The exact and named sets are read from the postings of the
 * terms {@link Matching#exact} and {@link Matching#named} would ask for, not by running those
 * queries: each Lucene query pays a set-up (rewriting, weights, a scorer per clause) far larger
 * than reading a few posting lists of an index of a few hundred documents. {@code StrengthsTest}
 * holds the sets equal to the queries' matches.
 */
final class Strengths {
  /** Names of more than this share of all entities are too common to identify one (torch, nn). */
  private static final double COMMON_SHARE = 0.1;

  /** More entities than ever match one query by name. */
  private static final int MAX_STRONG = 500;

  /**
   * Words that say what kind of thing is meant without naming one ("dense layer" is linear), and so
   * never decide whether a name matched.
   */
  static final Set<String> GENERIC =
      Set.of(
          "layer",
          "layers",
          "op",
          "ops",
          "operator",
          "operators",
          "operation",
          "operations",
          "function",
          "functions",
          "module",
          "modules");

  private final OpenIndex index;
  private final Matching matching;

  Strengths(OpenIndex index, Matching matching) {
    this.index = index;
    this.matching = matching;
  }

  /** Marks each hit with how it matched: exactly, by every distinctive name word, or weakly. */
  List<Hit> mark(String text, Collection<String> kinds, List<Hit> hits) {
    List<String> words = words(text);
    if (words.isEmpty()) {
      // only filters (kind:op, category:activation): every hit is what was asked for
      return hits.stream().map(h -> h.withStrength(Hit.Strength.NAME)).toList();
    }
    String rest = String.join(" ", words);
    BitSet exactDocs = exact(rest);
    Set<String> exact = ids(exactDocs, kinds, () -> matching.exact(rest));
    List<String> distinctive = distinctive(words);
    // Words that name nothing at all ("separable" in "depthwise separable convolution") may be
    // left out, as long as one distinctive word matches.
    long namesNothing = distinctive.stream().filter(w -> index.namesWith(w) == 0).count();
    int missable = (int) Math.min(namesNothing, distinctive.size() - 1);
    Set<String> named =
        ids(
            named(rest, exactDocs, distinctive, missable),
            kinds,
            () -> matching.named(rest, distinctive, missable));
    return hits.stream()
        .map(
            h ->
                h.withStrength(
                    exact.contains(h.id())
                        ? Hit.Strength.EXACT
                        : named.contains(h.id()) ? Hit.Strength.NAME : Hit.Strength.WEAK))
        .toList();
  }

  /** The documents {@link Matching#exact} matches: the text as a name, or as a glued name. */
  BitSet exact(String text) {
    BitSet docs = index.docsWith(Fields.EXACT, text.toLowerCase(Locale.ROOT));
    docs.or(index.docsWith(Fields.GLUED, GluedName.of(text)));
    return docs;
  }

  /**
   * The documents {@link Matching#named} matches: {@code exact}, a glued name within its typos, or
   * a name holding all but {@code missable} of the distinctive words (each or a synonym, a phrase
   * whole).
   */
  BitSet named(String text, BitSet exact, List<String> distinctive, int missable) {
    BitSet docs = (BitSet) exact.clone();
    docs.or(named(matching.nameTerms(text).typedPhrases()));
    for (String near : matching.namedTypos(text)) {
      docs.or(index.docsWith(Fields.GLUED, near));
    }
    if (!distinctive.isEmpty()) {
      int needed = distinctive.size() - missable;
      int[] words = new int[index.maxDoc()];
      for (String w : distinctive) {
        named(matching.nameTerms(w)).stream().forEach(d -> words[d]++);
      }
      for (int d = 0; d < words.length; d++) {
        if (words[d] >= needed) {
          docs.set(d);
        }
      }
    }
    return docs;
  }

  /** The documents {@link NameTerms#named} matches: any of the words, or of the phrases whole. */
  private BitSet named(NameTerms terms) {
    BitSet any = new BitSet();
    for (String term : terms.words()) {
      any.or(index.docsWith(Fields.NAMES, term));
    }
    for (List<String> phrase : terms.phrases()) {
      any.or(index.phraseDocs(phrase));
    }
    return any;
  }

  /**
   * The ids of {@code docs} of the given kinds (empty: all); should more than {@link #MAX_STRONG}
   * match, the best of them as the query ranks them, as a ranked query would list them.
   */
  private Set<String> ids(
      BitSet docs, Collection<String> kinds, java.util.function.Supplier<Query> query) {
    Set<String> ids = index.ids(docs, kinds);
    return ids.size() <= MAX_STRONG
        ? ids
        : index.ids(Matching.filtered(query.get(), kinds, List.of()), MAX_STRONG);
  }

  /**
   * The words of a query that no entity has among its names, leaving out words most names share.
   */
  List<String> unmatched(String text) {
    NameTerms terms = matching.nameTerms(String.join(" ", words(text)));
    Set<String> named = new HashSet<>();
    for (List<String> phrase : terms.phrases()) {
      if (terms.phraseWords().containsAll(phrase) && !named(terms.typedPhrases()).isEmpty()) {
        named.addAll(phrase); // a typed phrase a synonym names: "rectified" of relu's long name
      }
    }
    return distinctive(words(text)).stream()
        .filter(w -> index.namesWith(w) == 0 && !named.contains(w))
        .toList();
  }

  /** The query's words that are not filters ({@code kind:op} is not a word to match). */
  private static List<String> words(String text) {
    return QueryWords.of(text).words();
  }

  /**
   * The name words of the query that could identify an entity: not common to many names ({@code
   * torch}, {@code nn}), not generic ({@code layer}), not a lone letter or number ({@code F.}, the
   * {@code 2 d} of {@code conv2d}). All the words when none is left.
   */
  private List<String> distinctive(List<String> queryWords) {
    List<String> split = matching.words(String.join(" ", queryWords));
    int common = (int) Math.ceil(COMMON_SHARE * index.size());
    List<String> rare =
        split.stream()
            .filter(w -> w.length() > 1 && !w.chars().allMatch(Character::isDigit))
            .filter(w -> !GENERIC.contains(w) && index.namesWith(w) < common)
            .toList();
    return rare.isEmpty() ? split : rare;
  }
}
