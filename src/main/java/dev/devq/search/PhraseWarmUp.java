package dev.devq.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The phrase path of a search run until the just-in-time compiler has compiled it, for the REPL's
 * warm-up. A text a synonym of several words touches (typed as "layer norm", or standing for one as
 * "relu" does) takes code no other text takes: the synonym graph's chains read ({@link NameTerms}),
 * the phrase clauses built and scored ({@link KnownPhraseQuery}). The warm-up's searches hold such
 * a text about thirty times in eight hundred, under the couple of hundred calls after which a
 * method is compiled, so a user's first phrase ran interpreted: about half a millisecond more than
 * any other first search (docs/history/performance-log.md). Each round here reads and ranks every
 * such text afresh (nothing of it is remembered, so each round runs the whole path), about a tenth
 * of a second of one core in all; the session's answers are the same with or without it ({@code
 * WarmSearchTest}).
 */
public final class PhraseWarmUp {
  /** Texts read and ranked in all: past the calls after which the compiler takes a method. */
  static final int RUNS = 320;

  private PhraseWarmUp() {}

  /**
   * Reads and ranks the phrase texts until {@link #RUNS} have run or {@code stop} says so (the
   * user's first search has come).
   */
  public static void run(SearchIndex index, BooleanSupplier stop) {
    List<String> texts = texts();
    for (int i = 0; i < RUNS && !stop.getAsBoolean(); i++) {
      String text = texts.get(i % texts.size());
      index.matching().readNameTerms(text);
      index.opened().all(index.parse(text, List.of()));
    }
  }

  /**
   * Each synonym of several words, and every other synonym of its group: the phrase typed, and the
   * words that stand for one ("relu" for "rectified linear unit").
   */
  static List<String> texts() {
    Set<String> out = new LinkedHashSet<>();
    for (String[] group : Synonyms.GROUPS) {
      List<String> each = List.of(group);
      if (each.stream().anyMatch(s -> s.contains(" "))) {
        out.addAll(each);
      }
    }
    return new ArrayList<>(out);
  }
}
