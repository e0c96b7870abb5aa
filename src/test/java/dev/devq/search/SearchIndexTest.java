package dev.devq.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchIndexTest {
  private static SearchIndex index() {
    return DevqAssertions.engine().index();
  }

  private static List<String> kinds(String kinds) {
    return kinds.equals("any") ? List.of() : Arrays.asList(kinds.split(" "));
  }

  @ParameterizedTest(name = "{0} ({1})  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iPhone 15 Pro  | device     | iphone_15_pro
      iphone15pro    | device     | iphone_15_pro
      iPhone15,2     | device     | iphone_14_pro
      iPhone16,1     | device     | iphone_15_pro
      A17 Pro        | soc device | a17_pro
      a17-pro        | any        | a17_pro
      A14 Bionic     | soc        | a14
      M4 Max         | soc        | m4_max
      MobileNetV2    | model      | mobilenet_v2
      resnet-50      | model      | resnet50
      Llama 3.1 8B   | model      | llama_3_1_8b
      12 mini        | device     | iphone_12_mini
      LayerNorm      | op         | layer_norm
      """)
  void resolvesNamesWrittenAnyWay(String name, String kinds, String expected) {
    Resolution r = index().resolve(name, kinds(kinds), true);
    assertEquals(Resolution.Status.RESOLVED, r.status(), name + " → " + r);
    assertEquals(expected, r.id());
  }

  @ParameterizedTest(name = "{0} ({1}) fits {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iphone       | device     | iphone_15 iphone_x
      mobilenet    | model      | mobilenet_v2 mobilenet_v3_small
      mobilenet_v3 | model      | mobilenet_v3_large mobilenet_v3_small
      ipad m4      | device     | ipad_pro_m4 ipad_air_m4
      """)
  void listsCandidatesForNamesThatFitSeveral(String name, String kinds, String some) {
    Resolution r = index().resolve(name, kinds(kinds), true);
    assertEquals(Resolution.Status.AMBIGUOUS, r.status(), name + " → " + r);
    List<String> all = index().search(name, kinds(kinds), 40).stream().map(Hit::id).toList();
    for (String id : some.split(" ")) {
      assertTrue(
          r.candidates().contains(id) || all.contains(id), id + " missing for " + name + ": " + r);
    }
  }

  @ParameterizedTest(name = "{0} ({1}) stays unresolved")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      iphone 51 pro  | device
      layrnorm       | op
      a71            | soc
      iphone15pro    | soc
      """)
  void neverResolvesTyposOrOtherKinds(String name, String kinds) {
    assertEquals(Resolution.Status.NONE, index().resolve(name, kinds(kinds), true).status());
  }

  @Test
  void unquotedIdentifiersResolveOnlyWhenSeparatorsAndCaseAloneDiffer() {
    assertTrue(index().resolve("iphone15pro", List.of(), false).resolved());
    assertFalse(index().resolve("12 mini", List.of("device"), false).resolved());
  }

  @ParameterizedTest(name = "{0} ({1})  =>  {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      mobilenet_v3 | model  | mobilenet_v3_small
      iphone15prp  | device | iphone_15_pro
      a71          | soc    | a17_pro
      layr_norm    | op     | layer_norm
      """)
  void suggestsCloseNames(String name, String kind, String expected) {
    List<String> near = index().suggest(name, List.of(kind), 5);
    assertTrue(near.contains(expected), name + " → " + near);
  }

  @Test
  void fieldFiltersRestrictTheResult() {
    List<Hit> norms = index().search("category:normalization", List.of(), 50);
    assertEquals(
        DevqAssertions.kb().ops().values().stream()
            .filter(o -> o.category().equals("normalization"))
            .count(),
        norms.size());
    assertTrue(
        index().search("category:normalization layer", List.of(), 50).stream()
            .allMatch(h -> h.kind().equals("op")));
    assertEquals(
        "layer_norm", index().search("layer category:normalization", List.of(), 5).get(0).id());
    List<Hit> phones = index().search("kind:device iphone 15", List.of(), 5);
    assertEquals("iphone_15", phones.get(0).id());
    assertTrue(phones.stream().allMatch(h -> h.kind().equals("device")));
    assertTrue(index().search("category:nonsense conv", List.of(), 5).isEmpty());
  }

  @Test
  void dropsProseMatchesFarBelowTheBestName() {
    List<String> ids =
        index().search("attention", List.of("op"), 20).stream().map(Hit::id).toList();
    assertEquals(List.of("attention", "scaled_dot_product_attention"), ids);
    assertFalse(
        index().search("fp16 overflow", List.of("op"), 5).isEmpty(), "prose alone still finds ops");
  }

  @Test
  void findsOtherEntitiesWhenAsked() {
    assertEquals("iphone_15", index().search("iphone 15", List.of(), 1).get(0).id());
    assertEquals("a14", index().search("a14", List.of(), 1).get(0).id());
    assertEquals("mobilenet_v2", index().search("mobilenet v2", List.of(), 1).get(0).id());
    assertTrue(index().search("   ", List.of(), 5).isEmpty());
  }

  @Test
  void aPastedParagraphIsClippedNotAnErrorOverLucenesClauseLimit() {
    String paragraph =
        String.join(
            " ", java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "word" + i).toList());
    index().search(paragraph, List.of(), 10);
    assertEquals(Resolution.none(), index().resolve(paragraph, List.of(), true));
    index().suggest(paragraph, List.of(), 5);
    assertEquals(PlainText.MAX_WORDS, PlainText.clip(paragraph).split(" ").length);
  }
}
