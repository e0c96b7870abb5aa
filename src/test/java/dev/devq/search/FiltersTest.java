package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code category:} filter naming no category, and a word that misspells a filter's field, are
 * refused with the nearest: the first said only "nothing matches", the second was searched as a
 * word and listed ops that merely mention it.
 */
class FiltersTest {
  private static String problem(String query) {
    return Filters.unknown(DevqAssertions.engine().index(), query);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      category:nrmalization        | unknown category 'nrmalization' in category:nrmalization
      gelu category:               | category: names no category
      catgory:activation           | unknown filter 'catgory:' in catgory:activation
      relu Kinds:op                | unknown filter 'kinds:' in Kinds:op
      """)
  void aFaultyFilterIsNamed(String query, String start) {
    String problem = problem(query);
    assertTrue(problem.startsWith(start), problem);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "category:normalization",
        "Category:Activation gelu",
        "kind:op layer norm",
        "aten::gelu",
        "torch.nn.functional:gelu",
        "layer norm"
      })
  void aKnownFilterOrAColonInANameIsFine(String query) {
    assertEquals("", problem(query));
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      category:nrmalization | category:normalization
      catgory:activation    | category:activation
      """)
  void theNearestFilterIsSuggested(String query, String meant) {
    assertTrue(problem(query).endsWith("(did you mean '" + meant + "'?)"), problem(query));
  }
}
