package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.Diagnostic;
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
import org.junit.jupiter.api.io.TempDir;
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
    assertEquals(32, KB.socs().size());
    int binned = KB.socs().values().stream().mapToInt(s -> s.variants().size()).sum();
    assertEquals(33, binned);
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
      ipad_pro_m4           | 700    | 2300    | estimate
      ipad_air_m4           | 653.33 | 2300    | estimate
      imac_24_m4            | 746.67 | 2300    | estimate
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

  private static final Path TEST_CHIP =
      DevqAssertions.projectDir().resolve("src/test/resources/loader/variant-confidence");

  private static final KnowledgeBase WITH_TEST_CHIP = loadWithTestChip();

  private static KnowledgeBase loadWithTestChip() {
    ProfileLoader.Result r =
        ProfileLoader.load(List.of(DevqAssertions.projectDir().resolve("profiles"), TEST_CHIP));
    assertTrue(r.ok(), () -> "the test chip should load: " + r.diagnostics());
    return r.knowledgeBase();
  }

  /**
   * What the binned-part rule makes of a vendor or measured figure (the test chip's: CPU peaks and
   * bandwidth measured, GPU peak and CPU power from the maker), as {@code devq info} shows it. A
   * figure scaled by cores alone is derived; one scaled by a clock is an estimate; a figure the
   * part keeps is the full part's, except the CPU bandwidth, measured on the full part's cores at
   * its clock, which is an estimate on a part with other CPU cores or clock; a variant's own figure
   * is its own.
   */
  @ParameterizedTest(name = "{0} {1}: {2} {3}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      gpu_cores = 8                | gpu.tflops_fp32        | 3.2 TOPS    | derived
      gpu_cores = 8                | cpu.gflops_fp32        | 800 GFLOPS  | measured
      gpu_cores = 8                | cpu.power              | 20 W        | vendor
      gpu_cores = 8                | cpu.bandwidth          | 100 GB/s    | measured
      cpu_cores = 9                | gpu.tflops_fp32        | 4 TOPS      | vendor
      cpu_cores = 9                | cpu.gflops_fp32        | 667 GFLOPS  | derived
      cpu_cores = 9                | cpu.gflops_matrix_fp32 | 2 TOPS      | measured
      cpu_cores = 9                | cpu.power              | 16.7 W      | derived
      cpu_cores = 9                | cpu.bandwidth          | 100 GB/s    | estimate
      p_core_clock = 3.6 GHz       | cpu.gflops_fp32        | 747 GFLOPS  | estimate
      p_core_clock = 3.6 GHz       | cpu.gflops_matrix_fp32 | 1.8 TOPS    | estimate
      p_core_clock = 3.6 GHz       | cpu.power              | 18.7 W      | estimate
      p_core_clock = 3.6 GHz       | cpu.bandwidth          | 100 GB/s    | estimate
      gpu_cores = 9, cpu_cores = 8 | gpu.tflops_fp32        | 3.6 TOPS    | derived
      gpu_cores = 9, cpu_cores = 8 | cpu.gflops_fp32        | 711 GFLOPS  | derived
      gpu_cores = 9, cpu_cores = 8 | cpu.bandwidth          | 90 GB/s     | measured
      """)
  void aBinnedPartsFigureKeepsOnlyTheConfidenceItsRuleEarns(
      String variant, String path, String value, String confidence) {
    Map<String, Quantity> params = new LinkedHashMap<>();
    for (String param : variant.split(", ")) {
      String[] kv = param.split(" = ");
      SocParameter p = SocParameter.parse(kv[0]);
      params.put(
          kv[0],
          p == SocParameter.P_CORE_CLOCK
              ? Quantity.of(Double.parseDouble(kv[1].replace(" GHz", "")) * 1e9, p.dimension())
              : Quantity.number(Integer.parseInt(kv[1])));
    }
    Soc part =
        WITH_TEST_CHIP
            .soc("test_chip", params)
            .orElseThrow(() -> new AssertionError("test_chip(" + variant + ") missing"));
    Fact f =
        part.facts().stream()
            .filter(x -> x.path().equals(path))
            .findFirst()
            .orElseThrow(() -> new AssertionError(path + " missing on " + part.label()));
    assertEquals(value, f.text(), part.label() + " " + path);
    assertEquals(confidence, f.provenance().confidence().label(), part.label() + " " + path);
  }

  /** The part's CPU bandwidth is what the cost model reads, and its note says whose it is. */
  @Test
  void aTakenOverCpuBandwidthSaysWhoseFigureItIs() {
    Soc part =
        WITH_TEST_CHIP.soc("test_chip", Map.of("cpu_cores", Quantity.number(9))).orElseThrow();
    Provenance p = part.cpu().bandwidth().provenance();
    assertEquals(Confidence.ESTIMATE, p.confidence());
    assertEquals("test_measurement", p.source());
    assertTrue(
        p.note().startsWith("the full part's 10-core figure, taken for this part"), p.note());
    assertEquals(100e9, part.cpu().bandwidth().value().value(), 1);
  }

  /** The shipped parts: the M4 and M5 iPads' and the iMac's CPU bandwidth is no longer measured. */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      ipad_pro_m5      | estimate
      ipad_pro_m4      | estimate
      ipad_air_13_m4   | estimate
      imac_24_m4       | estimate
      macbook_air_m4   | measured
      macbook_air_m1   | measured
      """)
  void shippedPartsCpuBandwidth(String device, String confidence) {
    Soc part = KB.socOf(KB.devices().get(device));
    assertEquals(confidence, part.cpu().bandwidth().provenance().confidence().label(), device);
  }

  /** The test chip with one text of its profile replaced, loaded over the shipped profiles. */
  private static ProfileLoader.Result loadEdited(Path dir, String from, String to)
      throws IOException {
    Files.createDirectories(dir.resolve("socs"));
    Files.copy(TEST_CHIP.resolve("sources.yaml"), dir.resolve("sources.yaml"));
    String chip = Files.readString(TEST_CHIP.resolve("socs/test_chip.yaml"));
    assertTrue(chip.contains(from), from);
    Files.writeString(dir.resolve("socs/test_chip.yaml"), chip.replace(from, to));
    return ProfileLoader.load(List.of(DevqAssertions.projectDir().resolve("profiles"), dir));
  }

  /** A variant's own CPU bandwidth above its DRAM's is refused at the variant's value. */
  @Test
  void aVariantsOwnCpuBandwidthAboveItsDramIsAnError(@TempDir Path dir) throws IOException {
    ProfileLoader.Result r =
        loadEdited(dir, "cpu_bandwidth: {value: 90 GB/s", "cpu_bandwidth: {value: 130 GB/s");
    assertFalse(r.ok());
    Diagnostic d = r.diagnostics().get(0);
    assertTrue(d.message().startsWith("'cpu.bandwidth' (130 GB/s) exceeds"), d.message());
    assertTrue(d.position().endsWith("test_chip.yaml:38:64"), d.position());
  }

  /**
   * A variant measured where its full part was not: its own figure is a fact of the part, shown
   * among the CPU's, and the other parts stay without one.
   */
  @Test
  void aVariantsOwnCpuBandwidthStandsWhereTheFullPartHasNone(@TempDir Path dir) throws IOException {
    ProfileLoader.Result r =
        loadEdited(
            dir,
            "  bandwidth: {value: 100 GB/s, source: test_measurement, confidence: measured}\n",
            "");
    assertTrue(r.ok(), () -> r.diagnostics().toString());
    KnowledgeBase kb = r.knowledgeBase();
    Soc own =
        kb.soc(
                "test_chip",
                Map.of("gpu_cores", Quantity.number(9), "cpu_cores", Quantity.number(8)))
            .orElseThrow();
    List<String> paths = own.facts().stream().map(Fact::path).toList();
    int at = paths.indexOf("cpu.bandwidth");
    assertTrue(at > 0 && paths.get(at - 1).startsWith("cpu."), paths.toString());
    assertEquals("90 GB/s", own.facts().get(at).text());
    assertEquals(Confidence.MEASURED, own.cpu().bandwidth().provenance().confidence());
    Soc other = kb.soc("test_chip", Map.of("cpu_cores", Quantity.number(9))).orElseThrow();
    assertFalse(other.cpu().bandwidth().present());
    assertFalse(kb.socs().get("test_chip").cpu().bandwidth().present());
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
