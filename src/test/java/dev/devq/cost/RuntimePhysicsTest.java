package dev.devq.cost;

import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import dev.devq.query.eval.Value;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The physics of the llama.cpp and ExecuTorch cost models, which must hold whatever the fit says:
 * decode streams weights and the KV cache, prefill computes, the GPU working set bounds Metal.
 */
class RuntimePhysicsTest {
  private static final String LLAMA = ", nominal, units = cpu_and_gpu, runtime = llama_cpp)";

  private static double ms(String query) {
    return quantity(query).value() * 1000;
  }

  private static double bytes(String query) {
    return quantity(query).value();
  }

  private static String decode(String format, String target) {
    String m = "llama_2_7b(phase = decode, context = 64)";
    return "latency("
        + (format.isEmpty() ? m : "quantize(" + m + ", " + format + ")")
        + ", "
        + target
        + LLAMA;
  }

  private static String size(String format) {
    return format.isEmpty() ? "size(llama_2_7b)" : "size(quantize(llama_2_7b, " + format + "))";
  }

  /**
   * On one chip, decode time is a fixed part plus weight bytes over bandwidth: the steps from Q4_0
   * to Q8_0 to F16 cost time in proportion to the bytes they add.
   */
  @Test
  void decodeTimeScalesWithWeightBytes() {
    double q4 = ms(decode("q4_0", "m2_max"));
    double q8 = ms(decode("q8_0", "m2_max"));
    double f16 = ms(decode("", "m2_max"));
    assertTrue(q4 < q8 && q8 < f16, q4 + " < " + q8 + " < " + f16);
    double timeRatio = (f16 - q8) / (q8 - q4);
    double byteRatio =
        (bytes(size("")) - bytes(size("q8_0"))) / (bytes(size("q8_0")) - bytes(size("q4_0")));
    assertEquals(byteRatio, timeRatio, byteRatio * 0.05);
  }

  /** Twice the bandwidth (M1 Max against M1 Pro, both 400 vs 200 GB/s) halves weight streaming. */
  @Test
  void decodeTimeScalesWithBandwidth() {
    double pro = ms(decode("", "m1_pro")) - ms(decode("q4_0", "m1_pro"));
    double max = ms(decode("", "m1_max")) - ms(decode("q4_0", "m1_max"));
    assertEquals(2.0, pro / max, 0.1);
  }

  /**
   * A binned GPU computes prefill in proportion to its cores and decodes as fast as the full part.
   */
  @Test
  void binnedGpuIsSlowerInPrefillAndEqualInDecode() {
    String prefill = "llama_2_7b(phase = prefill, context = 512)";
    double full = ms("latency(" + prefill + ", m1_max" + LLAMA);
    double binned = ms("latency(" + prefill + ", m1_max(gpu_cores = 24)" + LLAMA);
    assertEquals(32.0 / 24, binned / full, 0.05);
    double fullDecode = ms(decode("q4_0", "m1_max"));
    double binnedDecode = ms(decode("q4_0", "m1_max(gpu_cores = 24)"));
    assertEquals(1.0, binnedDecode / fullDecode, 0.02);
  }

  /** Each cached position adds its keys and values to what every decode step reads. */
  @Test
  void kvCacheBytesGrowDecodeTimeWithContext() {
    double last = 0;
    for (int context : new int[] {256, 1024, 4096, 8192}) {
      String m = "quantize(llama_3_8b(phase = decode, context = " + context + "), q4_k_m)";
      double t = ms("latency(" + m + ", m3_max" + LLAMA);
      assertTrue(t > last, "context " + context + ": " + t + " ms after " + last + " ms");
      last = t;
    }
    double grown =
        bytes("memory(llama_3_8b(phase = decode, context = 8192), m3_max, runtime = llama_cpp)")
            - bytes(
                "memory(llama_3_8b(phase = decode, context = 256), m3_max, runtime = llama_cpp)");
    // 32 layers × (8 KV heads × 128) × 2 (keys and values) × 2 bytes (fp16 cache) per position
    assertEquals(32 * 1024 * 2 * 2 * (8192 - 256), grown, grown * 1e-6);
  }

  /**
   * The time the cache adds is its bytes over bandwidth: from 256 to 8192 cached positions, an M1
   * Pro (200 GB/s) adds twice the time an M1 Max (400 GB/s) does.
   */
  @Test
  void kvCacheTimeScalesInverselyWithBandwidth() {
    String m = "quantize(llama_3_8b(phase = decode, context = %d), q4_0), %s";
    double pro =
        ms("latency(" + String.format(Locale.ROOT, m, 8192, "m1_pro") + LLAMA)
            - ms("latency(" + String.format(Locale.ROOT, m, 256, "m1_pro") + LLAMA);
    double max =
        ms("latency(" + String.format(Locale.ROOT, m, 8192, "m1_max") + LLAMA)
            - ms("latency(" + String.format(Locale.ROOT, m, 256, "m1_max") + LLAMA);
    assertTrue(max > 0, "the cache costs time: " + max + " ms");
    assertEquals(2.0, pro / max, 0.1);
  }

  /** Prefill is compute-bound: 512 tokens cost far less than 512 decode steps. */
  @Test
  void prefillIsComputeBoundAndDecodeIsNot() {
    double prefill = ms("latency(llama_2_7b(phase = prefill, context = 512), m2_ultra" + LLAMA);
    double decode = ms(decode("", "m2_ultra"));
    assertTrue(prefill < 512 * decode / 10, prefill + " ms vs 512 × " + decode + " ms");
  }

  /** Llama 3 70B in F16 (141 GB) exceeds a 64 GB Mac Studio's 48 GiB working set; Q4_K_M fits. */
  @Test
  void gpuWorkingSetRefusesLlama3_70bInF16OnA64GbMac() {
    String d = "mac_studio_m1_ultra";
    assertFalse(
        DevqAssertions.bool(
            "memory(llama_3_70b, " + d + ", runtime = llama_cpp) < " + d + ".gpu_working_set"));
    assertTrue(
        DevqAssertions.bool(
            "memory(quantize(llama_3_70b, q4_k_m), "
                + d
                + ", runtime = llama_cpp) < "
                + d
                + ".gpu_working_set"));
    var refused = DevqAssertions.eval("latency(llama_3_70b, " + d + LLAMA);
    assertTrue(
        refused instanceof Value.CannotRunV c
            && c.why() instanceof CannotRun.Memory m
            && m.limit().field().equals("gpu_working_set"),
        refused.toString());
    ms("latency(quantize(llama_3_70b, q4_k_m), " + d + LLAMA);
  }

  @Test
  void llamaCppOnTheCpuIsSlowerThanOnMetalAndNeverOnTheNeuralEngine() {
    String m = "llama_2_7b(phase = prefill, context = 512)";
    double gpu = ms("latency(" + m + ", m2_max" + LLAMA);
    double cpu = ms("latency(" + m + ", m2_max, units = cpu_only, runtime = llama_cpp)");
    assertTrue(cpu > gpu, cpu + " vs " + gpu);
    DevqAssertions.assertFails(
        "latency(" + m + ", m2_max, units = cpu_and_ne, runtime = llama_cpp)",
        DiagnosticCode.UNSUPPORTED);
  }

  @Test
  void executorchInt8IsFasterThanFp32OnTheCpu() {
    String x = ", iphone_17_pro, units = cpu_only, runtime = executorch)";
    double fp32 = ms("latency(precision(efficientnet_v2_s, fp32)" + x);
    double int8 = ms("latency(quantize(efficientnet_v2_s, w8a8)" + x);
    assertTrue(int8 < fp32, int8 + " vs " + fp32);
  }

  /**
   * The runtimes' constants are their own: refitting them leaves every Core ML prediction alone.
   */
  @Test
  void runtimeConstantsLeaveCoreMlAlone() {
    var devq = DevqAssertions.devq();
    var model = DevqAssertions.engine(devq).costModel();
    var other = model.with(Map.of("llama_cpp.bw_eff.gpu", 0.3, "executorch.eff.cpu.conv", 0.05));
    var kb = DevqAssertions.kb(devq);
    var soc = kb.socs().get("a17_pro");
    var target = new Target("a17_pro", soc, kb.devices().get(soc.typicalDevice()));
    var resnet =
        dev.devq.model.ModelBuilder.build(kb.models().get("resnet50"), Map.of(), kb.ops().keySet())
            .model();
    assertEquals(
        model.estimate(resnet, target, Conditions.DEFAULT).latency(),
        other.estimate(resnet, target, Conditions.DEFAULT).latency());
    var et = Conditions.DEFAULT.withRuntime(Runtime.EXECUTORCH);
    assertTrue(
        other.estimate(resnet, target, et).latency()
            > model.estimate(resnet, target, et).latency());
  }

  /**
   * ExecuTorch's XNNPACK reaches the CPU's matrix unit only where it takes SME (A18, M4 on): the
   * AMX units before it serve Accelerate alone. llama.cpp's ggml stays on its NEON kernels.
   */
  @Test
  void executorchUsesTheMatrixUnitOnlyWhereTheCpuTakesSme() {
    var kb = DevqAssertions.kb();
    var et = Conditions.DEFAULT.withRuntime(Runtime.EXECUTORCH);
    for (String sme : java.util.List.of("a18_pro", "a19_pro", "m4", "m5_max")) {
      var soc = kb.soc(sme, Map.of()).orElseThrow();
      assertTrue(soc.cpuSme(), sme);
      assertTrue(RuntimeCost.matrixUnit(et, soc), sme);
      assertFalse(RuntimeCost.matrixUnit(et.withRuntime(Runtime.LLAMA_CPP), soc), sme);
    }
    for (String amx : java.util.List.of("a15", "a17_pro", "m1_max", "m3_ultra")) {
      var soc = kb.soc(amx, Map.of()).orElseThrow();
      assertFalse(soc.cpuSme(), amx);
      assertFalse(RuntimeCost.matrixUnit(et, soc), amx);
    }
    // so a matrix-bound model gains the SME peak over the NEON peak on an SME chip, not on others
    String whisper = "latency(precision(whisper_tiny_encoder, fp32), %s, runtime = executorch)";
    double a17 = ms(String.format(Locale.ROOT, whisper, "iphone_15_pro"));
    double a18 = ms(String.format(Locale.ROOT, whisper, "iphone_16_pro"));
    assertTrue(a17 > 1.5 * a18, "A17 Pro " + a17 + " ms against A18 Pro " + a18 + " ms");
  }
}
