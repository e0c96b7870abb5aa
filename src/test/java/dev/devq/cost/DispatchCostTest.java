package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.Layer;
import dev.devq.model.Shape;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A layer's dispatch on the CPU or the GPU, worked by hand: work of the CPU's performance cores, so
 * the fitted cost (a 3 GHz core's) scales with the SoC's P-core clock; today's GPU pays the CPU's
 * figure; a measurement made on iOS 13 pays that release's own figure on the GPU, and a user's
 * prediction never does.
 */
class DispatchCostTest {
  private static final double CPU = 40e-6;
  // below the CPU's, so the layer stays on the GPU where the release's own figure is paid
  private static final double GPU_ON_IOS_13 = 20e-6;

  private static CostModel costModel() {
    Map<String, Double> k = new HashMap<>();
    k.put("overhead.cpu", CPU);
    k.put("os13.overhead.gpu", GPU_ON_IOS_13);
    return DevqAssertions.engine().costModel().with(k);
  }

  /** One tiny element-wise layer: its time is its dispatch on either unit. */
  private static LayerCost onlyLayer(String soc, UnitSet units, int osMajor) {
    var layer = new Layer("l", "add", Shape.of(64), Shape.of(64), 64, 64, 0, 0, Map.of());
    var one = OneLayer.of(layer, soc);
    var conditions = new Conditions(Thermal.of(ThermalState.NOMINAL), units, 1, Start.WARM);
    return costModel().estimate(one.model(), one.target(), conditions, osMajor).layers().get(0);
  }

  @ParameterizedTest(name = "{0} at {1} GHz, {2} measured on iOS {3}: {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a13     | 2.65  | CPU_ONLY    | 0  | cpu
      a16     | 3.46  | CPU_ONLY    | 0  | cpu
      m1_max  | 3.228 | CPU_ONLY    | 0  | cpu
      m4_max  | 4.5   | CPU_ONLY    | 0  | cpu
      a13     | 2.65  | CPU_ONLY    | 13 | cpu
      m1_max  | 3.228 | CPU_AND_GPU | 0  | gpu
      a17_pro | 3.77  | CPU_AND_GPU | 0  | gpu
      a13     | 2.65  | CPU_AND_GPU | 0  | gpu
      a13     | 2.65  | CPU_AND_GPU | 13 | gpu13
      """)
  void aLayersDispatchIsTheCpusWorkAtItsClock(
      String soc, double ghz, UnitSet units, int osMajor, String paid) {
    LayerCost c = onlyLayer(soc, units, osMajor);
    double atThreeGhz = paid.equals("gpu13") ? GPU_ON_IOS_13 : CPU;
    double expected = atThreeGhz * 3 / ghz;
    assertEquals(paid.startsWith("gpu") ? ComputeUnit.GPU : ComputeUnit.CPU, c.unit());
    assertEquals(expected, c.overhead(), expected * 1e-9, "overhead");
  }

  /** llama.cpp and ExecuTorch have their own fitted dispatch, which no clock scales. */
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({"LLAMA_CPP, a13", "LLAMA_CPP, m4_max", "EXECUTORCH, a13", "EXECUTORCH, a19_pro"})
  void aRuntimesDispatchIsItsOwnFigureAtAnyClock(Runtime runtime, String soc) {
    var layer = new Layer("l", "add", Shape.of(64), Shape.of(64), 64, 64, 0, 0, Map.of());
    var one = OneLayer.of(layer, soc);
    var conditions =
        new Conditions(
            Thermal.of(ThermalState.NOMINAL), UnitSet.CPU_ONLY, 1, Start.WARM, null, runtime);
    LayerCost c = costModel().estimate(one.model(), one.target(), conditions).layers().get(0);
    String key = runtime == Runtime.LLAMA_CPP ? "llama_cpp" : "executorch";
    double own = costModel().coefficients().get(key + ".overhead.cpu");
    assertEquals(own, c.overhead(), own * 1e-9, "overhead");
  }

  /** A binned part (fewer cores) has its full part's cores, and their clock. */
  @Test
  void aVariantKeepsItsPartsClock() {
    for (Soc s : DevqAssertions.kb().socs().values()) {
      for (Soc bin : s.variants()) {
        assertEquals(s.cpu().clock().value(), bin.cpu().clock().value(), bin.id());
      }
    }
  }

  @Test
  void everyShippedSocGivesItsPerformanceCoresClock() {
    for (Soc s : DevqAssertions.kb().socs().values()) {
      double ghz = s.cpu().clock().value().value() / 1e9;
      assertTrue(ghz >= 2 && ghz <= 5, s.id() + ": " + ghz + " GHz");
    }
  }

  /**
   * Today's GPU takes the CPU's per-layer cost and the CPU's matrix products its convolutions'
   * efficiency: neither is fitted on its own, and the fit cannot move them apart.
   */
  @Test
  void tiedConstantsAreNotFittedAndReadTheirPartner() {
    var k = new Coefficients(Map.of("overhead.cpu", 3e-5, "eff.cpu.conv", 0.4));
    assertEquals(3e-5, k.layerOverhead(ComputeUnit.GPU), 0);
    assertEquals(0.4, k.efficiency(ComputeUnit.CPU, "matmul"), 0);
    assertFalse(Coefficients.NEUTRAL.containsKey("overhead.gpu"));
    assertFalse(Coefficients.NEUTRAL.containsKey("eff.cpu.matmul"));
  }
}
