package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The terms that took fitted constants off their bounds, worked from their formulas with the
 * constants set here: an older OS's compiler stretches the Neural Engine's data movement and not
 * its arithmetic, and an efficiency no calibration row can pin is its engine's fitted one.
 */
class FitTermsTest {
  private static Prediction estimate(String expr) {
    return DevqAssertions.explained("latency(" + expr + ")");
  }

  @ParameterizedTest(name = "{0} × {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      precision(vgg16, fp32), iphone_11_pro       | 2.0
      precision(densenet121, fp32), iphone_11_pro | 2.5
      mobilenet_v2, iphone_14_pro                 | 1.5
      """)
  void anOlderCompilerStretchesOnlyTheNeuralEnginesDataMovement(String expr, double factor) {
    Prediction p = estimate(expr);
    var kb = DevqAssertions.kb();
    var k = LayerTimer.Constants.of(DevqAssertions.engine().costModel().coefficients());
    var facts = new LayerFacts(kb, p.model());
    var soc = p.target().soc();
    var today =
        new LayerTimer(
            facts,
            k,
            soc,
            p.model(),
            1,
            1,
            new DataMovement(facts, k, soc, p.model(), 1, 1, ComputeUnit.values()),
            true);
    var older =
        new LayerTimer(
            facts,
            k,
            soc,
            p.model(),
            1,
            1,
            new DataMovement(facts, k, soc, p.model(), 1, factor, ComputeUnit.values()),
            true);
    for (int i = 0; i < facts.size(); i++) {
      for (ComputeUnit u : ComputeUnit.values()) {
        double f = u == ComputeUnit.ANE ? factor : 1;
        assertEquals(
            today.computeTime(i, u, false),
            older.computeTime(i, u, false),
            0,
            "compute, layer " + i);
        assertEquals(
            today.memoryTime(i, u) * f,
            older.memoryTime(i, u),
            1e-15 + 1e-12 * today.memoryTime(i, u),
            u + " memory, layer " + i);
      }
    }
  }

  @ParameterizedTest(name = "{0} {1} takes {2}")
  @CsvSource({
    "ANE, depthwise, eff.ane.conv",
    "GPU, depthwise, eff.gpu.conv",
    "GPU, matmul, eff.gpu.conv",
    "ANE, conv, eff.ane.conv",
    "CPU, depthwise, eff.cpu.depthwise",
    "GPU, layer_norm, eff.gpu.other"
  })
  void anEfficiencyNoRowPinsIsItsEnginesFittedOne(ComputeUnit unit, String opClass, String name) {
    Coefficients k =
        DevqAssertions.engine()
            .costModel()
            .coefficients()
            .with(Map.of("eff.ane.conv", 0.61, "eff.gpu.conv", 0.47, "eff.cpu.depthwise", 0.13));
    assertEquals(k.get(name), k.efficiency(unit, opClass), 0);
    String own =
        "eff." + unit.key() + "." + Coefficients.CLASSES.get(Coefficients.classIndex(opClass));
    assertFalse(
        Coefficients.TIED.containsKey(own) && Coefficients.NEUTRAL.containsKey(own),
        own + " is tied, so it has no starting value of its own");
  }
}
