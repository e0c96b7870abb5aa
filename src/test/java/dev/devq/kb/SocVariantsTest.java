package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.unit.Quantity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Binned SoC variants over the shipped knowledge base: lookups, scaling and what devices ship. */
class SocVariantsTest {
  private static final KnowledgeBase KB = load();
  private static final double MIB = 1024.0 * 1024.0;

  private static KnowledgeBase load() {
    ProfileLoader.Result r =
        ProfileLoader.load(List.of(DevqAssertions.projectDir().resolve("profiles")));
    assertTrue(r.ok(), () -> "shipped profiles should load: " + r.diagnostics());
    return r.knowledgeBase();
  }

  private static Soc variant(String id, int gpuCores) {
    return KB.soc(id, Map.of("gpu_cores", Quantity.number(gpuCores)))
        .orElseThrow(() -> new AssertionError(id + "(gpu_cores = " + gpuCores + ") missing"));
  }

  @Test
  void countsOfSocsAndVariants() {
    assertEquals(31, KB.socs().size());
    int binned = KB.socs().values().stream().mapToInt(s -> s.variants().size()).sum();
    assertEquals(30, binned);
  }

  @Test
  void m3Max30CoreHasItsOwnBandwidthCpuAndScaledGpu() {
    Soc full = KB.socs().get("m3_max");
    Soc bin = variant("m3_max", 30);
    assertEquals(300e9, bin.bandwidth().value().value(), 1);
    assertEquals(14, bin.cpu().cores().value());
    assertEquals(
        full.gpu().peakFp16().value().value() * 30 / 40, bin.gpu().peakFp16().value().value(), 1e6);
    assertEquals("m3_max(gpu_cores = 30, cpu_cores = 14)", bin.label());
    assertEquals("m3_max", KB.soc("m3_max", Map.of()).orElseThrow().label());
    assertTrue(
        bin.facts().stream()
            .anyMatch(f -> f.path().equals("memory.bandwidth") && f.value().equals("300")));
  }

  /**
   * One rule for a binned part's CPU peaks, worked by hand: the NEON peak's P-cluster share (a
   * P-core worth 3 E-cores) scales with the P-cores and their clock, the E-cluster share with the
   * E-cores; the matrix unit, one per P-cluster, with the clock alone. A peak scaled by a clock is
   * an estimate.
   */
  @ParameterizedTest(name = "{0}: {1} GFLOPS NEON, {2} GFLOPS matrix")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ipad_mini_6           | 321.05 | 1496.75 | estimate
      ipad_pro_m5           | 683.78 | 2268.84 | estimate
      ipad_pro_m4           | 700    | 2250    | estimate
      ipad_a16              | 315    | 1770    | estimate
      macbook_pro_16_m3_max | 1470.5 | 4150    | estimate
      iphone_13             | 340    | 1650    | estimate
      iphone_13_pro         | 340    | 1650    | estimate
      """)
  void aBinnedPartsCpuPeaksFollowItsCoresAndClock(
      String device, double neon, double matrix, String confidence) {
    Soc part = KB.socOf(KB.devices().get(device));
    assertEquals(neon * 1e9, part.cpu().peakFp32().value().value(), 0.01e9, device + " NEON");
    assertEquals(matrix * 1e9, part.cpu().peakMatrix().value().value(), 0.01e9, device + " matrix");
    assertEquals(
        confidence,
        part.cpu().peakFp32().provenance().confidence().name().toLowerCase(Locale.ROOT));
  }

  /** The iPad mini's NEON peak says it is derived by the rule, from which clock and source. */
  @Test
  void aClockScaledPeakSaysWhereItComesFrom() {
    Soc mini = KB.socOf(KB.devices().get("ipad_mini_6"));
    Provenance p = mini.cpu().peakFp32().provenance();
    assertEquals(Confidence.ESTIMATE, p.confidence());
    assertEquals("dougallj_applecpu", p.source());
    assertTrue(p.note().contains("2.93 GHz instead of 3.23 GHz (ipad_mini_6_geekbench)"), p.note());
    Provenance m = mini.cpu().peakMatrix().provenance();
    assertEquals(Confidence.ESTIMATE, m.confidence());
    assertTrue(m.note().contains("scaled by the P-core clock"), m.note());
  }

  @Test
  void unknownVariantOrSocIsEmpty() {
    assertTrue(KB.soc("m3_max", Map.of("gpu_cores", Quantity.number(33))).isEmpty());
    assertTrue(KB.soc("m99", Map.of()).isEmpty());
    assertEquals(List.of(), KB.variants("m99"));
  }

  @Test
  void devicesShipTheirVariant() {
    Map<String, Integer> gpuCores = new LinkedHashMap<>();
    gpuCores.put("iphone_13", 4);
    gpuCores.put("iphone_13_pro", 5);
    gpuCores.put("iphone_14", 5);
    gpuCores.put("ipad_mini_6", 5);
    gpuCores.put("ipad_mini_a17_pro", 5);
    gpuCores.put("ipad_a16", 4);
    gpuCores.put("iphone_14_pro", 5);
    gpuCores.put("iphone_15_pro", 6);
    gpuCores.put("iphone_air", 5);
    gpuCores.put("iphone_17_pro", 6);
    gpuCores.put("macbook_pro_16_m3_max", 30);
    gpuCores.put("macbook_pro_16_m4_max", 32);
    gpuCores.forEach(
        (device, cores) ->
            assertEquals(
                cores,
                KB.socOf(KB.devices().get(device)).gpu().cores().value(),
                device + " GPU cores"));
    Soc m4MaxBin = KB.socOf(KB.devices().get("macbook_pro_16_m4_max"));
    assertEquals(410e9, m4MaxBin.bandwidth().value().value(), 1);
    assertEquals(14, m4MaxBin.cpu().cores().value());
    // the iPad (A16) ships the A16 with one efficiency core and one GPU core fewer
    Soc ipadA16 = KB.socOf(KB.devices().get("ipad_a16"));
    assertEquals(5, ipadA16.cpu().cores().value());
    assertTrue(
        ipadA16.cpu().peakFp32().value().value()
            < KB.socs().get("a16").cpu().peakFp32().value().value());
  }

  @Test
  void aDeviceVariantDiffersFromItsFullPart() {
    Device d = KB.devices().get("macbook_air_m1");
    Soc shipped = KB.socOf(d);
    Soc full = KB.socs().get("m1");
    assertEquals(7, shipped.gpu().cores().value());
    assertTrue(shipped.gpu().peakFp32().value().value() < full.gpu().peakFp32().value().value());
  }

  @Test
  void macs36GbWorkingSetIsThreeQuartersOfRam() {
    for (String id : List.of("macbook_pro_16_m3_max", "macbook_pro_16_m4_max")) {
      Device d = KB.devices().get(id);
      assertEquals(27648, d.gpuWorkingSet().value().value() / MIB, 1, id);
      // A Mac's app limit is its RAM (no per-app jetsam limit), never the GPU working set.
      assertEquals(d.ram().value().value(), d.appMemoryLimit().value().value(), 1, id);
    }
    assertTrue(
        KB.devices().values().stream()
            .filter(d -> d.formFactor() == FormFactor.PHONE)
            .noneMatch(d -> d.gpuWorkingSet().present()));
  }

  @Test
  void everyVariantTheCalibrationDataNamesExists() throws IOException {
    Path csv =
        DevqAssertions.projectDir().resolve("../shared/data/calibration-runtimes.csv").normalize();
    Assumptions.assumeTrue(Files.exists(csv), "calibration data not beside the project");
    Matcher m =
        Pattern.compile("([a-z0-9_]+)\\(gpu_cores = (\\d+)\\)").matcher(Files.readString(csv));
    int seen = 0;
    while (m.find()) {
      variant(m.group(1), Integer.parseInt(m.group(2)));
      seen++;
    }
    assertTrue(seen > 0, "the calibration data names variants");
  }

  @Test
  void reportedIsAConfidence() {
    assertEquals(Confidence.REPORTED, Confidence.parse("reported"));
  }
}
