package dev.devq.lang;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Picks and words every "did you mean" of devq, so all of them behave alike.
 *
 * <p>Distance is case-insensitive optimal-string-alignment Damerau–Levenshtein, at most 3; inputs
 * under 3 characters get no suggestion (too many near misses); a candidate that differs only in its
 * separators ({@code _ - .} and spaces) scores a quarter point; one that contains the input, or is
 * contained in it, scores half the length difference; an anagram (swapped letters) scores half a
 * point less; ties break alphabetically.
 */
public final class Suggestions {
  private static final int MAX_DISTANCE = 3;
  private static final int MAX_LISTED = 5;

  private Suggestions() {}

  /** The closest candidate, or the empty string when none is close enough. */
  public static String closest(String input, Collection<String> candidates) {
    List<String> ranked = ranked(input, candidates);
    return ranked.isEmpty() ? "" : ranked.get(0);
  }

  /** Up to five candidates, nearest first. */
  public static List<String> ranked(String input, Collection<String> candidates) {
    if (input.codePointCount(0, input.length()) < 3) {
      return List.of();
    }
    String needle = input.toLowerCase(Locale.ROOT);
    record Scored(String candidate, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (String candidate : candidates) {
      String hay = candidate.toLowerCase(Locale.ROOT);
      if (candidate.equals(input)) {
        continue;
      }
      // a candidate that differs only in case scores 0 below, the nearest there is: 'JSON' was
      // skipped as if it were the word itself, and 'csv' suggested for it
      double score;
      if (joined(needle).equals(joined(hay))) {
        // only the separators differ ('q4km', 'q4-k-m' for q4_k_m): nearer than any edit, which
        // would rank q4_0 (two substitutions) with q4_k_m (two insertions) and pick it first
        score = 0.25;
      } else if (hay.contains(needle) || needle.contains(hay)) {
        score = Math.abs(hay.length() - needle.length()) / 2.0;
      } else {
        score = distance(needle, hay);
        if (sameLetters(needle, hay)) {
          score -= 0.5; // swapped letters are the commonest typo: 'a71' is nearer 'a17' than 'a11'
        }
      }
      if (score <= MAX_DISTANCE) {
        scored.add(new Scored(candidate, score));
      }
    }
    return scored.stream()
        .sorted(Comparator.comparingDouble(Scored::score).thenComparing(Scored::candidate))
        .map(Scored::candidate)
        .distinct()
        .limit(MAX_LISTED)
        .toList();
  }

  /** The note line for a suggestion, or the empty string when there is none. */
  public static String didYouMean(String input, Collection<String> candidates) {
    String best = closest(input, candidates);
    return best.isEmpty() ? "" : meant(best);
  }

  /** The note line for a suggestion known without a search, e.g. the ASCII form of {@code ３３}. */
  public static String meant(String suggestion) {
    return "did you mean '" + suggestion + "'?";
  }

  /** The word without its separators: {@code q4_k_m}, {@code q4-k-m} and {@code q4km} alike. */
  private static String joined(String word) {
    return word.replace("_", "").replace("-", "").replace(".", "").replace(" ", "");
  }

  private static boolean sameLetters(String a, String b) {
    char[] x = a.toCharArray();
    char[] y = b.toCharArray();
    java.util.Arrays.sort(x);
    java.util.Arrays.sort(y);
    return java.util.Arrays.equals(x, y);
  }

  /** Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions). */
  public static int distance(String a, String b) {
    return distanceAtMost(a, b, Math.max(a.length(), b.length()));
  }

  /**
   * {@link #distance} when it is at most {@code max}, else {@code max + 1}. Search scans every word
   * of its vocabulary with a small bound on each query: this stops at the first row whose entries
   * all pass the bound (no later entry can come back under it, since a transposition costs no less
   * than the substitution path through the row between) and keeps three rows, not a table. Only the
   * band of each row within {@code max} of the diagonal is computed: an entry further off is at
   * least its distance from the diagonal, and reads as {@code max + 1}, which any path through it
   * already exceeds; for a long name and two edits that is a fifth of the row.
   */
  public static int distanceAtMost(String a, String b, int max) {
    int n = b.length();
    int over = max + 1;
    if (Math.abs(a.length() - n) > max) {
      return over; // the lengths alone differ by more
    }
    if (n == 0) {
      return a.length();
    }
    int[] before = new int[n + 1];
    int[] prev = new int[n + 1];
    int[] row = new int[n + 1];
    for (int j = 0; j <= n; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      int lo = Math.max(1, i - max);
      int hi = Math.min(n, i + max);
      row[0] = i;
      // the entries beside the band, read by the next rows, hold an older row's values
      row[lo - 1] = lo > 1 ? over : i;
      if (hi < n) {
        row[hi + 1] = over;
      }
      int least = lo > 1 ? over : i;
      for (int j = lo; j <= hi; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(prev[j] + 1, row[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, before[j - 2] + 1);
        }
        row[j] = best;
        least = Math.min(least, best);
      }
      if (least > max) {
        return over;
      }
      int[] spare = before;
      before = prev;
      prev = row;
      row = spare;
    }
    return Math.min(prev[n], over);
  }
}
