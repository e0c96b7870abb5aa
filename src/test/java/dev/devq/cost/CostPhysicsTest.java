package dev.devq.cost;

import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import dev.devq.LoadException;
import dev.devq.kb.ComputeUnit;
import dev.devq.query.eval.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tests that fail when the physics of the cost model breaks, whatever the calibration says. */
class CostPhysicsTest {
  private static double ms(String query) {
    return quantity(query).value() * 1000;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mobilenet_v2", "resnet50", "efficientnet_b0"})
  void throttledIsSlowerThanNominalAndSustainedLiesBetween(String model) {
    double nominal = ms("latency(" + model + ", iphone_15_pro, nominal)");
    double sustained = ms("latency(" + model + ", iphone_15_pro, sustained)");
    double throttled = ms("latency(" + model + ", iphone_15_pro, throttled)");
    assertTrue(throttled > nominal, "throttled " + throttled + " vs nominal " + nominal);
    assertTrue(sustained > nominal, "sustained " + sustained + " vs nominal " + nominal);
    assertTrue(
        sustained <= throttled * (1 + 1e-9),
        "sustained " + sustained + " vs throttled " + throttled);
  }

  /**
   * The plateau after minutes of load is where a device settles, at or above the throughput it
   * keeps in Apple's {@code serious} state ({@code throttled}): on every SoC and form factor
   * profiled, nominal ≥ sustained ≥ throttled.
   */
  @Test
  void sustainedLiesBetweenNominalAndThrottledOnEverySoc() {
    for (var soc : DevqAssertions.kb().socs().values()) {
      for (var form : soc.thermal().keySet()) {
        double sustained = ThermalFactor.of(soc, form, Thermal.of(ThermalState.SUSTAINED));
        double throttled = ThermalFactor.of(soc, form, Thermal.of(ThermalState.THROTTLED));
        assertTrue(
            sustained <= 1 && sustained >= throttled,
            soc.id() + " " + form + ": sustained " + sustained + ", throttled " + throttled);
      }
    }
  }

  @Test
  void longerContinuousLoadNeverSpeedsUp() {
    double early = ms("latency(resnet50, iphone_15_pro, after(1min))");
    double late = ms("latency(resnet50, iphone_15_pro, after(20min))");
    assertTrue(late >= early, late + " vs " + early);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"mobilenet_v2", "resnet50", "vgg16"})
  void cpuOnlyIsSlowerThanAllForConvolutionNets(String model) {
    assertTrue(
        ms("latency(" + model + ", a16, units = cpu_only)")
            > ms("latency(" + model + ", a16, units = all)"));
  }

  @Test
  void llmDecodeIsMemoryBoundAtAboutWeightBytesOverBandwidth() {
    double weights = quantity("size(llama_3_1_8b)").value();
    double bandwidth = quantity("m1_max.bandwidth").value();
    double latency =
        ms("latency(llama_3_1_8b(phase = decode, context = 128), m1_max, units = cpu_and_gpu)")
            / 1000;
    double floor = weights / bandwidth;
    assertTrue(
        latency >= floor,
        "decode cannot beat streaming every weight once: " + latency + " < " + floor);
    assertTrue(
        latency < floor * 2.5,
        "decode should stay near the bandwidth floor: " + latency + " vs " + floor);
    var x =
        DevqAssertions.interpreter()
            .explain(
                new dev.devq.lang.SourceText(
                    "test",
                    "latency(llama_3_1_8b(phase = decode, context = 128), m1_max, units = cpu_and_gpu)"),
                dev.devq.query.eval.Session.EMPTY);
    var bounds = ((Prediction) x.estimate()).timePerBound();
    // memory dominates, but not by 90%: Apple measured 55.9 ms for this step, and streaming the
    // 16 GB of weights once at the full 400 GB/s takes 40 ms, so the measurement itself leaves at
    // least a quarter of the time to something else (per-layer dispatch, which these rows pin)
    assertTrue(
        bounds.getOrDefault(Bound.MEMORY, 0.0) > 0.75 * x.estimate().warmLatency(),
        "memory-bound: " + bounds);
  }

  @Test
  void fourBitPalettizationSpeedsDecodeUpThreeToFourTimes() {
    double fp16 =
        ms("latency(opt_1_3b(phase = decode, context = 64), iphone_15_pro, units = cpu_and_ne)");
    double pal4 =
        ms(
            "latency(palettize(opt_1_3b(phase = decode, context = 64), 4), iphone_15_pro, units = cpu_and_ne)");
    double speedup = fp16 / pal4;
    // weights shrink 4×; the hand-overs to the CPU and the fixed costs do not, so below 4×
    assertTrue(speedup >= 3 && speedup <= 4, "speedup " + speedup);
  }

  /**
   * The int8 × int8 path exists on A17 Pro, not on A16: W8A8 gains more on an A17 Pro. W8A8 still
   * speeds an A16 up, and published measurements agree: coremltools' quantization tables
   * (docs-guides/source/opt-quantization-perf.md) give ResNet-50 1.52 → 0.94 ms on an iPhone 14 Pro
   * (A16) and 1.38 → 0.77 ms on an iPhone 15 Pro (A17 Pro), because int8 weights and activations
   * move half the bytes. So the test asks for a larger gain on A17 Pro, not for none on A16, and
   * {@link #w8a8ComputesFasterOnlyWhereTheSocHasAnInt8Path} checks that A16's gain is not compute.
   */
  @Test
  void w8a8GainsMoreOnA17ProThanOnA16() {
    double a16 = ms("latency(resnet50, a16)") / ms("latency(quantize(resnet50, w8a8), a16)");
    double a17 =
        ms("latency(resnet50, a17_pro)") / ms("latency(quantize(resnet50, w8a8), a17_pro)");
    assertTrue(a17 > a16, "A17 Pro speedup " + a17 + " vs A16 " + a16);
    assertTrue(a17 > 1.3, "A17 Pro W8A8 speedup " + a17);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"a16", "a17_pro"})
  void w8a8ComputesFasterOnlyWhereTheSocHasAnInt8Path(String soc) {
    var kb = DevqAssertions.kb();
    var fp16 = explain("latency(resnet50, " + soc + ", units = cpu_and_ne)");
    var w8a8 = explain("latency(quantize(resnet50, w8a8), " + soc + ", units = cpu_and_ne)");
    double before = multiplyArrayTime(kb, fp16);
    double after = multiplyArrayTime(kb, w8a8);
    if (kb.socs().get(soc).int8FastPath()) {
      assertTrue(after < before * 0.75, soc + ": int8 compute " + after + " vs fp16 " + before);
    } else {
      assertEquals(
          before, after, before * 1e-9, soc + " has no faster int8 path on its Neural Engine");
    }
  }

  /**
   * The Neural Engine's multiply-accumulate time: its convolutions' and matrix products'
   * arithmetic, not the vector path's element-wise work, which int8 activations halve on every
   * engine.
   */
  private static double multiplyArrayTime(dev.devq.kb.KnowledgeBase kb, Prediction p) {
    return p.layers().stream()
        .filter(c -> c.unit() == dev.devq.kb.ComputeUnit.ANE)
        .filter(
            c ->
                Coefficients.classIndex(kb.ops().get(c.layer().op()).opClass())
                    != Coefficients.classIndex("other"))
        .mapToDouble(LayerCost::computeTime)
        .sum();
  }

  private static Prediction explain(String query) {
    var x =
        DevqAssertions.interpreter()
            .explain(
                new dev.devq.lang.SourceText("test", query), dev.devq.query.eval.Session.EMPTY);
    return (Prediction) x.estimate();
  }

  @Test
  void decodeMemoryGrowsWithContext() {
    double small = quantity("memory(llama_3_1_8b(phase = decode, context = 512), m1_max)").value();
    double large = quantity("memory(llama_3_1_8b(phase = decode, context = 8192), m1_max)").value();
    assertTrue(
        large > small + 0.9e9, "KV cache for 7680 more tokens is ~1 GB: " + small + " → " + large);
  }

  @Test
  void lstmOnCpuAndNeFallsBackWithReasons() throws LoadException {
    Devq devq =
        Devq.load(List.of(DevqAssertions.projectDir().resolve("src/test/resources/models-extra")));
    var run =
        DevqAssertions.run(
            devq, "fallbacks(keyword_lstm, macbook_air_m2, os = \"macOS 15\", units = cpu_and_ne)");
    assertTrue(run.ok());
    var list = (Value.ListV) ((dev.devq.query.eval.Outcome.Shown) run.outcomes().get(0)).value();
    assertTrue(
        !list.items().isEmpty(), "an LSTM has no Neural Engine path where its source looked");
    var first = (Value.RecordV) list.items().get(0);
    assertEquals("lstm", ((Value.StrV) first.get("op")).value());
    assertTrue(((Value.StrV) first.get("reason")).value().contains("no Neural Engine support"));
  }

  @Test
  void batchMultipliesTheWork() {
    double one = ms("latency(mobilenet_v2, a16)");
    double eight = ms("latency(mobilenet_v2, a16, batch = 8)");
    assertTrue(eight > one * 2, one + " → " + eight);
  }

  /**
   * A first launch compiles what runs on the Neural Engine: the weight bytes of the layers
   * placement puts there over {@code ane_compile_rate}, and nothing for a model off the engine,
   * whose first launch loads as a cold one (it was charged the engine's compile of every layer: 393
   * ms for ResNet-50 on the A16's CPU alone).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      resnet50, a16, units = cpu_only
      resnet50, a16, units = cpu_and_gpu
      resnet50, a16
      resnet50, a16, units = cpu_and_ne
      distilbert_ane, iphone_13
      quantize(llama_3_1_8b, q4_0), m1_max, runtime = llama_cpp
      """)
  void firstLaunchCompilesOnlyTheNeuralEngineLayers(String args) {
    var p = DevqAssertions.explained("latency(" + args + ")");
    double rate = DevqAssertions.engine().costModel().coefficients().get("ane_compile_rate");
    double onEngine = 0;
    for (var c : p.layers()) {
      if (c.unit() == ComputeUnit.ANE && !c.layer().tied()) {
        onEngine += p.model().weightBytes(c.layer());
      }
    }
    double first = ms("load_time(" + args + ", start = first)");
    double cold = ms("load_time(" + args + ", start = cold)");
    assertEquals(onEngine / rate * 1e3, first - cold, 1e-9 * first, "compile charged");
  }

  @Test
  void coldStartAddsLoadTime() {
    assertTrue(ms("latency(resnet50, a16, start = cold)") > ms("latency(resnet50, a16)"));
    assertTrue(ms("load_time(resnet50, a16, start = first)") > ms("load_time(resnet50, a16)"));
  }
}
