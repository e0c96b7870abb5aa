package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.model.ModelBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch norm or activation folds into the layer before it only where both run on one unit: after
 * a convolution the Neural Engine refuses (a dilated one on an A12 or A13 under iOS 14) the batch
 * norm, which the converter folded into the convolution's weights, runs where the convolution does
 * at no cost of its own, and the relu either stays on the convolution's unit, fused there, or pays
 * its own time on the engine, its vector path by formula plus data and dispatch. None is charged
 * nothing on a unit its producer did not run on, and the total is the sum of what each layer is
 * charged.
 */
class FoldAcrossUnitsTest {
  private static final KnowledgeBase KB = DevqAssertions.knowledgeBaseWith("fold-models");
  private static final CostModel COST = new CostModel(KB);

  private static Prediction estimate(String model, String soc, String os, UnitSet units) {
    var built = ModelBuilder.build(KB.models().get(model), Map.of(), KB.ops().keySet());
    assertTrue(built.ok(), () -> DiagnosticRenderer.render(built.diagnostics()));
    var s = KB.socs().get(soc);
    var conditions =
        new Conditions(
            Thermal.of(ThermalState.NOMINAL),
            units,
            1,
            Start.WARM,
            os.equals("newest") ? null : OsVersion.parse(os),
            Runtime.COREML);
    return COST.estimate(built.model(), new Target(soc, s, KB.deviceOf(s)), conditions);
  }

  private static int index(Prediction p, String name) {
    List<LayerCost> layers = p.layers();
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).layer().name().equals(name)) {
        return i;
      }
    }
    throw new AssertionError("no layer " + name);
  }

  /** The engine's vector path over the layer's fp16 output, as {@code VectorPathTest} works it. */
  private static double vectorSeconds(Prediction p, LayerCost c) {
    double peak = UnitRates.peak(p.target().soc(), ComputeUnit.ANE, p.model().format());
    double rate = peak * COST.coefficients().get("output.ane") * p.thermalFactor();
    return c.layer().output().elements() * 2.0 * p.conditions().batch() / rate;
  }

  /** The dispatch a unit charges a layer that does not fold: that of its first layer there. */
  private static double dispatchOn(Prediction p, ComputeUnit unit) {
    return p.layers().stream()
        .filter(c -> c.unit() == unit && !c.folded())
        .findFirst()
        .orElseThrow()
        .overhead();
  }

  @ParameterizedTest(name = "{0} on {1} ({2}, units = {3})")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      dilated_block          | a13 | iOS 14 | ALL
      dilated_block          | a13 | iOS 14 | CPU_AND_NE
      dilated_block          | a12 | iOS 14 | ALL
      dilated_block          | a12 | iOS 14 | CPU_AND_NE
      dilated_block          | a16 | newest | ALL
      deeplabv3_mobilenet_v3 | a13 | iOS 14 | ALL
      deeplabv3_mobilenet_v3 | a13 | iOS 14 | CPU_AND_NE
      deeplabv3_mobilenet_v3 | a12 | iOS 14 | CPU_AND_NE
      """)
  void noLayerFoldsIntoALayerOnAnotherUnit(String model, String soc, String os, UnitSet units) {
    Prediction p = estimate(model, soc, os, units);
    List<LayerCost> layers = p.layers();
    double sum = p.switchTime() + p.fixedTime();
    for (int i = 0; i < layers.size(); i++) {
      LayerCost c = layers.get(i);
      sum += c.time();
      assertEquals(
          Math.max(c.computeTime(), c.memoryTime()) + c.outputTime() + c.overhead(),
          c.time(),
          0,
          c.layer().name());
      if (i > 0 && c.unit() != layers.get(i - 1).unit()) {
        String name = c.layer().name() + " on the " + c.unit() + " after a switch";
        assertFalse(c.folded(), name + " is not folded");
        assertEquals(dispatchOn(p, c.unit()), c.overhead(), 0, name + " pays its dispatch");
        assertTrue(c.time() > 0, name + " costs time");
      }
    }
    assertEquals(sum, p.warmLatency(), sum * 1e-12, "the total is the sum of its parts");
  }

  /**
   * What the layers after the dilated convolution are charged. {@code stays}: on the convolution's
   * unit, fused (compute, no data or dispatch); {@code own}: on the engine after the convolution
   * ran elsewhere, at its vector path's time, its data and its dispatch, or, a relu after a batch
   * norm the engine runs, fused into it; {@code folded}: all on the engine, the fold taken as
   * before.
   */
  @ParameterizedTest(name = "{0} on {1} ({2}, units = {3}): {4} after {5} is {6}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      dilated_block          | a13 | iOS 14 | ALL        | batch_norm_2                | conv2d_2                | in weights
      dilated_block          | a13 | iOS 14 | ALL        | relu_2                      | conv2d_2                | stays or own
      dilated_block          | a13 | iOS 14 | CPU_AND_NE | batch_norm_2                | conv2d_2                | in weights
      dilated_block          | a13 | iOS 14 | CPU_AND_NE | relu_2                      | conv2d_2                | stays or own
      dilated_block          | a12 | iOS 14 | ALL        | batch_norm_2                | conv2d_2                | in weights
      dilated_block          | a12 | iOS 14 | CPU_AND_NE | batch_norm_2                | conv2d_2                | in weights
      deeplabv3_mobilenet_v3 | a13 | iOS 14 | ALL        | aspp_branch_2/batch_norm_48 | aspp_branch_2/conv2d_3  | in weights
      deeplabv3_mobilenet_v3 | a13 | iOS 14 | ALL        | aspp_branch_2/relu_21       | aspp_branch_2/conv2d_3  | stays or own
      deeplabv3_mobilenet_v3 | a13 | iOS 14 | CPU_AND_NE | aspp_branch_4/batch_norm_50 | aspp_branch_4/conv2d_5  | in weights
      deeplabv3_mobilenet_v3 | a13 | iOS 14 | CPU_AND_NE | aspp_branch_4/relu_23       | aspp_branch_4/conv2d_5  | stays or own
      dilated_block          | a13 | iOS 14 | CPU_AND_NE | batch_norm_1                | conv2d_1                | folded
      dilated_block          | a13 | iOS 14 | CPU_AND_NE | relu_1                      | conv2d_1                | folded
      dilated_block          | a16 | newest | ALL        | batch_norm_2                | conv2d_2                | folded
      dilated_block          | a16 | newest | ALL        | relu_2                      | conv2d_2                | folded
      dilated_block          | a16 | newest | ALL        | relu_3                      | conv2d_3                | folded
      """)
  void aFoldIsTakenOnlyOnTheProducersUnit(
      String model,
      String soc,
      String os,
      UnitSet units,
      String name,
      String producer,
      String role) {
    Prediction p = estimate(model, soc, os, units);
    int i = index(p, name);
    LayerCost c = p.layers().get(i);
    LayerCost before = p.layers().get(i - 1);
    if (role.equals("in weights")) {
      LayerCost conv = p.layers().get(index(p, producer));
      assertFalse(conv.unit() == ComputeUnit.ANE, "the engine refuses the dilated convolution");
      assertEquals(
          conv.unit(), c.unit(), name + " runs where the convolution it is folded into does");
      assertTrue(c.folded(), name + " folded into " + producer + "'s weights");
      assertEquals(0, c.time(), "no compute, data or dispatch of its own");
      return;
    }
    if (role.equals("folded")) {
      assertEquals(ComputeUnit.ANE, p.layers().get(index(p, producer)).unit(), "the producer");
      assertEquals(ComputeUnit.ANE, before.unit(), "the layer before");
      assertEquals(ComputeUnit.ANE, c.unit());
      assertTrue(c.folded(), "folded into " + before.layer().name());
      assertEquals(0, c.time(), "no compute, data or dispatch of its own");
      return;
    }
    LayerCost conv = p.layers().get(index(p, producer));
    assertEquals("dilated_conv2d", conv.layer().op());
    assertFalse(conv.unit() == ComputeUnit.ANE, "the engine refuses the dilated convolution");
    if (c.unit() == before.unit()) {
      assertTrue(c.folded(), name + " fused into " + before.layer().name());
      assertEquals(0, c.memoryTime(), "no data of its own");
      assertEquals(0, c.overhead(), "no dispatch of its own");
      // the CPU and the GPU compute a fused layer; the engine folds it into the pass before
      assertEquals(c.unit() != ComputeUnit.ANE, c.computeTime() > 0, "its compute");
      return;
    }
    assertEquals(ComputeUnit.ANE, c.unit(), name + " leaves for the engine");
    assertFalse(c.folded(), "what it would fold into ran on the " + before.unit());
    double vector = vectorSeconds(p, c);
    assertEquals(vector, c.computeTime(), vector * 1e-9, "its vector path");
    assertTrue(c.memoryTime() > 0, "its data");
    assertEquals(dispatchOn(p, ComputeUnit.ANE), c.overhead(), 0, "its dispatch");
    double expected = Math.max(vector, c.memoryTime()) + c.overhead();
    assertEquals(expected, c.time(), expected * 1e-9, "its time, by formula");
  }
}
