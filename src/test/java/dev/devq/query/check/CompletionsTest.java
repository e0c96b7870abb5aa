package dev.devq.query.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.unit.Dimensions;
import dev.devq.query.check.Completions.Candidate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Completion knows where the cursor stands: which argument, after a '.', after a number. */
class CompletionsTest {
  private static final Map<String, Type> BINDINGS =
      Map.of("m", Type.MODEL, "budget_ms", Type.quantity(Dimensions.TIME));

  private static Completions completions() {
    return new Completions(DevqAssertions.engine().resolver());
  }

  private static Completions.Result at(String text) {
    return completions().at(text, text.length(), BINDINGS);
  }

  private static Set<String> words(String text) {
    return at(text).candidates().stream()
        .map(Candidate::word)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Test
  void targetSlotOffersTheSocsOfThePrefix() {
    KnowledgeBase kb = DevqAssertions.kb();
    Set<String> expected =
        kb.socs().keySet().stream()
            .filter(s -> s.startsWith("a1"))
            .collect(Collectors.toCollection(TreeSet::new));
    assertTrue(expected.containsAll(List.of("a11", "a16", "a19_pro")), "fixture: " + expected);
    Completions.Result r = at("latency(mobilenet_v2, a1");
    assertEquals(expected, words("latency(mobilenet_v2, a1"));
    assertEquals("latency(mobilenet_v2, ".length(), r.start());
    assertTrue(r.candidates().stream().allMatch(c -> c.group().equals("SoCs")));
  }

  /** {@code iPhone 15} typed with spaces: its devices by id, replacing the words, not units. */
  @Test
  void aMarketedNameWithSpacesOffersTheDevicesItContinues() {
    String text = "latency(mobilenet_v2, iPhone 15";
    Completions.Result r = at(text);
    Set<String> offered = words(text);
    assertTrue(
        offered.containsAll(List.of("iphone_15", "iphone_15_pro", "iphone_15_pro_max")),
        offered.toString());
    assertTrue(offered.stream().allMatch(w -> w.startsWith("iphone_15")), offered.toString());
    assertEquals("latency(mobilenet_v2, ".length(), r.start());
    assertEquals(Set.of("iphone_15_pro", "iphone_15_pro_max"), words(text + " Pro"));
    // the words joined by '_' also name ids, and an SoC is a target too
    assertTrue(words("memory(m, M2 Max").contains("m2_max"), words("memory(m, M2 Max").toString());
    // after a number outside a name's slot, units as before
    assertTrue(words("frame(30").contains("fps"));
  }

  @Test
  void targetSlotOffersDevicesSocsAndFittingVariables() {
    Set<String> all = words("memory(m, ");
    assertTrue(all.containsAll(List.of("iphone_15_pro", "a17_pro", "m4_max")), all.toString());
    assertTrue(
        !all.contains("m") && !all.contains("latency") && !all.contains("mobilenet_v2"),
        all.toString());
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, a16, thr                 | throttled
      latency(mobilenet_v2, a16, state = s           | serious sustained
      latency(mobilenet_v2, a16, units = cpu_and     | cpu_and_gpu cpu_and_ne
      latency(mobilenet_v2, a16, nominal, cpu_o      | cpu_only
      latency(mobilenet_v2, a16, start = c           | cold
      quantize(resnet50, w                           | w4 w8 w8a8
      latency(mobi                                   | mobilenet_v2 mobilenet_v3_large mobilenet_v3_small mobileone_s0
      latency(quantize(m, w8), iphone_15_p           | iphone_15_pro iphone_15_pro_max
      supported(layer_no                             | layer_norm
      33m                                            | mAh mJ mW min ms
      a16.bandwidth * 10ms in M                      | MB MFLOP MiB
      a16.band                                       | bandwidth
      a16.ane.tops_                                  | tops_fp16 tops_int8
      iphone_12.app                                  | app_memory_limit
      ipad_pro_m1.app_memory_limit_                  | app_memory_limit_entitled app_memory_limit_entitled_max app_memory_limit_max
      all d in devices where d.variant_              | variant_gpu_working_set_max variant_ram_max
      m.par                                          | params
      quantize(resnet50, w8).re                      | reference_macs reference_params
      all d in devices where d.app_                  | app_memory_limit
      table d in devices: d.ba                       | battery_wh
      table d in devices, s in socs: d.year, s.ba    | bandwidth
      table s in socs where s.year > 2020: s.ba      | bandwidth
      [d.year for d in devices where d.fo            | form_factor
      [d.year for d in devices, s in socs where s.ba | bandwidth
      argmin d in devices by d.ba                    | battery_wh
      latency(qu                                     | quantize
      latency(p                                      | palettize par precision prune
      latency(s                                      | seq
      seq(mobilenet_v2, qu                           | quantize
      latency(m                                      | m mobilenet_v2
      size(p                                         | palettize precision prune
      [s in so                                       | socs
      let m = late                                   | latency
      budget_                                        | budget_ms
      """)
  void completesByContext(String text, String expected) {
    Set<String> got = words(text);
    Set<String> want = new TreeSet<>(List.of(expected.split(" ")));
    assertTrue(got.containsAll(want), text + " offered " + got);
  }

  /** A pipeline goes only where the function takes one (latency does, size and quantize not). */
  @Test
  void aModelArgumentOffersPipelinesOnlyWhereTheyFit() {
    assertTrue(words("latency(pa").contains("par"));
    assertTrue(!words("size(pa").contains("par"), words("size(pa").toString());
    assertTrue(!words("quantize(s").contains("seq"), words("quantize(s").toString());
    assertTrue(!words("latency(s").contains("size"), "size is no model: " + words("latency(s"));
  }

  @Test
  void aCommaOutsideABindingListBindsNothing() {
    // a list [a, b in …] and a table's columns after ':' bind no variable
    assertTrue(!words("[1, d in ").contains("devices"), words("[1, d in ").toString());
    assertTrue(
        !words("table s in socs: s.year, d in ").contains("devices"),
        words("table s in socs: s.year, d in ").toString());
  }

  @Test
  void expressionStartOffersFunctionsKeywordsAndCollections() {
    Set<String> got = words("");
    assertTrue(
        got.containsAll(List.of("latency", "quantize", "let", "all", "socs", "m", "resnet50")),
        got.toString());
    assertTrue(!got.contains("a16"), "entities only once a prefix narrows them: " + got);
  }

  @Test
  void unitsKeepTheirCase() {
    assertTrue(words("33m").stream().allMatch(w -> w.startsWith("m")), words("33m").toString());
    assertTrue(words("33M").contains("MB"));
  }

  @Test
  void newNamesAreNotCompleted() {
    assertEquals(Set.of(), words("let x"));
  }

  @Test
  void onlyTextBeforeTheCursorCounts() {
    String text = "latency(mobilenet_v2, a1) < 33ms";
    Completions.Result r = completions().at(text, text.indexOf(')'), BINDINGS);
    assertTrue(r.candidates().stream().anyMatch(c -> c.word().equals("a19_pro")));
  }
}
