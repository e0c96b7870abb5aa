package dev.devq.search;

import dev.devq.lang.Remembered;
import dev.devq.lang.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * Every glued name of the index ({@code layernorm}, {@code iphone15pro}), sorted, for typo and
 * prefix matching. A few thousand short words: scanning them with a bounded edit distance takes
 * microseconds, where Lucene's {@code FuzzyQuery} compiles a Levenshtein automaton per query
 * (milliseconds for two edits of a long name).
 *
 * <p>The words never change once the index is open, so {@link #near} remembers its answers: a
 * search asks for the same glued word several times (the name, then each fallback), and a session
 * often repeats a query.
 */
final class Vocabulary {
  /** Distinct (word, edits) answers kept; each is a few short lists. */
  static final int REMEMBERED = 512;

  private final NavigableSet<String> words;

  /** The words in order, and the letters each holds ({@link #letters}), for {@link #scan}. */
  private final String[] sorted;

  private final long[] letters;

  private final Remembered<String, List<List<String>>> nearby = new Remembered<>(REMEMBERED);

  Vocabulary(Collection<String> words) {
    this.words = new TreeSet<>(words);
    this.sorted = this.words.toArray(String[]::new);
    this.letters = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      letters[i] = letters(sorted[i]);
    }
  }

  /**
   * The set of characters of a word as bits: a to z and 0 to 9 each their own, anything else one
   * shared bit. An edit removes at most one character and adds at most one, so it changes at most
   * two bits (a swap none): words whose sets differ in more than {@code 2 × maxEdits} bits are
   * farther apart than {@code maxEdits}, and {@link #scan} skips their distance, which was most of
   * the scan and a tenth of a warm search's time (JFR, a loop of new searches).
   */
  static long letters(String word) {
    long bits = 0;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      int bit = c >= 'a' && c <= 'z' ? c - 'a' : c >= '0' && c <= '9' ? 26 + c - '0' : 63;
      bits |= 1L << bit;
    }
    return bits;
  }

  /**
   * The words within {@code maxEdits} (adjacent swaps count one) of {@code word}, by distance;
   * unmodifiable.
   */
  List<List<String>> near(String word, int maxEdits) {
    return nearby.get(maxEdits + ":" + word, key -> scan(word, maxEdits));
  }

  private List<List<String>> scan(String word, int maxEdits) {
    List<List<String>> byDistance = new ArrayList<>();
    for (int d = 0; d <= maxEdits; d++) {
      byDistance.add(new ArrayList<>());
    }
    long own = letters(word);
    for (int i = 0; i < sorted.length; i++) {
      String w = sorted[i];
      if (Math.abs(w.length() - word.length()) <= maxEdits
          && Long.bitCount(own ^ letters[i]) <= 2 * maxEdits) {
        int d = Suggestions.distanceAtMost(word, w, maxEdits);
        if (d <= maxEdits) {
          byDistance.get(d).add(w);
        }
      }
    }
    return byDistance.stream().map(List::copyOf).toList();
  }

  /** The words that start with {@code prefix}, itself included. */
  List<String> startingWith(String prefix) {
    List<String> out = new ArrayList<>();
    for (String w : words.tailSet(prefix, true)) {
      if (!w.startsWith(prefix)) {
        break;
      }
      out.add(w);
    }
    return out;
  }
}
