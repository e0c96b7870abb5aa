package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A batch norm straight after a convolution is folded into that convolution's weights by the
 * converter (coremltools' {@code fuse_conv_batchnorm}): on today's releases it costs nothing on any
 * unit, so the zoo's networks, which keep their batch norms, cost what their imports (folded by
 * {@code devq import}) do. A model for iOS 13, whose converters wrote each batch norm as a layer of
 * its own, still pays its element-wise work on the CPU and the GPU.
 */
class BatchNormInWeightsTest {
  private static List<LayerCost> batchNorms(String query) {
    return DevqAssertions.explained(query).layers().stream()
        .filter(c -> c.layer().op().equals("batch_norm"))
        .toList();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource({
    "mobilenet_v2, cpu_only",
    "mobilenet_v2, cpu_and_gpu",
    "resnet50, cpu_only",
    "resnet50, cpu_and_gpu",
    "resnet50, all",
  })
  void costsNothingOnAnyUnitToday(String model, String units) {
    List<LayerCost> norms =
        batchNorms("latency(" + model + ", iphone_15_pro, units = " + units + ")");
    assertTrue(norms.size() > 10, model + " has its batch norms: " + norms.size());
    for (LayerCost c : norms) {
      assertEquals(Fold.WEIGHTS, c.fold(), c.layer().name());
      assertEquals(0, c.time(), c.layer().name() + " on " + c.unit());
      assertEquals(0, c.dramBytes(), c.layer().name());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"cpu_only", "cpu_and_gpu"})
  void aModelForIos13PaysItsBatchNormsOnTheCpuAndTheGpu(String units) {
    List<LayerCost> norms =
        batchNorms("latency(mobilenet_v2, iphone_11_pro, units = " + units + ", os = \"iOS 13\")");
    assertTrue(norms.size() > 10, "mobilenet_v2 has its batch norms: " + norms.size());
    for (LayerCost c : norms) {
      assertEquals(Fold.COMPUTE_ONLY, c.fold(), c.layer().name());
      assertTrue(c.computeTime() > 0, c.layer().name());
    }
  }

  /**
   * DenseNet's batch norms after a concatenation or a pool (pre-activation) stay layers of their
   * own, as the converter leaves them; those after a convolution fold into its weights.
   */
  @Test
  void aBatchNormNotAfterAConvolutionStaysALayer() {
    List<LayerCost> norms = batchNorms("latency(densenet121, iphone_15_pro, units = cpu_only)");
    long inWeights = norms.stream().filter(c -> c.fold() == Fold.WEIGHTS).count();
    long own = norms.stream().filter(c -> c.fold() == Fold.NONE && c.time() > 0).count();
    assertTrue(inWeights > 0 && own > 0, inWeights + " folded, " + own + " of their own");
  }
}
