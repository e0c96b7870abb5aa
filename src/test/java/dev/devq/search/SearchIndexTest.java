package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchIndexTest {
  private static SearchIndex index() {
    return DevqAssertions.devq().engine().index();
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', textBlock = """
      layer norm          | layer_norm
      layrnorm            | layer_norm
      torch.nn.LayerNorm  | layer_norm
      LayerNormalization  | layer_norm
      torch.nn.GELU       | gelu
      sdpa                | scaled_dot_product_attention
      swish               | silu
      dilated conv        | dilated_conv2d
      deconv              | conv_transpose2d
      """)
  void findsOpsByAnySpelling(String query, String expected) {
    List<Hit> hits = index().search(query, List.of("op"), 5);
    assertTrue(!hits.isEmpty(), "no hits for " + query);
    assertEquals(expected, hits.get(0).id(), query + " → " + hits);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(delimiter = '|', textBlock = """
      mobilenet_v3 | model  | mobilenet_v3_small
      iphone15pro  | device | iphone_15_pro
      a71          | soc    | a17_pro
      """)
  void suggestsCloseNames(String name, String kind, String expected) {
    assertTrue(index().suggest(name, List.of(kind), 5).contains(expected), index().suggest(name, List.of(kind), 5).toString());
  }
}
