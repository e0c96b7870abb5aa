package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code upsample} carries its interpolation: a bilinear output reads its 2 × 2 neighbours, four
 * times a nearest one's work, which the cost model charges as the layer's FLOPs (an upsample had no
 * mode, so both cost the same). Unequal whole factors are {@code scale_h} and {@code scale_w}, each
 * kept on the layer for the Neural Engine's scale-factor limit. Fixtures: {@code
 * src/test/resources/models-upsample/models}.
 */
class UpsampleModeTest {
  private static KnowledgeBase kb;

  @BeforeAll
  static void load() {
    kb = DevqAssertions.knowledgeBaseWith("models-upsample");
  }

  @Test
  void aBilinearUpsampleReadsFourInputsPerOutputANearestOne() {
    List<Layer> layers = build("upsample_modes").layers();
    Layer nearest = layers.get(0);
    assertEquals("[8,32,32]", nearest.output().toString());
    assertEquals("nearest", nearest.attribute("mode", ""));
    assertEquals(nearest.output().elements(), nearest.flops());
    Layer bilinear = layers.get(1);
    assertEquals("bilinear", bilinear.attribute("mode", ""));
    assertEquals(4 * bilinear.output().elements(), bilinear.flops());
  }

  @Test
  void unequalFactorsScaleEachAxis() {
    Layer wide = build("upsample_modes").layers().get(2);
    assertEquals("[8,64,96]", wide.output().toString());
    assertEquals("2", wide.attribute("scale_h", ""));
    assertEquals("3", wide.attribute("scale_w", ""));
    assertEquals("", wide.attribute("scale", ""));
  }

  @Test
  void anUnknownModeIsRefusedNamingTheChoices() {
    List<Diagnostic> ds =
        ModelBuilder.build(kb.models().get("upsample_cubic"), Map.of(), kb.ops().keySet())
            .diagnostics();
    assertFalse(ds.isEmpty());
    String text = DiagnosticRenderer.render(ds);
    assertTrue(text.contains("mode must be one of [nearest, bilinear], found 'bicubic'"), text);
    assertTrue(text.contains("upsample_cubic.yaml:9:"), text);
  }

  private static Model build(String id) {
    ModelBuilder.Result r = ModelBuilder.build(kb.models().get(id), Map.of(), kb.ops().keySet());
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    return r.model();
  }
}
