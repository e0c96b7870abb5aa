package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.unit.Quantity;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import dev.devq.model.Shape;
import dev.devq.query.eval.Engine;
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
    OsVersion measuredOn = osMajor == 0 ? null : new OsVersion("ios", osMajor);
    return costModel().estimate(one.model(), one.target(), conditions, measuredOn).layers().get(0);
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

  /**
   * A binned part has its full part's clock unless it gives its own, as the iPad mini's A15 and the
   * M5 iPad Pros' part do; a part that does names the clock among its parameters.
   */
  @Test
  void aVariantKeepsItsPartsClockUnlessItGivesItsOwn() {
    int own = 0;
    for (Soc s : DevqAssertions.kb().socs().values()) {
      for (Soc bin : s.variants()) {
        Quantity given = bin.variant().get("p_core_clock");
        Quantity expected = given != null ? given : s.cpu().clock().value();
        assertEquals(expected.value(), bin.cpu().clock().value().value(), bin.label());
        own += given != null ? 1 : 0;
      }
    }
    assertEquals(2, own, "parts with their own clock: a15's and m5's iPad parts");
  }

  /** Each device pays a layer's dispatch at the clock of the part it ships. */
  @ParameterizedTest(name = "{0}: {1} GHz")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ipad_mini_6       | 2.93
      iphone_13_pro     | 3.23
      iphone_13         | 3.23
      ipad_pro_m5       | 4.43
      ipad_pro_13_m5    | 4.43
      macbook_pro_14_m5 | 4.608
      """)
  void aDevicePaysTheDispatchAtItsPartsClock(String device, double ghz) {
    var layer = new Layer("l", "add", Shape.of(64), Shape.of(64), 64, 64, 0, 0, Map.of());
    var one = OneLayer.of(layer, DevqAssertions.kb().devices().get(device).soc());
    LayerCost c = costModel().estimate(one.model(), onDevice(device), cpuOnly()).layers().get(0);
    double expected = CPU * 3 / ghz;
    assertEquals(expected, c.overhead(), expected * 1e-9, "overhead");
  }

  /**
   * The iPad mini 6 and the iPhone 13 Pro ship the same A15 but for its clock (2.93 against 3.23
   * GHz): a model on their CPUs differs only in the layers' dispatch, larger on the iPad by the
   * clocks' ratio; compute, memory and the fixed costs are the same.
   */
  @Test
  void theSameModelDiffersByItsDispatchAtTheVariantsClock() {
    Engine engine = DevqAssertions.engine();
    Model resnet =
        engine.model(
            engine.kb().models().get("resnet50"), Map.of(), new SourceText("<t>", ""), Span.at(0));
    CostModel cost = engine.costModel();
    Prediction mini = cost.estimate(resnet, onDevice("ipad_mini_6"), cpuOnly());
    Prediction phone = cost.estimate(resnet, onDevice("iphone_13_pro"), cpuOnly());
    double miniDispatch = mini.layers().stream().mapToDouble(LayerCost::overhead).sum();
    double phoneDispatch = phone.layers().stream().mapToDouble(LayerCost::overhead).sum();
    assertTrue(phoneDispatch > 0, "the CPU's layers pay a dispatch");
    assertEquals(phoneDispatch * 3.23 / 2.93, miniDispatch, miniDispatch * 1e-9, "dispatch");
    // the rest is the work itself, which the variant's lower peaks slow by at most the clocks'
    // ratio: the matrix unit's by exactly it, the NEON peak's by less (its E-cores keep their
    // clock)
    double phoneWork = phone.warmLatency() - phoneDispatch;
    double miniWork = mini.warmLatency() - miniDispatch;
    assertTrue(miniWork > phoneWork, "the variant's lower peaks");
    assertTrue(miniWork <= phoneWork * 3.23 / 2.93 * (1 + 1e-9), "at most the clocks' ratio");
    assertTrue(mini.warmLatency() > phone.warmLatency());
  }

  private static Target onDevice(String id) {
    KnowledgeBase kb = DevqAssertions.kb();
    Device d = kb.devices().get(id);
    return new Target(id, kb.socOf(d), d);
  }

  private static Conditions cpuOnly() {
    return new Conditions(Thermal.of(ThermalState.NOMINAL), UnitSet.CPU_ONLY, 1, Start.WARM);
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
