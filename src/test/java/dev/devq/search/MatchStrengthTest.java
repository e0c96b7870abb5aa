package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A search says how sure each hit is: a name of the entity, every distinctive word among its names,
 * or only a weak match (common words such as torch.nn, or prose) that must not pass for an answer.
 */
class MatchStrengthTest {
  private static SearchIndex index() {
    return DevqAssertions.engine().index();
  }

  @ParameterizedTest(name = "{0}: {1} is {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      torch.nn.LayerNorm              | layer_norm      | EXACT
      layer norm                      | layer_norm      | EXACT
      layrnorm                        | layer_norm      | NAME
      dilated conv                    | dilated_conv2d  | EXACT
      dilated conv                    | conv2d          | WEAK
      depthwise separable convolution | depthwise_conv2d| NAME
      dense layer                     | linear          | NAME
      """)
  void marksHowEachHitMatched(String query, String id, Hit.Strength expected) {
    List<Hit> hits = index().search(query, List.of("op"), 10);
    Hit hit = hits.stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
    assertEquals(expected, hit.strength(), query + " → " + hits);
  }

  @Test
  void aWordThatNamesNothingLeavesOnlyWeakMatches() {
    String query = "torch.nn.functional.frobnicate";
    List<Hit> hits = index().search(query, List.of("op"), 5);
    assertTrue(hits.stream().allMatch(h -> h.strength() == Hit.Strength.WEAK), hits.toString());
    assertEquals(List.of("frobnicate"), index().unmatchedWords(query));
  }

  @Test
  void commonAndGenericWordsAreNeverReportedAsUnmatched() {
    assertEquals(List.of(), index().unmatchedWords("torch.nn.functional.gelu"));
    assertEquals(List.of(), index().unmatchedWords("dense layer"));
  }
}
