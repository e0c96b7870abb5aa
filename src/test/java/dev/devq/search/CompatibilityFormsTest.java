package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ProfileLoader;
import dev.devq.lang.CompatibilityForms;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compatibility forms (full-width letters, ligatures) are folded on both sides of the index: a
 * query typed in full width finds an op written plainly ({@link SearchRelevanceTest}), and an op
 * whose profile writes its name in full width or with a ligature is found by the plain spelling.
 * Before, {@code search 'ｌａｙｅｒ ｎｏｒｍ'} found nothing while {@code search 'layer norm'} found
 * LayerNorm.
 */
class CompatibilityFormsTest {
  private static final SearchIndex INDEX =
      SearchIndex.build(
          ProfileLoader.load(
                  List.of(
                      DevqAssertions.projectDir().resolve("profiles"),
                      DevqAssertions.projectDir()
                          .resolve("src/test/resources/search-compatibility")))
              .knowledgeBase());

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          test norm          | test_norm
          filternorm         | test_norm
          ｆｉｌｔｅｒＮｏｒｍ | test_norm
          ｌａｙｅｒ ｎｏｒｍ  | layer_norm
          """)
  void findsTheOpWhicheverSideWroteCompatibilityForms(String query, String expected) {
    List<Hit> hits = INDEX.search(query, List.of("op"), 3);
    assertTrue(!hits.isEmpty(), query + " found nothing");
    assertEquals(expected, hits.get(0).id(), query + ": " + hits);
  }

  /**
   * scaled_dot_product_attention's description writes {@code softmax(QKᵀ/√d + mask)} with a
   * modifier letter ᵀ, which English word splitting keeps inside the word ({@code qkᵀ}): the text
   * is folded before it is split, so {@code QKT} is one of its words and finds it, as the
   * superscript spelling does.
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"QKT", "qkt", "QKᵀ"})
  void findsAnOpByAWordItsDescriptionWritesWithASuperscript(String query) {
    List<Hit> hits = INDEX.search(query, List.of("op"), 3);
    assertTrue(!hits.isEmpty(), query + " found nothing");
    assertEquals("scaled_dot_product_attention", hits.get(0).id(), query + ": " + hits);
  }

  /** The fold skips the normalizer for Latin-1 text: it must agree with it on every character. */
  @Test
  void foldsEveryLatin1CharacterAsTheNormalizerDoes() {
    for (char c = 0; c <= 0xFF; c++) {
      String s = "a" + c + "b";
      assertEquals(
          Normalizer.normalize(s, Normalizer.Form.NFKC),
          CompatibilityForms.fold(s),
          String.format(Locale.ROOT, "U+%04X", (int) c));
    }
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          ｔｅｓｔ＿ｎｏｒｍ | test_norm
          Test norm        | test_norm
          """)
  void resolvesANameWrittenInEitherForm(String name, String expected) {
    assertEquals(expected, INDEX.resolve(name, List.of("op"), true).id(), name);
  }
}
