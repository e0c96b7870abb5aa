package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Neural Engine's vector path, worked from its formula with the shipped {@code output.ane}: a
 * convolution pays {@code output elements × bytes × batch / (output.ane × the engine's peak ×
 * thermal)} after its roofline, the batch norm and activations it heads cost nothing of their own,
 * an element-wise layer computes at the same rate per output byte and the activation after it folds
 * into it, except a softmax, which works across its axis and pays its own pass after a matmul as
 * after a pointwise convolution; bytes are one for W8A8's int8 activations and two otherwise (the
 * engine has no fp32 path). On the CPU and the GPU none of this applies.
 */
class VectorPathTest {
  private static Prediction estimate(String expr) {
    return DevqAssertions.explained("latency(" + expr + ")");
  }

  private static LayerCost layer(Prediction p, String name) {
    return p.layers().stream()
        .filter(c -> c.layer().name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no layer " + name));
  }

  /** What the vector path takes for {@code name}'s output, by the formula. */
  private static double vectorSeconds(Prediction p, String name, double bytes) {
    LayerCost c = layer(p, name);
    double peak = UnitRates.peak(p.target().soc(), ComputeUnit.ANE, p.model().format());
    double rate =
        peak
            * DevqAssertions.engine().costModel().coefficients().get("output.ane")
            * p.thermalFactor();
    return c.layer().output().elements() * bytes * p.conditions().batch() / rate;
  }

  @ParameterizedTest(name = "{0}: {1} is {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      resnet50, a16                                  | conv2d_1           | output stage | 2
      resnet50, a16, batch = 4                       | block_1/conv2d_2   | output stage | 2
      resnet50, a16, throttled                       | block_1/conv2d_2   | output stage | 2
      quantize(resnet50, w8a8), a17_pro              | conv2d_1           | output stage | 1
      precision(resnet50, fp32), a16                 | conv2d_1           | output stage | 2
      resnet50, a16                                  | batch_norm_1       | folded       | 0
      resnet50, a16                                  | relu_1             | folded       | 0
      resnet50, a16                                  | block_1/add_1      | vector path  | 2
      quantize(resnet50, w8a8), a17_pro              | block_1/add_1      | vector path  | 1
      resnet50, a16                                  | block_1/relu_4     | folded       | 0
      resnet50, a16                                  | max_pool2d_1       | vector path  | 2
      distilbert, a16                                | attention_1.softmax | vector path | 2
      efficientformerv2_s0, a16                      | attn_ffn_1/attention4d_1/softmax_1 | vector path | 2
      resnet50, a16, units = cpu_and_gpu             | conv2d_1           | not on the engine | 0
      resnet50, a16, units = cpu_and_gpu             | block_1/add_1      | not on the engine | 0
      """)
  void theVectorPathCostsWhatItsFormulaSays(String expr, String name, String role, double bytes) {
    Prediction p = estimate(expr);
    LayerCost c = layer(p, name);
    switch (role) {
      case "output stage" -> {
        assertEquals(ComputeUnit.ANE, c.unit());
        double expected = vectorSeconds(p, name, bytes);
        assertEquals(expected, c.outputTime(), expected * 1e-9);
        assertEquals(
            Math.max(c.computeTime(), c.memoryTime()) + c.outputTime() + c.overhead(),
            c.time(),
            1e-15);
      }
      case "vector path" -> {
        assertEquals(ComputeUnit.ANE, c.unit());
        double expected = vectorSeconds(p, name, bytes);
        assertEquals(expected, c.computeTime(), expected * 1e-9);
        assertEquals(0, c.outputTime());
      }
      case "folded" -> {
        assertEquals(ComputeUnit.ANE, c.unit());
        assertTrue(c.folded(), "folded into the layer before it");
        assertEquals(0, c.time(), "no compute, data or dispatch of its own");
      }
      default -> {
        assertFalse(c.unit() == ComputeUnit.ANE, "placed off the engine");
        assertEquals(0, c.outputTime());
        assertTrue(c.computeTime() > 0 || c.folded(), "the CPU and GPU charge their own rate");
      }
    }
  }
}
