package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Vocabulary#near} remembers its answers: remembered, forgotten or fresh, they agree. */
class VocabularyTest {
  private static final List<String> WORDS =
      List.of("layernorm", "layernorm2d", "groupnorm", "batchnorm", "iphone15pro", "iphone14pro");

  @Test
  void rememberedAnswersAreFreshAnswers() {
    var remembering = new Vocabulary(WORDS);
    assertEquals(
        List.of(List.of("layernorm"), List.of(), List.of("layernorm2d")),
        remembering.near("layernorm", 2));
    for (int pass = 0; pass < 2; pass++) {
      for (String w : List.of("layrnorm", "iphone15pro", "iphone15", "batchnrom", "xyz")) {
        for (int edits = 0; edits <= 2; edits++) {
          assertEquals(new Vocabulary(WORDS).near(w, edits), remembering.near(w, edits), w);
        }
      }
    }
  }

  @Test
  void answersStayRightPastTheBound() {
    var v = new Vocabulary(WORDS);
    List<String> asked = new ArrayList<>();
    for (int i = 0; i < Vocabulary.REMEMBERED + 50; i++) {
      asked.add("layernorm" + i);
    }
    asked.forEach(w -> v.near(w, 2));
    // The first were dropped, the last kept: both agree with a fresh vocabulary.
    for (String w : List.of(asked.get(0), asked.get(asked.size() - 1), "layrnorm")) {
      assertEquals(new Vocabulary(WORDS).near(w, 2), v.near(w, 2), w);
    }
  }

  /**
   * The letter sets skip only words out of reach: for typos of every glued name of the knowledge
   * base (a tenth of them: a letter dropped, doubled, changed or two swapped), the scan finds what
   * the distance of every word of the same length range finds.
   */
  @Test
  void theLetterSetsSkipNoWordWithinReach() {
    var kb = dev.devq.DevqAssertions.kb();
    var glued = new java.util.TreeSet<String>();
    java.util.stream.Stream.concat(kb.ids().stream(), kb.names().keySet().stream())
        .map(GluedName::of)
        .filter(g -> !g.isEmpty())
        .forEach(glued::add);
    var v = new Vocabulary(glued);
    int checked = 0;
    int i = 0;
    for (String w : glued) {
      if (i++ % 10 != 0) {
        continue; // a tenth of the names: every distance of every word is slow to compute
      }
      int m = w.length() / 2;
      for (String typo :
          List.of(
              w.substring(0, m) + w.substring(Math.min(w.length(), m + 1)),
              w.substring(0, m) + w.charAt(m % w.length()) + w.substring(m),
              w.substring(0, m) + 'q' + w.substring(Math.min(w.length(), m + 1)),
              w.length() < 2 ? w : w.substring(1, 2) + w.charAt(0) + w.substring(2),
              w + "_x9")) {
        for (int edits = 1; edits <= 2; edits++) {
          assertEquals(everyDistance(glued, typo, edits), v.near(typo, edits), typo);
          checked++;
        }
      }
    }
    assertTrue(checked > 300, "typos checked: " + checked);
  }

  /** What the scan finds without the letter sets: the distance to every word, by distance. */
  private static List<List<String>> everyDistance(
      java.util.Collection<String> words, String word, int maxEdits) {
    List<List<String>> out = new ArrayList<>();
    for (int d = 0; d <= maxEdits; d++) {
      out.add(new ArrayList<>());
    }
    for (String w : words) {
      int d = dev.devq.lang.Suggestions.distance(word, w);
      if (d <= maxEdits) {
        out.get(d).add(w);
      }
    }
    return out;
  }

  @Test
  void rememberedAnswersCannotBeChanged() {
    var near = new Vocabulary(WORDS).near("layrnorm", 1);
    assertThrows(UnsupportedOperationException.class, () -> near.get(1).add("other"));
    assertThrows(UnsupportedOperationException.class, () -> near.add(List.of()));
  }
}
