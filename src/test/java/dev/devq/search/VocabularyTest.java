package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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

  @Test
  void rememberedAnswersCannotBeChanged() {
    var near = new Vocabulary(WORDS).near("layrnorm", 1);
    assertThrows(UnsupportedOperationException.class, () -> near.get(1).add("other"));
    assertThrows(UnsupportedOperationException.class, () -> near.add(List.of()));
  }
}
