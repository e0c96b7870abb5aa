package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.lang.unit.Quantity;
import java.util.List;
import java.util.Map;
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
      double chip = ChipRoom.of(devices, c, false).bytes();
      for (Device d : devices) {
        assertTrue(MemoryLimit.ofDevice(d, c).bytes() <= chip, soc.id() + " " + d.id());
        assertTrue(ChipRoom.largest(d, c, false).bytes() <= chip, soc.id() + " " + d.id());
        // a configuration with the part the device ships: at least its base, at most its largest
        double own = ChipRoom.largest(d, c, true).bytes();
        assertTrue(MemoryLimit.ofDevice(d, c).bytes() <= own, d.id());
        assertTrue(own <= ChipRoom.largest(d, c, false).bytes(), d.id());
      }
      for (Soc bin : soc.variants()) {
        // a part no device ships (the 10-core M1 Pro with 14 GPU cores) has no known configuration
        List<Device> shipping = KB.devicesWith(bin);
        double room = ChipRoom.of(shipping, c, true).bytes();
        assertTrue(shipping.isEmpty() ? Double.isInfinite(room) : room <= chip, bin.label());
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
      m1      | llama_cpp | 12 GB    | app_memory_limit_entitled_max | iPad Pro 12.9-inch (5th generation)
      m1_pro  | llama_cpp | 32 GiB * 2 / 3  | gpu_working_set_max       | MacBook Pro 14-inch (M1 Pro, 2021)
      m3_max  | coreml    | 128 GB   | ram_max                   | MacBook Pro 14-inch (M3 Max, Nov 2023)
      m3_ultra | llama_cpp | 512 GiB * 3 / 4 | gpu_working_set_max       | Mac Studio (M3 Ultra, 2025)
      """)
  void theChipsLimitIsItsRoomiestDevice(
      String chip, String runtime, String bytes, String field, String device) {
    MemoryLimit limit =
        ChipRoom.of(KB.devicesWith(chip), runtime.equals("coreml") ? CORE_ML : METAL, false);
    double expected = DevqAssertions.quantity(bytes).value();
    assertEquals(expected, limit.bytes(), 1 << 20, chip);
    assertEquals(field, limit.field(), chip);
    assertEquals(device, limit.device(), chip);
  }

  /**
   * A binned part's limit counts only the configurations sold with that part, each from a sourced
   * {@code variant_ram_max} where the part is sold with less than the model's largest: the 32-core
   * M4 Max comes with 36 GB only (its base), the 30-core M3 Max with up to 96 GB, the 60-core M3
   * Ultra with up to 256 GB, the 9-core M4 of the iPad Pros with 8 GB, the 32-core M5 Max with its
   * base 36 GB (an estimate: a catalogue puts 48 GB and more with the 40-core part).
   */
  @ParameterizedTest(name = "{0}({1} = {2}) {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      m4_max   | gpu_cores | 32 | coreml    | 36 GB           | app_memory_limit            | 36 GB
      m4_max   | gpu_cores | 32 | llama_cpp | 27648 MiB       | gpu_working_set             | 36 GB
      m3_max   | gpu_cores | 30 | coreml    | 96 GB           | variant_ram_max             | 96 GB
      m3_max   | gpu_cores | 30 | llama_cpp | 96 GiB * 3 / 4  | variant_gpu_working_set_max | 96 GB
      m3_ultra | gpu_cores | 60 | coreml    | 256 GB          | variant_ram_max             | 256 GB
      m4       | cpu_cores | 9  | coreml    | 6 GB            | app_memory_limit_entitled   | 8 GB
      m5_max   | gpu_cores | 32 | coreml    | 36 GB           | app_memory_limit            | 36 GB
      m5_max   | gpu_cores | 32 | llama_cpp | 27648 MiB       | gpu_working_set             | 36 GB
      """)
  void aBinnedPartsLimitIsTheMostThatPartIsSoldWith(
      String chip,
      String param,
      int value,
      String runtime,
      String bytes,
      String field,
      String ram) {
    Soc part = KB.soc(chip, Map.of(param, Quantity.number(value))).orElseThrow();
    List<Device> devices = KB.devicesWith(part);
    assertTrue(devices.stream().allMatch(d -> KB.socOf(d).variant().equals(part.variant())));
    MemoryLimit limit = ChipRoom.of(devices, runtime.equals("coreml") ? CORE_ML : METAL, true);
    assertEquals(DevqAssertions.quantity(bytes).value(), limit.bytes(), 1 << 20, part.label());
    assertEquals(field, limit.field(), part.label());
    double configRam =
        limit.largerConfiguration() ? limit.configRam() : devices.get(0).ram().value().value();
    assertEquals(DevqAssertions.quantity(ram).value(), configRam, 1, part.label());
    // the whole chip has more room: its bare id reads every configuration of every device
    assertTrue(ChipRoom.of(KB.devicesWith(chip), CORE_ML, false).bytes() > limit.bytes(), chip);
  }

  /**
   * The iMac's 8-core M4 (8 CPU and 8 GPU cores) is sold in the two-port model only, with 16 or 24
   * GB: its limit is the 24 GB configuration's, below the 32 GB of the 10-core four-port models
   * that the bare chip reads.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      coreml    | 24 GB           | variant_ram_max
      llama_cpp | 24 GiB * 2 / 3  | variant_gpu_working_set_max
      """)
  void theIMacsEightCoreM4IsSoldWithAtMost24Gb(String runtime, String bytes, String field) {
    Soc part =
        KB.soc("m4", Map.of("gpu_cores", Quantity.number(8), "cpu_cores", Quantity.number(8)))
            .orElseThrow();
    List<Device> devices = KB.devicesWith(part);
    assertEquals(List.of("imac_24_m4"), devices.stream().map(Device::id).toList());
    MemoryLimit limit = ChipRoom.of(devices, runtime.equals("coreml") ? CORE_ML : METAL, true);
    assertEquals(DevqAssertions.quantity(bytes).value(), limit.bytes(), 1 << 20, part.label());
    assertEquals(field, limit.field(), part.label());
    assertEquals(DevqAssertions.quantity("24 GB").value(), limit.configRam(), 1, part.label());
  }

  /**
   * Whether a device's limit with the entitlement is known is asked of one configuration: the 8 GB
   * M2 iPad Pro's is given (6 GB), its 16 GB model's is not; both M1 iPad Pro sizes are given (6
   * and 12 GB); the M4 iPad Pro's 16 GB model's is not given, and its 9-core part, sold with the
   * base 8 GB only, reads the base one. A Mac has no such limit. A chip of one such device says so
   * only where its configuration's limit is unknown.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ipad_pro_m2, false, true",
    "ipad_pro_m1, false, false",
    "ipad_pro_m4, false, true",
    "macbook_air_m1, false, false"
  })
  void theEntitledLimitIsAskedOfOneConfiguration(String id, boolean base, boolean largest) {
    Device d = KB.devices().get(id);
    assertEquals(base, d.entitledLimitUnknown(), id);
    assertEquals(base, d.entitledLimitUnknown(d.ram().value().value()), id);
    assertEquals(largest, d.entitledLimitUnknown(d.ramMax().value().value()), id);
    assertEquals(largest, ChipRoom.of(List.of(d), CORE_ML, false).entitledUnknown(), id);
    if (d.variantRamMax().present()) {
      assertEquals(base, d.entitledLimitUnknown(d.variantRamMax().value().value()), id);
      assertEquals(base, ChipRoom.of(List.of(d), CORE_ML, true).entitledUnknown(), id);
    }
  }
}
