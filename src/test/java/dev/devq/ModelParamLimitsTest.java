package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.YamlNode;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A model parameter above the largest value its source gives ({@code param_limits}) is refused at
 * the argument, naming the limit and where it comes from: Llama 2 was trained on 4,096 positions,
 * CLIP's text tower has 77. Before, {@code llama_2_7b(context = 16000)} and {@code
 * clip_vit_b32_text(seq = 1000)} were costed as if the model could take them.
 */
class ModelParamLimitsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(llama_2_7b(context = 4096), mac_studio_m2_ultra, runtime = llama_cpp)  |
      latency(llama_2_7b(context = 4097), mac_studio_m2_ultra, runtime = llama_cpp)  | parameter 'context' of 'llama_2_7b' is at most 4096, found 4097
      memory(llama_3_1_8b(context = 131072), mac_studio_m2_ultra)                      |
      ttft(llama_3_8b(context = 16384), mac_studio_m2_ultra, runtime = llama_cpp)    | parameter 'context' of 'llama_3_8b' is at most 8192, found 16384
      latency(opt_1_3b(context = 4096), iphone_15_pro)                                | parameter 'context' of 'opt_1_3b' is at most 2048, found 4096
      latency(bert_base(seq = 512), iphone_15)                                        |
      latency(bert_base(seq = 513), iphone_15)                                        | parameter 'seq' of 'bert_base' is at most 512, found 513
      latency(clip_vit_b32_text(seq = 1000), iphone_15)                               | parameter 'seq' of 'clip_vit_b32_text' is at most 77, found 1000
      latency(all_minilm_l6_v2(seq = 300), iphone_15)                                 |
      latency(all_minilm_l6_v2(seq = 513), iphone_15)                                 | parameter 'seq' of 'all_minilm_l6_v2' is at most 512, found 513
      """)
  void aParameterAboveItsLargestValueIsRefusedAtTheArgument(String query, String message) {
    DevqAssertions.assertRunsOrBadValue(query, message, "above its largest value");
  }

  /** Every zoo model that takes a sequence or a context says how long one may be. */
  @Test
  void everySequenceModelOfTheZooHasALimit() {
    for (ModelProfile m : DevqAssertions.kb().models().values()) {
      YamlNode.Entry params = m.root().entries().get("params");
      boolean sequence =
          params != null
              && params.value() instanceof YamlNode.Mapping p
              && (p.entries().containsKey("seq") || p.entries().containsKey("context"));
      assertEquals(sequence, m.root().entries().containsKey("param_limits"), m.id());
    }
  }

  /**
   * A mistaken limit is a profile error at its line, like any other; so is a default a query could
   * not give (width: -1 built a model of 1.3M parameters that the query refused as width = -1).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      limit_not_a_param    | 'param_limits' names 'sequence', which is not a number parameter of 'limit_not_a_param' | limit_not_a_param.yaml:9:13
      default_above_limit  | the default seq = 128 is above its largest value, 64                                    | default_above_limit.yaml:9:8
      limit_unknown_source | unknown source 'opt_papr'                                                               | limit_unknown_source.yaml:9:16
      negative_default     | model parameter 'width' must be a number above 0, found -1                               | negative_default.yaml:7:10
      """)
  void aMistakenLimitIsAPositionedProfileError(String id, String message, String position) {
    KnowledgeBase kb = DevqAssertions.knowledgeBaseWith("models-hostile");
    List<Diagnostic> found = ModelValidation.check(kb, List.of(kb.models().get(id))).diagnostics();
    assertEquals(1, found.size(), DiagnosticRenderer.render(found));
    assertTrue(found.get(0).message().contains(message), found.get(0).message());
    assertTrue(found.get(0).position().contains(position), found.get(0).position());
  }
}
