package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.Op;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A word typed in full finds the names it starts or is a word of before names one typo away from
 * it: "conv" lists the convolutions, then (if at all) cond. A typo still finds its name where the
 * text reaches none as typed.
 */
class TypedBeforeTypoTest {
  private static SearchIndex index() {
    return DevqAssertions.engine().index();
  }

  private static List<String> ids(String query, String kinds, int limit) {
    List<String> k = kinds.equals("all") ? List.of() : List.of(kinds.split(" "));
    return index().search(query, k, limit).stream().map(Hit::id).toList();
  }

  @ParameterizedTest(name = "{0} ({1})  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      conv                 | op  | conv2d conv_quantized conv3d conv1d pointwise_conv2d
      tanh                 | op  | tanh scaled_tanh
      band                 | op  | band_part logical_and
      transposed           | op  | conv_transpose2d transpose
      mini                 | all | all_minilm_l6_v2 mac_mini_m4 mac_mini_m6 mac_mini_m1
      average pooling      | op  | avg_pool2d global_avg_pool
      iphone 15            | all | iphone_15 iphone_15_plus iphone_15_pro iphone_15_pro_max
      layrnorm             | op  | layer_norm
      layer nrom           | op  | layer_norm
      torch.nn.LayerNrom   | op  | layer_norm
      sigmod               | op  | sigmoid
      m1ro                 | all | m1_pro
      imac4m1              | all | imac_24_m1
      """)
  void listsTheseFirstInOrder(String query, String kinds, String expected) {
    List<String> first = List.of(expected.split(" "));
    List<String> got = ids(query, kinds, first.size());
    assertEquals(first, got, query);
  }

  @ParameterizedTest(name = "{0}: {1} before {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      conv       | conv2d conv1d conv3d conv_quantized pointwise_conv2d depthwise_conv2d dilated_conv2d conv_transpose2d | cond
      relu       | relu relu6 leaky_relu prelu clamped_relu thresholded_relu                                         | selu
      self       | attention                                                                                         | selu
      tanh       | tanh scaled_tanh                                                                                  | atanh
      quantized  | conv_quantized                                                                                    | quantize
      bound      | threshold                                                                                         | round
      """)
  void ranksWhatTheWordIsPartOfAboveATypoOfAnotherName(
      String query, String direct, String typoOfAnother) {
    List<String> got = ids(query, "op", 40);
    int typo = got.indexOf(typoOfAnother);
    for (String id : direct.split(" ")) {
      int at = got.indexOf(id);
      assertTrue(at >= 0, id + " not found for " + query + ": " + got);
      assertTrue(typo < 0 || at < typo, id + " after " + typoOfAnother + ": " + got);
    }
  }

  /**
   * Over the whole catalog: searched alone, every word of four letters or more of an op's names
   * lists the ops whose names start with it or hold it as a word before any op reached only as a
   * typo of another name (one whose names hold neither the word nor a synonym of it).
   */
  @Test
  void everyNameWordListsItsOwnOpsBeforeTyposOfOthers() {
    SearchIndex index = index();
    Matching matching = index.matching();
    List<Op> ops = List.copyOf(DevqAssertions.kb().ops().values());
    Set<String> words = new TreeSet<>();
    ops.forEach(op -> names(op).forEach(n -> words.addAll(matching.words(n))));
    words.removeIf(w -> w.length() < 4 || !w.chars().allMatch(Character::isLetter));
    List<String> wrong = new ArrayList<>();
    for (String word : words) {
      NameTerms synonyms = matching.nameTerms(word);
      Set<String> typos = new HashSet<>(matching.namedTypos(word));
      int lastDirect = -1;
      int firstTypo = Integer.MAX_VALUE;
      List<Hit> hits = index.search(word, List.of("op"), 15);
      for (int i = 0; i < hits.size(); i++) {
        Op op = DevqAssertions.kb().ops().get(hits.get(i).id());
        boolean direct = false;
        boolean named = false;
        boolean typo = false;
        for (String n : names(op)) {
          List<String> parts = matching.words(n);
          direct |= parts.contains(word) || GluedName.of(n).startsWith(word);
          named |=
              parts.stream().anyMatch(synonyms.words()::contains)
                  || synonyms.phrases().stream()
                      .anyMatch(p -> Collections.indexOfSubList(parts, p) >= 0);
          typo |= typos.contains(GluedName.of(n));
        }
        if (direct) {
          lastDirect = i;
        } else if (typo && !named) {
          firstTypo = Math.min(firstTypo, i);
        }
      }
      if (firstTypo < lastDirect) {
        wrong.add(word + " " + hits.stream().map(Hit::id).toList());
      }
    }
    assertTrue(words.size() > 300, "name words: " + words.size());
    assertEquals(List.of(), wrong);
  }

  private static Set<String> names(Op op) {
    Set<String> out = new LinkedHashSet<>(List.of(op.id(), op.name()));
    out.addAll(op.aliases());
    return out;
  }
}
