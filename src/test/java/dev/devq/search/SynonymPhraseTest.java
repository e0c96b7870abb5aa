package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A synonym of several words matches as a phrase, never through one of its words: relu's "rectified
 * linear unit" does not reach elu ("exponential linear unit") or glu ("gated linear unit"), and
 * gelu's "gaussian error linear unit" does not reach quantize (alias quantize_linear) or gru
 * (gated_recurrent_unit).
 */
class SynonymPhraseTest {
  private static List<String> ids(String query, int limit) {
    return DevqAssertions.engine().index().search(query, List.of("op"), limit).stream()
        .map(Hit::id)
        .toList();
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      relu                       | relu relu6 leaky_relu thresholded_relu clamped_relu prelu
      gelu                       | gelu
      rectified linear unit      | relu
      gaussian error linear unit | gelu
      gru                        | gru
      gated recurrent unit       | gru
      sdpa                       | scaled_dot_product_attention
      layer norm                 | layer_norm
      torch.nn.LayerNorm         | layer_norm
      global average pooling     | global_avg_pool
      transposed convolution     | conv_transpose2d
      dense layer                | linear
      """)
  void listsTheseFirstInOrder(String query, String expected) {
    List<String> first = List.of(expected.split(" "));
    assertEquals(first, ids(query, 10).subList(0, Math.min(10, first.size())), query);
  }

  @ParameterizedTest(name = "{0}: {1} before {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      relu                  | leaky_relu    | elu
      relu                  | prelu         | gelu
      relu                  | clamped_relu  | glu
      rectified linear unit | relu          | glu
      rectified linear unit | leaky_relu    | elu
      layer norm            | layer_norm    | group_norm
      transposed convolution| conv_transpose2d | conv2d
      """)
  void ranksAboveOrAlone(String query, String above, String below) {
    List<String> got = ids(query, 30);
    assertTrue(got.contains(above), query + ": " + got);
    assertTrue(!got.contains(below) || got.indexOf(above) < got.indexOf(below), query + ": " + got);
  }

  @ParameterizedTest(name = "{0}: none of {2} in the first {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      relu | 6  | elu glu gelu linear linear_activation
      gelu | 5  | quantize dequantize gru glu elu linear
      gru  | 5  | glu elu gelu
      sdpa | 5  | linear reduce_prod scaled_tanh
      """)
  void neverReachedThroughOneWordOfAPhrase(String query, int first, String absent) {
    List<String> got = ids(query, first);
    for (String id : absent.split(" ")) {
      assertFalse(got.contains(id), query + ": " + got);
    }
  }

  @ParameterizedTest(name = "{0}: words {1}; phrases {2}; typed words of a phrase {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      relu                  | relu                       | rectified linear unit          |
      rectified linear unit | relu                       | rectified linear unit          | rectified linear unit
      conv2d                | conv2d conv 2 d convolution |                                |
      dense layer           | linear fc gemm dense layer | fully connected                |
      layer norm            | layernorm                  | layer normalization,layer norm | layer norm
      """)
  void readsWordsAndPhrasesFromTheSynonymGraph(
      String text, String words, String phrases, String phraseWords) {
    NameTerms terms = DevqAssertions.engine().index().matching().nameTerms(text);
    assertEquals(sorted(words), terms.words().stream().distinct().sorted().toList(), text);
    List<List<String>> expectedPhrases =
        phrases == null
            ? List.of()
            : Arrays.stream(phrases.split(",")).map(p -> List.of(p.split(" "))).toList();
    assertEquals(
        expectedPhrases.stream().map(List::toString).sorted().toList(),
        terms.phrases().stream().map(List::toString).sorted().toList(),
        text);
    assertEquals(
        phraseWords == null ? List.of() : sorted(phraseWords),
        terms.phraseWords().stream().sorted().toList(),
        text);
  }

  private static List<String> sorted(String words) {
    return Arrays.stream(words.split(" ")).sorted().toList();
  }
}
