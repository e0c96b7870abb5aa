package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import dev.devq.kb.OsVersion;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.model.FusedAttention;
import dev.devq.model.Layer;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import dev.devq.view.ExplainTable;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Core ML's PyTorch converter emits the fused scaled_dot_product_attention op only for a deployment
 * target that has it (iOS 18 / macOS 15 on) and lowers it otherwise, so a prediction for an older
 * release costs the lowered layers. Before, {@code latency(qwen3_0_6b, iphone_13_pro, os = "iOS
 * 16")} was an error (no unit runs the fused op there), a model no converter would have built.
 */
class FusedAttentionLoweringTest {

  /** The rule itself: a release the op's first release on every unit is later than. */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "fused",
      textBlock =
          """
      iOS 16    | iOS 18 / macOS 15
      iOS 17    | iOS 18 / macOS 15
      iOS 18    | fused
      iOS 26    | fused
      macOS 14  | iOS 18 / macOS 15
      macOS 15  | fused
      iPadOS 17 | iOS 18 / macOS 15
      """)
  void aReleaseBeforeTheOpsFirstLowersIt(String release, String since) {
    var op = DevqAssertions.kb().ops().get(FusedAttention.OP);
    String first = Converter.firstRelease(op, OsVersion.parse(release));
    assertEquals(since == null ? "" : since, first, release);
  }

  /**
   * Whole predictions: the fused op present or absent, the release asked for or the newest the
   * target runs (an iPhone X and its A11 stop at iOS 16, an iPhone XS at iOS 18). {@code lowered}:
   * the release the note names, or {@code -} when nothing is; {@code layers}: how many.
   */
  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(qwen3_0_6b, iphone_13_pro, os = "iOS 16")                  | iOS 16   | 28
      latency(quantize(qwen3_0_6b, w4), iphone_15_pro, os = "iOS 17")    | iOS 17   | 28
      latency(qwen3_0_6b, iphone_15_pro, os = "iOS 18")                  | -        | 0
      latency(qwen3_0_6b, iphone_15_pro)                                 | -        | 0
      latency(qwen3_0_6b, iphone_xs)                                     | -        | 0
      latency(qwen3_0_6b, iphone_x)                                      | iOS 16   | 28
      latency(qwen3_0_6b, a11)                                           | iOS 16   | 28
      latency(llama_3_1_8b(phase = prefill), m3, os = "macOS 14")        | macOS 14 | 32
      latency(llama_3_1_8b(phase = prefill), m3, os = "macOS 15")        | -        | 0
      latency(mobilenet_v2, iphone_x)                                    | -        | 0
      latency(distilbert(seq = 128), iphone_13_pro, os = "iOS 16")       | -        | 0
      """)
  void theFusedOpIsLoweredForAnOlderRelease(String query, String lowered, int layers) {
    Prediction p = prediction(query);
    boolean fusedLeft = p.model().layers().stream().anyMatch(l -> FusedAttention.OP.equals(l.op()));
    if (lowered.equals("-")) {
      assertTrue(p.lowerings().isEmpty(), query);
      assertFalse(names(p).contains("attention_1.sdpa.qk"), query);
      return;
    }
    assertFalse(fusedLeft, "no fused layer is left: " + query);
    assertEquals(1, p.lowerings().size(), query);
    Lowering l = p.lowerings().get(0);
    assertEquals(lowered, l.release().toString(), query);
    assertEquals("iOS 18 / macOS 15", l.since());
    assertEquals("attention_1.sdpa", l.replaced());
    assertEquals(Converter.SOURCE, l.source());
    assertTrue(DevqAssertions.kb().sources().containsKey(l.source()), "the rule is sourced");
    assertEquals(
        List.of("mul", "batch_matmul", "add", "softmax", "batch_matmul"),
        l.by().stream().map(Layer::op).toList());
    assertEquals(layers, l.layers(), "every fused layer of the model: " + query);
    assertEquals(layers, names(p).stream().filter(n -> n.endsWith(".sdpa.qk")).count(), query);
  }

  /**
   * The lowered layers take their shapes from the attention's own: Qwen3's 16 query heads over a
   * 1024-position cache of 8 key/value heads of 128. Their work is the fused op's plus the query's
   * scaling and the mask, and the two matmuls read the cache the fused op read.
   */
  @Test
  void theLoweredLayersKeepTheAttentionsShapesAndWork() {
    Prediction fused = prediction("latency(qwen3_0_6b, iphone_15_pro)");
    Prediction lowered = prediction("latency(qwen3_0_6b, iphone_15_pro, os = \"iOS 17\")");
    Layer sdpa = layer(fused, "attention_1.sdpa");
    Map<String, Layer> parts =
        lowered.model().layers().stream()
            .filter(l -> l.name().startsWith("attention_1.sdpa."))
            .collect(Collectors.toMap(l -> l.name().substring(17), Function.identity()));
    assertEquals("[16,1,128]", parts.get("scale").output().toString());
    assertEquals("[16,1,1024]", parts.get("qk").output().toString());
    assertEquals("[16,1,128]", parts.get("qk").input().toString(), "reads the scaled query");
    assertEquals("[16,1,1024]", parts.get("softmax").input().toString());
    assertEquals(sdpa.output(), parts.get("av").output());
    long scores = 16 * 1024;
    long work = parts.values().stream().mapToLong(Layer::flops).sum();
    assertEquals(sdpa.flops() + 16 * 128 + scores, work, "the scaling and the mask are extra");
    assertEquals(sdpa.macs(), parts.values().stream().mapToLong(Layer::macs).sum());
    long cache = parts.values().stream().mapToLong(Layer::stateElements).sum();
    assertEquals(sdpa.stateElements(), cache);
    assertEquals(1024L * 8 * 128, parts.get("qk").stateElements(), "the keys");
    assertEquals(fused.model().stateBytes(), lowered.model().stateBytes());
    assertEquals(fused.model().params(), lowered.model().params());
    assertEquals(fused.model().label(), lowered.model().label());
  }

  /**
   * The scores are a tensor of their own once lowered: a Llama 2 prefill over 4096 positions holds
   * 32 heads × 4096 × 4096 of them twice (softmax's input and output), 2.1 GB at fp16.
   */
  @Test
  void loweredScoresCountInPeakMemory() {
    String m = "llama_2_7b(phase = prefill, context = 4096), mac_studio_m2_ultra";
    double fused = DevqAssertions.quantity("memory(" + m + ")").value();
    double lowered = DevqAssertions.quantity("memory(" + m + ", os = \"macOS 14\")").value();
    assertTrue(lowered - fused > 1.5e9, fused + " vs " + lowered);
  }

  /** explain names the lowered layers and says why, with the source of the converter's rule. */
  @Test
  void explainSaysWhyTheLayersWereLowered() {
    String text = ExplainTable.render(prediction("latency(qwen3_0_6b, iphone_x)"), false);
    assertTrue(text.contains("attention_28.sdpa.softmax"), text);
    assertTrue(text.contains("lowered    28 scaled_dot_product_attention layers into"), text);
    assertTrue(text.contains("iOS 16 predates the fused op (iOS 18 / macOS 15)"), text);
    assertTrue(text.contains("[coremltools_torch_frontend]"), text);
  }

  /**
   * A fused layer written out ({@code explicit:}) has no shapes to lower from: it stays, and under
   * an older release no unit runs it, an error at the {@code os} argument.
   */
  @Test
  void aWrittenOutFusedLayerStaysAndIsRefusedAtTheRelease() throws Exception {
    Devq devq =
        Devq.load(List.of(DevqAssertions.projectDir().resolve("src/test/resources/models-extra")));
    String at = "latency(written_out_sdpa, m3, units = cpu_and_gpu";
    Interpreter.Run ok = DevqAssertions.run(devq, at + ")");
    assertTrue(ok.ok(), DiagnosticRenderer.render(ok.diagnostics()));
    Interpreter.Run refused = DevqAssertions.run(devq, at + ", os = \"macOS 14\")");
    assertFalse(refused.ok());
    assertEquals(DiagnosticCode.UNSUPPORTED, refused.diagnostics().get(0).code());
    String text = DiagnosticRenderer.render(refused.diagnostics());
    assertTrue(text.contains("GPU support starts with iOS 18 / macOS 15"), text);
    assertTrue(text.contains(":1:" + (at.length() + 8)), "the caret is under the os argument");
  }

  private static Prediction prediction(String query) {
    var x = DevqAssertions.interpreter().evaluate(new SourceText("<q>", query), Session.EMPTY);
    assertTrue(x.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(x.diagnostics()));
    return (Prediction) x.estimate();
  }

  private static List<String> names(Prediction p) {
    return p.model().layers().stream().map(Layer::name).toList();
  }

  private static Layer layer(Prediction p, String name) {
    return p.model().layers().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow();
  }
}
