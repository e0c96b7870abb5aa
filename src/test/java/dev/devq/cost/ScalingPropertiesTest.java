package dev.devq.cost;

import static dev.devq.DevqAssertions.explained;
import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Relations every answer must keep, whatever the calibration says, checked over many (model,
 * target, runtime) pairs: a violation is a bug in the cost model, not an effect of the hardware.
 */
class ScalingPropertiesTest {
  /** Slack for rounding only: the relations below are exact in the model. */
  private static final double EPS = 1e-9;

  private static final List<String> ONE_PASS_MODELS =
      List.of(
          "mobilenet_v2",
          "resnet50",
          "efficientnet_b0",
          "vit_b16",
          "bert_base",
          "yolov8n",
          "whisper_small_encoder");

  private static final List<String> DEVICES =
      List.of(
          "iphone_xs",
          "iphone_12",
          "iphone_15_pro",
          "ipad_pro_m4",
          "macbook_air_m1",
          "macbook_air_m4",
          "macbook_pro_14_m3_max",
          "macbook_pro_14_m5",
          "mac_mini_m6");

  /** Decoder LLMs with the runtimes they are asked about. */
  private static final List<String[]> LLM_RUNS =
      List.of(
          new String[] {"quantize(llama_2_7b, q4_0)", "units = cpu_and_gpu, runtime = llama_cpp"},
          new String[] {"quantize(llama_3_8b, q4_k_m)", "units = cpu_only, runtime = llama_cpp"},
          new String[] {"quantize(llama_2_7b, q8_0)", "units = cpu_and_gpu, runtime = llama_cpp"},
          new String[] {"palettize(llama_3_1_8b, 4)", "units = all"},
          new String[] {"qwen3_0_6b", "units = cpu_and_ne"},
          new String[] {"opt_1_3b", "units = all"});

  private static final List<String> LLM_TARGETS = List.of("m1", "m2_max", "m4", "m4_max", "m5");

  private static double seconds(String query) {
    return quantity(query).value();
  }

  static Stream<Arguments> onePass() {
    List<Arguments> out = new ArrayList<>();
    for (String m : ONE_PASS_MODELS) {
      for (String d : DEVICES) {
        out.add(Arguments.of(m, d));
      }
    }
    return out.stream();
  }

  static Stream<Arguments> llm() {
    List<Arguments> out = new ArrayList<>();
    for (String[] run : LLM_RUNS) {
      for (String s : LLM_TARGETS) {
        out.add(Arguments.of(run[0], s, run[1]));
      }
    }
    return out.stream();
  }

  /**
   * A batch of b never takes longer than b predictions one after another: its items are
   * independent, so a runtime can always run them in slices. It failed on every Mac and recent
   * iPhone (mobilenet_v2 at batch 8 on an iPhone 12 took 6.43 ms, 0.80 ms an item against 0.72 ms
   * alone) while the activations of the whole batch were tested against the cache at once.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("onePass")
  void batchingNeverLowersThroughput(String model, String device) {
    double one = seconds("latency(" + model + ", " + device + ")");
    for (int batch : new int[] {2, 8}) {
      double many = seconds("latency(" + model + ", " + device + ", batch = " + batch + ")");
      assertTrue(
          many <= batch * one * (1 + EPS), "batch " + batch + ": " + many + " s vs " + one + " s");
      assertTrue(many > one, "a batch of " + batch + " does more work than one: " + many);
    }
  }

  /**
   * Heat only slows a chip down, and longer continuous load never speeds it up; nominal ≤ sustained
   * ≤ throttled.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("onePass")
  void heatNeverSpeedsUp(String model, String device) {
    String call = "latency(" + model + ", " + device + ", ";
    double nominal = seconds(call + "nominal)");
    double sustained = seconds(call + "sustained)");
    double throttled = seconds(call + "throttled)");
    assertTrue(nominal <= sustained * (1 + EPS), nominal + " vs sustained " + sustained);
    assertTrue(sustained <= throttled * (1 + EPS), sustained + " vs throttled " + throttled);
    double earlier = 0;
    for (String t : new String[] {"0s", "30s", "1min", "5min", "10min", "30min", "2h"}) {
      double at = seconds(call + "after(" + t + "))");
      assertTrue(at >= earlier * (1 - EPS), "after(" + t + ") " + at + " < " + earlier);
      earlier = at;
    }
  }

  /** Energy is the average power over the prediction times its latency. */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("onePass")
  void energyIsPowerTimesLatency(String model, String device) {
    String args = model + ", " + device;
    double energy = quantity("energy(" + args + ")").value();
    double power = quantity("power(" + args + ")").value();
    double latency = seconds("latency(" + args + ")");
    assertTrue(
        Math.abs(energy - power * latency) <= 1e-6 * energy,
        energy + " J vs " + power + " W × " + latency + " s");
  }

  /**
   * A battery lasts the charge over the energy a duty cycle draws: {@code battery(m, d, 1fps, 1h)}
   * is 3600 predictions' energy against the device's watt-hours (idle power beside the model's is
   * not charged, so the share is the model's own).
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("onePass")
  void batteryShareIsEnergyOverCapacity(String model, String device) {
    if (!device.startsWith("iphone") && !device.startsWith("ipad")) {
      return;
    }
    String args = model + ", " + device;
    double energy = quantity("energy(" + args + ")").value();
    double share = quantity("battery(" + args + ", 1fps, 1h)").value();
    double wh = quantity(device + ".battery_wh").value();
    double expected = energy * 3600 / wh;
    assertTrue(Math.abs(share - expected) <= 1e-6 * expected, share + " vs " + expected);
  }

  /** A cold start loads the weights, a first launch also compiles: first ≥ cold ≥ warm. */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("onePass")
  void startsOrderFirstColdWarm(String model, String device) {
    String call = "latency(" + model + ", " + device + ", start = ";
    double warm = seconds(call + "warm)");
    double cold = seconds(call + "cold)");
    double first = seconds(call + "first)");
    double load = seconds("load_time(" + model + ", " + device + ", start = cold)");
    double size = quantity("size(" + model + ")").value();
    assertTrue(warm < cold && cold <= first * (1 + EPS), warm + " / " + cold + " / " + first);
    assertTrue(
        Math.abs(cold - warm - load) <= 1e-9 * cold, "cold adds the load time: " + cold + " s");
    // reading the weights from flash at a few GB/s: never faster than 20 GB/s (the fastest flash
    // measured, an M5 Max's, reads 13.6 GB/s)
    assertTrue(load >= size / 20e9, "load " + load + " s for " + size + " B");
  }

  /**
   * Weight compression shrinks the file and what a prediction streams from DRAM: fp32 > fp16 > w8 >
   * w4, and GGUF q8_0 > q4_k_m > q4_0.
   */
  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("onePass")
  void compressionShrinksSizeAndDramBytes(String model, String device) {
    List<String> ladder =
        List.of(
            "precision(" + model + ", fp32)",
            model,
            "quantize(" + model + ", w8)",
            "quantize(" + model + ", w4)");
    double size = Double.POSITIVE_INFINITY;
    double dram = Double.POSITIVE_INFINITY;
    for (String m : ladder) {
      double s = quantity("size(" + m + ")").value();
      double d = explained("latency(" + m + ", " + device + ")").dramBytes();
      assertTrue(s < size, m + ": size " + s + " not below " + size);
      assertTrue(d <= dram * (1 + EPS), m + ": DRAM bytes " + d + " above " + dram);
      size = s;
      dram = d;
    }
    double q8 = quantity("size(quantize(" + model + ", q8_0))").value();
    double q4km = quantity("size(quantize(" + model + ", q4_k_m))").value();
    double q40 = quantity("size(quantize(" + model + ", q4_0))").value();
    assertTrue(q8 > q4km && q4km > q40, q8 + " > " + q4km + " > " + q40);
  }

  /** Prefill computes every position of the prompt: a longer prompt takes longer. */
  @ParameterizedTest(name = "{0} on {1}, {2}")
  @MethodSource("llm")
  void prefillGrowsWithContext(String model, String soc, String run) {
    double earlier = 0;
    for (int context : new int[] {64, 256, 1024, 2048}) {
      double t =
          seconds("latency(" + phase(model, "prefill", context) + ", " + soc + ", " + run + ")");
      assertTrue(t > earlier, "context " + context + ": " + t + " s after " + earlier);
      earlier = t;
    }
  }

  /** Each decoded token reads the whole KV cache: a longer cache makes a token slower. */
  @ParameterizedTest(name = "{0} on {1}, {2}")
  @MethodSource("llm")
  void decodeGrowsWithTheCache(String model, String soc, String run) {
    double earlier = 0;
    double bytes = 0;
    for (int context : new int[] {64, 512, 2048}) {
      String m = phase(model, "decode", context);
      double t = seconds("latency(" + m + ", " + soc + ", " + run + ")");
      double b = quantity("memory(" + m + ", " + soc + ", " + run + ")").value();
      assertTrue(t > earlier, "context " + context + ": " + t + " s after " + earlier);
      assertTrue(b > bytes, "context " + context + ": memory " + b + " B after " + bytes);
      earlier = t;
      bytes = b;
    }
  }

  /**
   * A bigger part of one generation (more bandwidth, more GPU cores) never decodes slower: decode
   * is bound by streaming the weights, and the bigger part streams faster.
   */
  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("generations")
  void biggerChipOfAGenerationNeverDecodesSlower(String model, String run, String generation) {
    double earlier = Double.POSITIVE_INFINITY;
    String previous = null;
    for (String suffix : new String[] {"", "_pro", "_max"}) {
      String soc = generation + suffix;
      String m = phase(model, "decode", 512);
      double t = seconds("latency(" + m + ", " + soc + ", " + run + ")");
      assertTrue(
          t <= earlier * (1 + EPS), soc + " " + t + " s slower than " + previous + " " + earlier);
      earlier = t;
      previous = soc;
    }
  }

  static Stream<Arguments> generations() {
    List<Arguments> out = new ArrayList<>();
    for (String[] run : LLM_RUNS) {
      for (String g : new String[] {"m1", "m2", "m3", "m4", "m5"}) {
        out.add(Arguments.of(run[0], run[1], g));
      }
    }
    return out.stream();
  }

  /**
   * {@code model} with its phase and context: the transforms wrap the base model, so the parameters
   * go on the innermost call ({@code quantize(llama_2_7b(phase = decode, context = 64), q4_0)}).
   */
  private static String phase(String model, String phase, int context) {
    String params = "(phase = " + phase + ", context = " + context + ")";
    int comma = model.indexOf(',');
    if (comma < 0) {
      return model + params;
    }
    return model.substring(0, comma) + params + model.substring(comma);
  }
}
