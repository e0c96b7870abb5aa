package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ProfileLoader;
import dev.devq.kb.Soc;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.model.Layer;
import dev.devq.model.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code cpu.bandwidth}: where a measurement shows a SoC's CPU cluster reaching less DRAM bandwidth
 * than the SoC (an M1 Max's cores about 243 of 400 GB/s), the CPU's layers stream at it; the GPU
 * and the Neural Engine keep the SoC's, and a SoC without the field streams its CPU layers at the
 * SoC's bandwidth as before. A CPU figure above the SoC's cannot be, and is refused at load.
 */
class CpuBandwidthTest {
  private static final Path SHIPPED = DevqAssertions.projectDir().resolve("profiles");
  private static final String M1_MAX_CPU = "  bandwidth: {value: 243 GB/s";

  /** A linear layer whose 134 MB of fp16 weights exceed the cache: memory-bound on every unit. */
  private static final Layer WIDE_LINEAR =
      new Layer(
          "l",
          "linear",
          Shape.of(8192),
          Shape.of(8192),
          8192L * 8192,
          2L * 8192 * 8192,
          8192L * 8192 + 8192,
          0,
          Map.of());

  @ParameterizedTest(name = "m1_max CPU at {0} GB/s: CPU memory time x{1} of the SoC's 400")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      243 | 1.6461
      100 | 4
      400 | 1
      """)
  void aMemoryBoundCpuLayerScalesByTheBandwidthRatio(String gbs, double ratio, @TempDir Path dir)
      throws IOException {
    KnowledgeBase without = load(overlay(dir.resolve("without"), ""));
    KnowledgeBase with = load(overlay(dir.resolve("with"), M1_MAX_CPU.replace("243", gbs)));
    LayerCost slow = layer(with, UnitSet.CPU_ONLY);
    LayerCost fast = layer(without, UnitSet.CPU_ONLY);
    assertEquals(ComputeUnit.CPU, slow.unit());
    assertEquals("memory", slow.bound().key(), "the layer must be memory-bound to show it");
    assertEquals(ratio, slow.memoryTime() / fast.memoryTime(), 1e-4, gbs + " GB/s");
    assertEquals(fast.computeTime(), slow.computeTime(), 0, "compute does not depend on DRAM");
  }

  @ParameterizedTest(name = "{0}: the {1} keeps the SoC's bandwidth")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      CPU_AND_GPU | GPU
      CPU_AND_NE  | ANE
      """)
  void otherUnitsKeepTheSocsBandwidth(String units, String unit, @TempDir Path dir)
      throws IOException {
    KnowledgeBase without = load(overlay(dir.resolve("without"), ""));
    KnowledgeBase with = load(overlay(dir.resolve("with"), M1_MAX_CPU.replace("243", "100")));
    LayerCost a = layer(with, UnitSet.valueOf(units));
    LayerCost b = layer(without, UnitSet.valueOf(units));
    assertEquals(ComputeUnit.valueOf(unit), a.unit(), "the layer must run on the " + unit);
    assertEquals(b.memoryTime(), a.memoryTime(), 0, unit + " memory time");
    assertEquals(b.time(), a.time(), 0, unit + " time");
  }

  @Test
  void withoutTheFieldTheCpuReachesTheSocsBandwidth() {
    int without = 0;
    for (Soc soc : DevqAssertions.kb().socs().values()) {
      double dram = soc.bandwidth().value().value();
      double cpu = soc.cpu().bandwidth().value().value();
      assertEquals(Double.isNaN(cpu) ? dram : cpu, UnitRates.bandwidth(soc, ComputeUnit.CPU), 0);
      assertEquals(dram, UnitRates.bandwidth(soc, ComputeUnit.GPU), 0, soc.id());
      without += Double.isNaN(cpu) ? 1 : 0;
    }
    assertTrue(without > 0, "most SoCs have no measurement of their CPU's bandwidth");
    Soc max = DevqAssertions.kb().socs().get("m1_max");
    assertEquals(243e9, UnitRates.bandwidth(max, ComputeUnit.CPU), 1, "the shipped M1 Max");
    for (Soc bin : max.variants()) {
      assertEquals(243e9, UnitRates.bandwidth(bin, ComputeUnit.CPU), 1, bin.label());
    }
  }

  @Test
  void aCpuBandwidthAboveTheSocsIsRefusedAtTheValue(@TempDir Path dir) throws IOException {
    Path root = overlay(dir, M1_MAX_CPU.replace("243", "500"));
    String text = Files.readString(root.resolve("socs/m1_max.yaml"), StandardCharsets.UTF_8);
    assertRefused(
        root,
        "'cpu.bandwidth' (500 GB/s) exceeds the DRAM bandwidth of m1_max (400 GB/s)",
        "socs/m1_max.yaml:" + position(text, "500 GB/s", 0));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      0 GB/s     | 'cpu.bandwidth' must be above 0
      1e-30 GB/s | 'cpu.bandwidth' is beyond what any device has
      -5 GB/s    | 'bandwidth' cannot be negative
      5 GHz      | 'bandwidth'
      """)
  void anImpossibleCpuBandwidthIsRefusedAtTheValue(String value, String message, @TempDir Path dir)
      throws IOException {
    Path root = overlay(dir, M1_MAX_CPU.replace("243 GB/s", value));
    String text = Files.readString(root.resolve("socs/m1_max.yaml"), StandardCharsets.UTF_8);
    assertRefused(root, message, "socs/m1_max.yaml:" + position(text, "{value: " + value, 8));
  }

  /** The M3 Max's 30-core bin has 300 GB/s: a CPU figure of 350 fits the full part, not the bin. */
  @Test
  void aCpuBandwidthAboveABinsIsRefusedAtTheBinsBandwidth(@TempDir Path dir) throws IOException {
    String file = "socs/m3_max.yaml";
    String text = Files.readString(SHIPPED.resolve(file), StandardCharsets.UTF_8);
    String power = text.lines().filter(l -> l.startsWith("  power:")).toList().get(2);
    assertTrue(text.indexOf("cpu:") < text.indexOf(power), "the third power line is the CPU's");
    text =
        text.replace(
            power,
            power
                + "\n  bandwidth: {value: 350 GB/s, source: m3_pro_max_specs, confidence:"
                + " estimate}");
    Files.createDirectories(dir.resolve("socs"));
    Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    assertRefused(
        dir,
        "'cpu.bandwidth' (350 GB/s) exceeds the DRAM bandwidth of m3_max(gpu_cores = 30,"
            + " cpu_cores = 14) (300 GB/s)",
        file + ":" + position(text, "bandwidth: 300 GB/s", "bandwidth: ".length()));
  }

  private static void assertRefused(Path overlay, String message, String position) {
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, overlay));
    assertFalse(r.ok(), "a CPU faster than its DRAM must be refused");
    assertEquals(
        1,
        r.diagnostics().stream()
            .filter(d -> d.message().contains(message) && d.position().endsWith(position))
            .count(),
        () -> message + " at " + position + " in:\n" + DiagnosticRenderer.render(r.diagnostics()));
  }

  /** 1-based line:column {@code skip} characters into the first {@code needle} of {@code text}. */
  private static String position(String text, String needle, int skip) {
    int at = text.indexOf(needle) + skip;
    int line = (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    return line + ":" + (at - text.lastIndexOf('\n', at - 1));
  }

  /** The shipped M1 Max with its CPU bandwidth line replaced by {@code line} (empty: none). */
  private static Path overlay(Path dir, String line) throws IOException {
    String text = Files.readString(SHIPPED.resolve("socs/m1_max.yaml"), StandardCharsets.UTF_8);
    String shipped =
        text.lines().filter(l -> l.startsWith(M1_MAX_CPU)).findFirst().orElseThrow() + "\n";
    String cut = line.isEmpty() ? "" : shipped.replace(M1_MAX_CPU, line);
    Files.createDirectories(dir.resolve("socs"));
    Files.writeString(
        dir.resolve("socs/m1_max.yaml"), text.replace(shipped, cut), StandardCharsets.UTF_8);
    return dir;
  }

  private static KnowledgeBase load(Path overlay) {
    ProfileLoader.Result r = ProfileLoader.load(List.of(SHIPPED, overlay));
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    return r.knowledgeBase();
  }

  /** {@link #WIDE_LINEAR} in fp16 on the M1 Max under {@code units}, warm at nominal. */
  private static LayerCost layer(KnowledgeBase kb, UnitSet units) {
    var one = OneLayer.of(WIDE_LINEAR, "m1_max", kb);
    Conditions c = new Conditions(Thermal.of(ThermalState.NOMINAL), units, 1, Start.WARM);
    return new CostModel(kb).estimate(one.model(), one.target(), c).layers().get(0);
  }
}
