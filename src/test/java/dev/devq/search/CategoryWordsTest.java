package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import dev.devq.kb.Op;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The op category a search's words name: as typed, in the plural, with a typo, or not at all. */
class CategoryWordsTest {
  private static String named(String query) {
    return CategoryWords.named(DevqAssertions.engine().index(), query)
        .map(NamedCategory::id)
        .orElse("-");
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      activation             | activation
      Activation             | activation
      activations            | activation
      actvation              | activation
      activation functions   | activation
      kind:op activation     | activation
      normalization          | normalization
      normalisation          | normalization
      normalization layers   | normalization
      control flow           | control_flow
      control_flow           | control_flow
      ControlFlow            | control_flow
      convolutions           | convolution
      quantisation           | quantization
      element wise           | elementwise
      linear                 | linear
      pooling                | pooling
      embeddings             | embedding
      conv                   | -
      pool                   | -
      relu                   | -
      layer norm             | -
      linear activation      | -
      device                 | -
      iphone                 | -
      layers                 | -
      category:activation    | -
      activation category:activation | -
      kind:device activation | -
      """)
  void findsTheCategoryAQueryNames(String query, String expected) {
    assertEquals(expected, named(query), query);
  }

  /** The index's categories hold the catalog's ops, each category its own, in id order. */
  @Test
  void holdsEveryOpOfEachCategory() {
    Map<String, List<String>> fromCatalog =
        DevqAssertions.kb().ops().values().stream()
            .collect(
                Collectors.groupingBy(
                    Op::category,
                    TreeMap::new,
                    Collectors.mapping(
                        Op::id,
                        Collectors.collectingAndThen(
                            Collectors.toCollection(TreeSet::new), List::copyOf))));
    assertEquals(fromCatalog, DevqAssertions.engine().index().opened().opCategories());
  }
}
