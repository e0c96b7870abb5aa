package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.query.eval.Interpreter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A decoder's {@code context} is the window a step attends over, its {@code tokens} new ones
 * included. Before, {@code llama_2_7b(context = 16, tokens = 64)} was costed (121 ms on an M2
 * Ultra) with 64 new tokens attending over 16 keys, a step no cache can hold, and a prefill dropped
 * a {@code tokens} it never reads. Both are now refused at the argument; a window full of new
 * tokens, or a prefill whose tokens are its context, still runs.
 */
class DecoderWindowTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(llama_2_7b(phase = decode, context = 4096, tokens = 4096), mac_studio_m2_ultra, runtime = llama_cpp) | | |
      latency(llama_3_1_8b(phase = decode, context = 131072, tokens = 4096), mac_studio_m2_ultra)                 | | |
      latency(opt_1_3b(context = 2048), iphone_15_pro, units = cpu_and_ne)                                         | | |
      latency(qwen3_0_6b(context = 8, tokens = 8), iphone_15_pro)                                                  | | |
      latency(llama_2_7b(phase = prefill, context = 512), mac_studio_m2_ultra)                                     | | |
      latency(llama_2_7b(phase = prefill, context = 512, tokens = 512), mac_studio_m2_ultra)                       | | |
      latency(llama_2_7b(phase = prefill, context = 512, tokens = 1), mac_studio_m2_ultra)                         | | |
      ttft(llama_2_7b(context = 4096), mac_studio_m2_ultra, runtime = llama_cpp)                                   | | |
      decode_rate(qwen3_0_6b(context = 1), iphone_15_pro)                                                          | | |
      latency(llama_2_7b(context = 1024, tokens = 2048), mac_studio_m2_ultra)                                      | a decode step of 'llama_2_7b' with tokens = 2048 needs a context of at least 2048, found context = 1024 | raise context to at least 2048, or lower tokens                    | 2048
      latency(llama_3_1_8b(phase = decode, context = 4095, tokens = 4096), m1_max)                                 | a decode step of 'llama_3_1_8b' with tokens = 4096 needs a context of at least 4096, found context = 4095 | raise context to at least 4096                                     | 4096
      latency(qwen3_0_6b(context = 16, tokens = 32), iphone_15_pro)                                                | a decode step of 'qwen3_0_6b' with tokens = 32 needs a context of at least 32, found context = 16         | its new tokens included                                            | 32
      latency(opt_1_3b(tokens = 4096), iphone_15_pro)                                                              | a decode step of 'opt_1_3b' with tokens = 4096 needs a context of at least 4096, found context = 1024     | 'opt_1_3b' attends over at most 2048 positions, so lower tokens     | 4096
      latency(quantize(llama_2_13b(context = 8, tokens = 9), q4_0), m2_max, runtime = llama_cpp)                   | a decode step of 'llama_2_13b' with tokens = 9 needs a context of at least 9, found context = 8            | raise context to at least 9                                        | 9
      ttft(llama_3_8b(context = 4, tokens = 8), mac_studio_m2_ultra)                                               | a decode step of 'llama_3_8b' with tokens = 8 needs a context of at least 8, found context = 4            | raise context to at least 8                                        | 8
      latency(llama_3_70b(phase = prefill, context = 512, tokens = 8), mac_studio_m2_ultra)                        | a prefill of 'llama_3_70b' takes all context = 512 positions as new tokens, found tokens = 8             | leave tokens out: a prefill's new tokens are its whole context      | 8
      latency(llama_2_70b(tokens = 600, phase = prefill, context = 512), mac_studio_m2_ultra)                      | a prefill of 'llama_2_70b' takes all context = 512 positions as new tokens, found tokens = 600           | tokens sets how many of the context positions a decode step         | 600
      """)
  void aStepItsWindowCannotHoldIsRefusedAtTheTokensArgument(
      String query, String message, String hint, String caretOn) {
    DevqAssertions.assertRunsOrBadValue(query, message, hint);
    if (message != null) {
      Interpreter.Run run = DevqAssertions.run(query);
      Diagnostic d = run.diagnostics().get(0);
      String marked = query.substring(d.span().start(), d.span().end());
      assertEquals(caretOn, marked, DiagnosticRenderer.render(run.diagnostics()));
      assertTrue(query.contains("tokens = " + marked), query);
    }
  }

  /** A model file whose own defaults break the rule is refused when the profiles load. */
  @Test
  void defaultsOutsideTheWindowAreAPositionedProfileError() {
    KnowledgeBase kb = DevqAssertions.knowledgeBaseWith("models-window");
    List<Diagnostic> found =
        ModelValidation.check(kb, List.of(kb.models().get("decoder_window_default"))).diagnostics();
    assertEquals(1, found.size(), DiagnosticRenderer.render(found));
    assertTrue(
        found
            .get(0)
            .message()
            .contains(
                "a decode step of 'decoder_window_default' with tokens = 8 needs a context of at"
                    + " least 8, found context = 4"),
        found.get(0).message());
    assertTrue(
        found.get(0).position().endsWith("decoder_window_default.yaml:9:11"),
        found.get(0).position());
  }

  /**
   * ttft and decode_rate set the phase and the new tokens themselves (a prefill's are its whole
   * context, a decode step adds one), so a model whose own step adds more than one token works in
   * both, as latency does.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ttft(decoder_four_tokens, iphone_15_pro)
      decode_rate(decoder_four_tokens, iphone_15_pro)
      latency(decoder_four_tokens, iphone_15_pro)
      latency(decoder_four_tokens(phase = prefill), iphone_15_pro)
      """)
  void ttftAndDecodeRateSetTheirOwnStepWhateverTheDefault(String query) throws Exception {
    Devq devq =
        Devq.load(List.of(DevqAssertions.projectDir().resolve("src/test/resources/models-tokens")));
    Interpreter.Run run = DevqAssertions.run(devq, query);
    assertTrue(run.ok(), () -> DiagnosticRenderer.render(run.diagnostics()));
  }
}
