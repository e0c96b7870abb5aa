package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.model.NumericFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An Ultra carries two dies' Neural Engines and its profile quotes both, but a Core ML prediction
 * runs on one ({@code ane.coreml_cores}, docs/cost-model.md): its Neural Engine estimate equals its
 * Max's, while its GPU, which Core ML does spread over both dies, stays near twice the Max's.
 */
class UltraNeuralEngineTest {
  @ParameterizedTest(name = "{0}: {1} of the quoted Neural Engine")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      m1_ultra | 0.5
      m2_ultra | 0.5
      m3_ultra | 0.5
      m2_max   | 1
      a16      | 1
      """)
  void aPredictionGetsItsShareOfTheEnginesPeakPowerAndBandwidth(String id, double share) {
    Soc soc = DevqAssertions.kb().socs().get(id);
    assertEquals(share, soc.coremlAneShare(), 1e-12, id);
    double quoted = soc.ane().peakFp16().value().value();
    assertEquals(quoted * share, UnitRates.peak(soc, ComputeUnit.ANE, NumericFormat.FP16), 1, id);
    double watts = soc.ane().power().value().value();
    assertEquals(watts * share, UnitRates.power(soc, ComputeUnit.ANE), 1e-9, id);
    double dram = soc.bandwidth().value().value();
    assertEquals(dram * share, UnitRates.bandwidth(soc, ComputeUnit.ANE), 1, id);
    // the GPU and CPU keep the whole chip's figures
    assertEquals(dram, UnitRates.bandwidth(soc, ComputeUnit.GPU), 1, id);
    double gpu = soc.gpu().peakFp16().value().value();
    assertEquals(gpu, UnitRates.peak(soc, ComputeUnit.GPU, NumericFormat.FP16), 1, id);
  }

  @ParameterizedTest(name = "{0} vs {1}: {2}, batch {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      m1_ultra            | m1_max | vgg16    | 8
      m2_ultra            | m2_max | vgg16    | 8
      m3_ultra            | m3_max | vgg16    | 8
      mac_studio_m2_ultra | m2_max | resnet50 | 1
      mac_studio_m1_ultra | m1_max | mobilenet_v2 | 1
      """)
  void anUltrasNeuralEngineRunsAtItsMaxsRate(String ultra, String max, String model, int batch) {
    double onUltra = ms(model, ultra, "cpu_and_ne", batch);
    double onMax = ms(model, max, "cpu_and_ne", batch);
    assertEquals(1, onUltra / onMax, 0.04, ultra + " " + onUltra + " ms vs " + max + " " + onMax);
  }

  /**
   * One engine's power on the same work gives the Max's energy. Batch 1 only: a large batch's
   * activations fit more of the Ultra's doubled system cache and move less through DRAM, a
   * difference of the cache, not of the engine.
   */
  @ParameterizedTest(name = "{0} vs {1}: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      m1_ultra            | m1_max | resnet50
      m2_ultra            | m2_max | resnet50
      m3_ultra            | m3_max | resnet50
      mac_studio_m1_ultra | m1_max | mobilenet_v2
      """)
  void oneEnginesPowerGivesTheMaxsEnergy(String ultra, String max, String model) {
    String units = ", units = cpu_and_ne)";
    double onUltra = DevqAssertions.quantity("energy(" + model + ", " + ultra + units).value();
    double onMax = DevqAssertions.quantity("energy(" + model + ", " + max + units).value();
    assertEquals(1, onUltra / onMax, 0.02, ultra + " " + onUltra + " J vs " + onMax);
  }

  @ParameterizedTest(name = "{0} vs {1}: GPU")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      m1_ultra | m1_max
      m2_ultra | m2_max
      m3_ultra | m3_max
      """)
  void anUltrasGpuStaysNearTwiceItsMaxs(String ultra, String max) {
    double speedUp = ms("vgg16", max, "cpu_and_gpu", 8) / ms("vgg16", ultra, "cpu_and_gpu", 8);
    assertTrue(speedUp > 1.6 && speedUp < 2.1, ultra + " GPU " + speedUp + "x its Max");
  }

  private static double ms(String model, String target, String units, int batch) {
    String q =
        "latency(" + model + ", " + target + ", units = " + units + ", batch = " + batch + ")";
    return DevqAssertions.quantity(q).value() * 1e3;
  }
}
