package dev.devq.query.eval;

import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bare SoC named as a target refuses on memory only when no device with that chip has room in its
 * largest configuration: the profiles describe base configurations (an 8 GB M1 MacBook Air) while
 * the chip's measurements ran on larger ones. A device keeps its own base configuration.
 */
class ChipRefusalTest {
  /**
   * Each query and why it cannot run, or nothing when it runs. Llama 2 7B in F16 (14 GB) fits a 16
   * GB M1 Mac, not the 8 GB base one; OPT-1.3B (2.85 GB) fits the iPhone 13 Pro's entitled 4.2 GB,
   * not the iPhone 13's default 2.1 GB; a measured row (q8_0 on the 7-core M1 GPU) runs. A binned
   * part reads only configurations sold with it: Llama 2 70B at 4 bits (39.1 GB) fits the 40-core
   * M4 Max's 48 GB and more, not the 32-core part's 36 GB; the 4-core A15 is in iPhones of 4 GB.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(llama_2_7b, m1)                          |
      latency(llama_2_7b, macbook_air_m1)              | llama_2_7b needs 14 GB; an app on MacBook Air (M1, 2020) may use 8 GB
      latency(opt_1_3b, a15)                           |
      latency(opt_1_3b, iphone_13)                     | opt_1_3b needs 2.85 GB; an app on iPhone 13 may use 2.1 GB (its limit with the increased-memory-limit entitlement is not known)
      latency(quantize(llama_2_7b(phase = decode, context = 64), q8_0), m1(gpu_cores = 7), units = cpu_and_gpu, runtime = llama_cpp) |
      latency(llama_2_70b, a14, runtime = llama_cpp)   | llama_2_70b needs 138 GB; no A14 Bionic device has room: the most an app may use is 4 GB, on iPhone 12 with the increased-memory-limit entitlement
      latency(llama_2_7b, a15)                         | llama_2_7b needs 14 GB; no A15 Bionic device has room: the most an app may use is 4.2 GB, on iPhone 13 Pro with the increased-memory-limit entitlement
      latency(opt_1_3b, a13)                           | opt_1_3b needs 2.85 GB; no A13 Bionic device has room: the most an app may use is 2.07 GB, on iPhone 11 (the limit with the increased-memory-limit entitlement of some of its devices is not known)
      latency(llama_3_70b, m1)                         | llama_3_70b needs 141 GB; no M1 device has room: the most an app may use is 16 GB, on iMac 24-inch (M1, 2021) in its 16 GB configuration
      latency(llama_2_13b, m1_pro, runtime = llama_cpp) | llama_2_13b needs 26.9 GB; no M1 Pro device has room: llama.cpp on Metal may keep at most 22.9 GB in GPU memory, on MacBook Pro 14-inch (M1 Pro, 2021) in its 32 GB configuration
      latency(quantize(llama_2_70b, w4), m4_max)       |
      latency(quantize(llama_2_70b, w4), m4_max(gpu_cores = 32)) | quantize(llama_2_70b, w4) needs 39.1 GB; no M4 Max (gpu_cores = 32, cpu_cores = 14) device has room: the most an app may use is 36 GB, on Mac Studio (M4 Max, 2025)
      latency(quantize(llama_2_70b, w4), m3_max(gpu_cores = 30), runtime = llama_cpp) |
      latency(llama_2_70b, m3_max(gpu_cores = 30), runtime = llama_cpp) | llama_2_70b needs 138 GB; no M3 Max (gpu_cores = 30, cpu_cores = 14) device has room: llama.cpp on Metal may keep at most 77.3 GB in GPU memory, on MacBook Pro 14-inch (M3 Max, Nov 2023) in its 96 GB configuration
      latency(llama_2_13b, a15(gpu_cores = 4))         | llama_2_13b needs 26.9 GB; no A15 Bionic (gpu_cores = 4) device has room: the most an app may use is 2.1 GB, on iPhone 13
      latency(llama_3_70b, m1, runtime = llama_cpp)    | llama_3_70b needs 141 GB; no M1 device has room: the most an app may use is 12 GB, on iPad Pro 12.9-inch (5th generation) in its 16 GB configuration with the increased-memory-limit entitlement
      latency(llama_2_13b, a12x)                       | llama_2_13b needs 26.9 GB; no A12X Bionic device has room: the most an app could use is 6 GB, on iPad Pro 11-inch (1st generation) in its 6 GB configuration, its RAM (no source gives that configuration's app limit)
      """)
  void aChipRefusesOnlyWhenNoDeviceWithItHasRoom(String query, String reason) {
    Value v = eval(query);
    if (reason == null) {
      assertInstanceOf(Value.QuantityV.class, v, query + " runs");
    } else {
      assertEquals(reason, ((Value.CannotRunV) v).why().reason(), query);
    }
  }

  /**
   * A Mac whose largest configuration no source gives leaves its chip's largest limit unknown, so
   * the chip refuses nothing on memory: unknown is not "no".
   */
  @Test
  void aMacWithoutItsLargestConfigurationKeepsItsChipFromRefusing(@TempDir Path dir)
      throws Exception {
    Path macs = DevqAssertions.projectDir().resolve("profiles/devices/macs.yaml");
    String mini = entry(Files.readString(macs), "mac_mini_m1");
    String withoutMax =
        Pattern.compile("\n    (ram_max|gpu_working_set_max): [^\n]*").matcher(mini).replaceAll("");
    assertFalse(withoutMax.contains("ram_max"), withoutMax);
    Files.createDirectories(dir.resolve("devices"));
    Files.writeString(dir.resolve("devices/macs.yaml"), "devices:\n" + withoutMax);
    Devq devq = Devq.load(List.of(dir));
    String query = "latency(llama_3_70b, m1)";
    assertInstanceOf(Value.CannotRunV.class, eval(query), "shipped: every M1 device is known");
    var shown = (Outcome.Shown) DevqAssertions.run(devq, query).outcomes().get(0);
    assertInstanceOf(Value.QuantityV.class, shown.value(), "one M1 Mac's largest is unknown");
    var device =
        (Outcome.Shown)
            DevqAssertions.run(devq, "latency(llama_3_70b, mac_mini_m1)").outcomes().get(0);
    assertInstanceOf(Value.CannotRunV.class, device.value(), "the device keeps its own RAM");
  }

  /**
   * Whether the entitlement could lift a chip's limit is judged in the configuration the limit is
   * of, not the base one. With the 6 GB 11-inch 2018 iPad Pro left at its base 4 GB, the A12X's
   * limit is the 6 GB 12.9-inch model's 4598 MB, from before the entitlement: a model of 4.64 GB
   * needs more than the base 4 GB but fits in 6 GB, so the unknown entitled limit still matters.
   */
  @Test
  void theEntitlementIsJudgedInTheConfigurationTheLimitIsOf(@TempDir Path dir) throws Exception {
    Path ipads = DevqAssertions.projectDir().resolve("profiles/devices/ipads.yaml");
    String eleven = entry(Files.readString(ipads), "ipad_pro_11_2018");
    String withoutMax = Pattern.compile("\n    ram_max: [^\n]*").matcher(eleven).replaceAll("");
    assertFalse(withoutMax.contains("ram_max"), withoutMax);
    Files.createDirectories(dir.resolve("devices"));
    Files.writeString(dir.resolve("devices/ipads.yaml"), "devices:\n" + withoutMax);
    Devq devq = Devq.load(List.of(dir));
    var shown =
        (Outcome.Shown)
            DevqAssertions.run(devq, "latency(quantize(llama_3_1_8b, w4), a12x)").outcomes().get(0);
    assertEquals(
        "quantize(llama_3_1_8b, w4) needs 4.64 GB; no A12X Bionic device has room: the most an app"
            + " may use is 4.6 GB, on iPad Pro 12.9-inch (3rd generation) in its 6 GB configuration"
            + " (the limit with the increased-memory-limit entitlement of some of its devices is"
            + " not known)",
        ((Value.CannotRunV) shown.value()).why().reason());
  }

  /**
   * Whether a device's limit with the entitlement is known is asked of the configuration read, not
   * the base one. With the M1 iPad Pros' base (8 GB) entitled limit left out, the M1's limit for
   * llama.cpp is still the 16 GB models' 12 GB with the entitlement, a known one: Llama 2 7B (14
   * GB) is refused without a note that the entitled limit is unknown. The iPad named as the target
   * is its base configuration, whose entitled limit is then unknown: Llama 2 7B at 8 bits (7.3 GB)
   * needs more than its default 5 GB and fits its 8 GB.
   */
  @Test
  void theEntitledLimitIsKnownInTheConfigurationItIsOf(@TempDir Path dir) throws Exception {
    Path ipads = DevqAssertions.projectDir().resolve("profiles/devices/ipads.yaml");
    String file = Files.readString(ipads);
    String both = entry(file, "ipad_pro_m1") + entry(file, "ipad_pro_12_9_m1");
    String withoutBase =
        Pattern.compile("\n    app_memory_limit_entitled: [^\n]*").matcher(both).replaceAll("");
    assertFalse(withoutBase.contains("app_memory_limit_entitled:"), withoutBase);
    assertEquals(2, withoutBase.split("app_memory_limit_entitled_max:", -1).length - 1);
    Files.createDirectories(dir.resolve("devices"));
    Files.writeString(dir.resolve("devices/ipads.yaml"), "devices:\n" + withoutBase);
    Devq devq = Devq.load(List.of(dir));
    assertEquals(
        "llama_2_7b needs 14 GB; no M1 device has room: the most an app may use is 12 GB, on iPad"
            + " Pro 12.9-inch (5th generation) in its 16 GB configuration with the"
            + " increased-memory-limit entitlement",
        refusal(devq, "latency(llama_2_7b, m1, runtime = llama_cpp)"));
    assertEquals(
        "quantize(llama_2_7b, w8) needs 7.3 GB; an app on iPad Pro 11-inch (3rd generation) may use"
            + " 5 GB (its limit with the increased-memory-limit entitlement is not known)",
        refusal(devq, "latency(quantize(llama_2_7b, w8), ipad_pro_m1)"));
  }

  /** Why {@code query} cannot run with the profiles of {@code devq}. */
  private static String refusal(Devq devq, String query) {
    var shown = (Outcome.Shown) DevqAssertions.run(devq, query).outcomes().get(0);
    return ((Value.CannotRunV) shown.value()).why().reason();
  }

  /** The lines of one device's entry in a devices file, from its id to the next entry. */
  private static String entry(String file, String id) {
    int start = file.indexOf("  - id: " + id + "\n");
    int end = file.indexOf("\n  - id: ", start + 1);
    return file.substring(start, end < 0 ? file.length() : end) + "\n";
  }
}
