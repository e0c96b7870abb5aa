package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ModelProfile;
import dev.devq.kb.ProfileLoader;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every zoo model's computed parameters and MACs against its published reference. */
class ModelZooTest {
  private static final double PARAMS_TOLERANCE = 0.02;
  private static final double MACS_TOLERANCE = 0.05;

  @TestFactory
  Stream<DynamicTest> computedFiguresMatchPublishedOnes() {
    KnowledgeBase kb = DevqAssertions.kb();
    return kb.models().values().stream()
        .map(
            profile ->
                DynamicTest.dynamicTest(
                    profile.id(),
                    () -> {
                      ModelBuilder.Result r =
                          ModelBuilder.build(profile, Map.of(), kb.ops().keySet());
                      assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
                      Model m = r.model();
                      Reference ref = m.reference();
                      assertTrue(
                          ref.params().present() && ref.macs().present(),
                          profile.id() + " needs reference params and macs");
                      assertWithin(
                          profile.id() + " params",
                          ref.params().value().value(),
                          m.params(),
                          PARAMS_TOLERANCE);
                      assertWithin(
                          profile.id() + " MACs",
                          ref.macs().value().value(),
                          m.macs(),
                          MACS_TOLERANCE);
                    }));
  }

  /** Fails, naming both figures, when {@code computed} is off {@code published} by more. */
  static void assertWithin(String what, double published, double computed, double tolerance) {
    double diff = Math.abs(computed - published) / published;
    assertTrue(
        diff <= tolerance,
        String.format(
            java.util.Locale.ROOT,
            "%s: computed %.4g vs published %.4g (%.1f%% off)",
            what,
            computed,
            published,
            diff * 100));
  }

  @Test
  void mobilenetV2MatchesThePaperAtHalfWidthAnd160() {
    Model m = build("mobilenet_v2", Map.of("width", 0.5, "resolution", 160.0));
    assertWithin("MobileNetV2 0.5@160 MACs (paper: 50M)", 50e6, m.macs(), MACS_TOLERANCE);
  }

  @Test
  void resNet50HasItsTorchvisionCounts() {
    Model m = build("resnet50", Map.of());
    assertEquals(25_557_032, m.params(), 25_557_032 * 0.005);
    assertWithin("ResNet-50 MACs", 4.09e9, m.macs(), 0.02);
  }

  @Test
  void decodeStateGrowsWithContext() {
    Model short_ = build("llama_3_1_8b", Map.of("context", 512.0));
    Model long_ = build("llama_3_1_8b", Map.of("context", 8192.0));
    assertEquals(16.0, long_.stateBytes() / short_.stateBytes(), 1e-9);
  }

  @Test
  void int4SizeOfLlamaIsFourToFourAndAHalfGigabytes() {
    Model q = Transforms.quantize(build("llama_3_1_8b", Map.of()), "w4");
    assertTrue(q.weightBytes() > 4e9 && q.weightBytes() < 4.5e9, "size " + q.weightBytes());
  }

  @Test
  void compressionChangesBytesNotWork() {
    Model m = build("resnet50", Map.of());
    Model p = Transforms.palettize(m, 4);
    assertEquals(m.flops(), p.flops());
    assertEquals(0.25, p.weightBytes() / m.weightBytes(), 0.01);
    assertTrue(Transforms.prune(m, 0.75).weightBytes() < m.weightBytes() * 0.35);
  }

  @Test
  void brokenModelFileGivesOneErrorPerProblemWithPositions() {
    var loaded =
        ProfileLoader.load(
            List.of(
                DevqAssertions.projectDir().resolve("profiles"),
                DevqAssertions.projectDir().resolve("src/test/resources/models-bad")));
    assertTrue(loaded.ok(), () -> DiagnosticRenderer.render(loaded.diagnostics()));
    ModelProfile broken = loaded.knowledgeBase().models().get("broken_net");
    ModelBuilder.Result r =
        ModelBuilder.build(broken, Map.of(), loaded.knowledgeBase().ops().keySet());
    List<Diagnostic> ds = r.diagnostics();
    assertEquals(3, ds.size(), DiagnosticRenderer.render(ds));
    assertTrue(ds.get(0).message().contains("unknown op or block 'conv2dd'"), ds.get(0).message());
    assertEquals("did you mean 'conv2d'?", ds.get(0).notes().get(0));
    assertTrue(
        ds.get(1).message().contains("residual add of mismatched shapes"), ds.get(1).message());
    assertTrue(ds.get(2).message().contains("repeat must be"), ds.get(2).message());
    for (Diagnostic d : ds) {
      assertTrue(d.position().matches(".*broken_net.yaml:\\d+:\\d+"), d.position());
    }
  }

  static Model build(String id, Map<String, Object> params) {
    KnowledgeBase kb = DevqAssertions.kb();
    ModelBuilder.Result r = ModelBuilder.build(kb.models().get(id), params, kb.ops().keySet());
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    return r.model();
  }
}
