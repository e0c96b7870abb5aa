package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every Apple-silicon Mac model is a device with the part it ships, its base memory and, for
 * laptops, its battery; the Mac memory fields say different things; the increased-memory-limit
 * figures are data where a source gives them.
 */
class MacLineupTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  private static List<Device> macs() {
    return KB.devices().values().stream().filter(d -> d.gpuWorkingSet().present()).toList();
  }

  @Test
  void everyMacModelIsADevice() {
    assertEquals(51, macs().size());
    for (String id :
        List.of(
            "macbook_air_m1",
            "macbook_air_m2",
            "macbook_air_m3",
            "macbook_air_m4",
            "macbook_air_m5",
            "macbook_air_15_m2",
            "macbook_air_15_m3",
            "macbook_air_15_m4",
            "macbook_air_15_m5",
            "macbook_pro_13_m1",
            "macbook_pro_13_m2",
            "macbook_pro_14_m1_pro",
            "macbook_pro_14_m1_max",
            "macbook_pro_16_m1_pro",
            "macbook_pro_16_m1_max",
            "macbook_pro_14_m2_pro",
            "macbook_pro_14_m2_max",
            "macbook_pro_16_m2_pro",
            "macbook_pro_16_m2_max",
            "macbook_pro_14_m3",
            "macbook_pro_14_m3_pro",
            "macbook_pro_14_m3_max",
            "macbook_pro_16_m3_pro",
            "macbook_pro_16_m3_max",
            "macbook_pro_14_m4",
            "macbook_pro_14_m4_pro",
            "macbook_pro_14_m4_max",
            "macbook_pro_16_m4_pro",
            "macbook_pro_16_m4_max",
            "macbook_pro_14_m5",
            "macbook_pro_14_m5_pro",
            "macbook_pro_14_m5_max",
            "macbook_pro_16_m5_pro",
            "macbook_pro_16_m5_max",
            "mac_mini_m1",
            "mac_mini_m2",
            "mac_mini_m2_pro",
            "mac_mini_m4",
            "mac_mini_m4_pro",
            "mac_mini_m6",
            "imac_24_m1",
            "imac_24_m3",
            "imac_24_m4",
            "mac_studio_m1_max",
            "mac_studio_m1_ultra",
            "mac_studio_m2_max",
            "mac_studio_m2_ultra",
            "mac_studio_m4_max",
            "mac_studio_m3_ultra",
            "mac_pro_m2_ultra",
            "macbook_neo")) {
      assertTrue(KB.devices().containsKey(id), id);
    }
    for (Device mac : macs()) {
      boolean laptop = mac.formFactor() != FormFactor.DESKTOP;
      assertEquals(laptop, mac.batteryWh().present(), mac.id() + ": laptops carry a battery");
      assertTrue(mac.ram().value().value() >= 8e9, mac.id());
    }
  }

  /** The part each model ships, not the full part: GPU cores, CPU cores and bandwidth. */
  @ParameterizedTest(name = "{0}: {1} GPU, {2} CPU cores, {3} GB/s")
  @CsvSource({
    "macbook_neo, 5, 6, 60",
    "macbook_air_m5, 8, 10, 153",
    "mac_mini_m6, 12, 12, 170",
    "imac_24_m1, 7, 8, 68.25",
    "imac_24_m4, 8, 8, 120",
    "macbook_pro_14_m3_max, 30, 14, 300",
    "macbook_pro_14_m4_max, 32, 14, 410",
    "mac_studio_m4_max, 32, 14, 410",
    "mac_mini_m2_pro, 16, 10, 200",
    "mac_pro_m2_ultra, 60, 24, 800",
    "macbook_pro_14_m5_pro, 16, 15, 307",
    "macbook_pro_14_m5_max, 32, 18, 460",
    "macbook_pro_16_m5_max, 32, 18, 460",
    "macbook_pro_16_m4_pro, 20, 14, 273"
  })
  void eachModelShipsItsBinnedPart(String id, int gpu, int cpu, double gbPerSecond) {
    Soc part = KB.socOf(KB.devices().get(id));
    assertEquals(gpu, part.gpu().cores().value(), id);
    assertEquals(cpu, part.cpu().cores().value(), id);
    assertEquals(gbPerSecond * 1e9, part.bandwidth().value().value(), 1e8, id);
  }

  /**
   * A Mac's app limit is its RAM (macOS has no per-app jetsam limit); the GPU working set is 2/3 of
   * RAM up to 32 GB and 3/4 above, as logged. The two never carry the same number.
   */
  @Test
  void macMemoryFieldsSayDifferentThings() {
    for (Device mac : macs()) {
      double ram = mac.ram().value().value();
      assertEquals(ram, mac.appMemoryLimit().value().value(), 1, mac.id());
      assertNotEquals(
          mac.appMemoryLimit().value().value(), mac.gpuWorkingSet().value().value(), mac.id());
      assertEquals(workingSet(ram), mac.gpuWorkingSet().value().value(), 1 << 20, mac.id());
      assertFalse(mac.appMemoryLimitEntitled().present(), mac.id() + ": an iOS entitlement");
    }
    // The 36 GB M3 Max / M4 Max Macs: 27648 MiB as logged, not 24576.
    assertEquals(
        27648.0 * (1 << 20),
        KB.devices().get("macbook_pro_16_m4_max").gpuWorkingSet().value().value(),
        1 << 20);
  }

  /**
   * Every Mac names its largest configuration, never below its base one, and that configuration's
   * GPU working set follows the same rule as the base one's.
   */
  @Test
  void everyMacNamesItsLargestConfiguration() {
    for (Device mac : macs()) {
      assertTrue(mac.ramMax().present(), mac.id());
      double most = mac.ramMax().value().value();
      assertTrue(most >= mac.ram().value().value(), mac.id());
      assertEquals(workingSet(most), mac.gpuWorkingSetMax().value().value(), 1 << 20, mac.id());
      assertNotEquals(
          Confidence.MEASURED,
          mac.facts().stream()
              .filter(f -> f.path().equals("ram_max"))
              .findFirst()
              .orElseThrow()
              .provenance()
              .confidence(),
          mac.id());
    }
    assertEquals(16e9, KB.devices().get("macbook_air_m1").ramMax().value().value());
    assertEquals(512e9, KB.devices().get("mac_studio_m3_ultra").ramMax().value().value());
  }

  /**
   * Where the part a Mac ships is sold with less memory than the model's largest (which takes the
   * full part), the profile says how much, from a source: the bare-SoC rule of that part reads it.
   * A configuration larger than the base one carries its GPU working set by the same rule.
   */
  @Test
  void aBinnedPartSoldWithLessNamesItsLargest() {
    for (String id :
        List.of(
            "macbook_pro_14_m3_max",
            "macbook_pro_16_m3_max",
            "macbook_pro_14_m4_max",
            "macbook_pro_16_m4_max",
            "mac_studio_m4_max",
            "mac_studio_m3_ultra")) {
      Device mac = KB.devices().get(id);
      assertTrue(mac.variantRamMax().present(), id);
      assertNotEquals(Confidence.ESTIMATE, mac.variantRamMax().provenance().confidence(), id);
    }
    for (Device mac : macs()) {
      if (!mac.variantRamMax().present()) {
        continue;
      }
      double own = mac.variantRamMax().value().value();
      boolean larger = own > mac.ram().value().value();
      assertEquals(larger, mac.variantGpuWorkingSetMax().present(), mac.id());
      if (larger) {
        assertEquals(
            workingSet(own), mac.variantGpuWorkingSetMax().value().value(), 1 << 20, mac.id());
      }
    }
    assertEquals(36e9, KB.devices().get("macbook_pro_14_m4_max").variantRamMax().value().value());
    assertEquals(96e9, KB.devices().get("macbook_pro_16_m3_max").variantRamMax().value().value());
  }

  /**
   * macOS's recommended GPU working set for {@code ram} bytes (written in GB, counted by the logs
   * in GiB): 2/3 up to 32 GB, 3/4 above ({@code metal_working_set_logs}, {@code
   * gpustack_working_set}).
   */
  private static double workingSet(double ram) {
    double mib = ram / 1e9 * 1024 * 1024 * 1024;
    return mib * (ram > 32e9 ? 0.75 : 2.0 / 3);
  }

  @ParameterizedTest(name = "{0} with the entitlement: {1} GB")
  @CsvSource({
    "iphone_12_mini, 2.4",
    "iphone_12, 4",
    "iphone_13_pro, 4.2",
    "iphone_14_pro_max, 4",
    "iphone_15_pro, 6",
    "ipad_pro_m1, 6"
  })
  void increasedMemoryLimitWhereASourceGivesIt(String id, double gb) {
    Device d = KB.devices().get(id);
    assertEquals(gb * 1e9, d.appMemoryLimitEntitled().value().value(), 1e6, id);
    assertEquals(Confidence.REPORTED, d.appMemoryLimitEntitled().provenance().confidence());
    assertTrue(d.appMemoryLimitEntitled().value().value() > d.appMemoryLimit().value().value(), id);
  }

  /**
   * Seven devices have their own report; every other figure is its RAM class's estimate
   * (CatalogCoverageTest), and each names a source.
   */
  @Test
  void noEntitledFigureWithoutASource() {
    assertFalse(KB.devices().get("iphone_11").appMemoryLimitEntitled().present());
    List<Device> withFigure =
        KB.devices().values().stream().filter(d -> d.appMemoryLimitEntitled().present()).toList();
    for (Device d : withFigure) {
      assertFalse(d.appMemoryLimitEntitled().provenance().source().isEmpty(), d.id());
    }
    assertEquals(
        7,
        withFigure.stream()
            .filter(
                d -> d.appMemoryLimitEntitled().provenance().confidence() == Confidence.REPORTED)
            .count());
  }
}
