package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bare SoC's memory limit is the most any device with that chip allows, each at its largest. */
class ChipRoomTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();
  private static final Conditions CORE_ML = Conditions.DEFAULT;
  private static final Conditions METAL =
      new Conditions(Thermal.NOMINAL, UnitSet.CPU_AND_GPU, 1, Start.WARM)
          .withRuntime(Runtime.LLAMA_CPP);

  /** No device of any chip, in its base or largest configuration, allows more than its chip. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"coreml", "llama_cpp"})
  void noDeviceAllowsMoreThanItsChip(String runtime) {
    Conditions c = runtime.equals("coreml") ? CORE_ML : METAL;
    int chips = 0;
    for (Soc soc : KB.socs().values()) {
      List<Device> devices = KB.devicesWith(soc.id());
      if (devices.isEmpty()) {
        continue;
      }
      chips++;
      double chip = ChipRoom.of(devices, c).bytes();
      for (Device d : devices) {
        assertTrue(MemoryLimit.ofDevice(d, c).bytes() <= chip, soc.id() + " " + d.id());
        assertTrue(ChipRoom.largest(d, c).bytes() <= chip, soc.id() + " " + d.id());
      }
    }
    assertTrue(chips > 30, "chips with devices: " + chips);
  }

  /**
   * Which device and configuration a chip's limit is, and which field it reads: an iPhone chip's
   * roomiest device need not be its typical one (the A15's is the iPhone 13 Pro, not the iPhone
   * 13); a Mac's GPU working set is 2/3 of its RAM up to 32 GB and 3/4 above.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a14     | coreml    | 4 GB     | app_memory_limit_entitled | iPhone 12
      a15     | coreml    | 4.2 GB   | app_memory_limit_entitled | iPhone 13 Pro
      a18_pro | coreml    | 8 GB     | app_memory_limit          | MacBook Neo (A18 Pro, 2026)
      m1      | coreml    | 16 GB    | ram_max                   | iMac 24-inch (M1, 2021)
      m1_pro  | llama_cpp | 32 GiB * 2 / 3  | gpu_working_set_max       | MacBook Pro 14-inch (M1 Pro, 2021)
      m3_max  | coreml    | 128 GB   | ram_max                   | MacBook Pro 14-inch (M3 Max, Nov 2023)
      m3_ultra | llama_cpp | 512 GiB * 3 / 4 | gpu_working_set_max       | Mac Studio (M3 Ultra, 2025)
      """)
  void theChipsLimitIsItsRoomiestDevice(
      String chip, String runtime, String bytes, String field, String device) {
    MemoryLimit limit =
        ChipRoom.of(KB.devicesWith(chip), runtime.equals("coreml") ? CORE_ML : METAL);
    double expected = DevqAssertions.quantity(bytes).value();
    assertEquals(expected, limit.bytes(), 1 << 20, chip);
    assertEquals(field, limit.field(), chip);
    assertEquals(device, limit.device(), chip);
  }
}
