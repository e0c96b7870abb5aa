package dev.devq.kb;

import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads {@code socs/ID.yaml}. */
final class SocReader {
  private SocReader() {}

  static Soc read(Fields f, List<Fact> facts) {
    String id = f.id("id");
    String name = f.id("name");
    List<String> aliases = f.texts("aliases");
    Sourced<Integer> year = f.integer("year", 2000, 2100, true);
    Sourced<String> process = f.sourcedText("process", false);
    String typical = f.id("typical_device");
    f.fact("typical_device", typical);
    Sourced<String> memoryDevice = f.sourcedText("memory_device", false);
    boolean coremlAne = f.bool("coreml_ane", true);
    f.fact("coreml_ane", Boolean.toString(coremlAne));
    Fields ane = f.object("ane", true);
    Fields gpu = f.object("gpu", true);
    Fields cpu = f.object("cpu", true);
    boolean int8Fast = ane != null && ane.bool("int8_fast_path", false);
    Sourced<Integer> coremlCores =
        ane == null
            ? Sourced.missing(0, f.defaults(), f.origin())
            : ane.integer("coreml_cores", 1, false);
    UnitSpec aneSpec = unit(ane, "cores", "tops_fp16", "tops_int8", "", f);
    coremlCores = coremlCores(coremlCores, aneSpec.cores(), f);
    if (ane != null) {
      ane.fact("int8_fast_path", Boolean.toString(int8Fast));
    }
    UnitSpec gpuSpec = unit(gpu, "cores", "tflops_fp16", "", "tflops_fp32", f);
    // SME is Arm's architected matrix extension, open to any program (XNNPACK reaches it through
    // KleidiAI); AMX before it is private to Apple's Accelerate
    boolean sme = cpu != null && cpu.bool("sme", false);
    if (cpu != null) {
      cpu.fact("sme", Boolean.toString(sme));
    }
    UnitSpec cpuSpec = cpu(cpu, f);
    Fields memory = f.object("memory", true);
    Sourced<String> memoryType =
        memory == null
            ? Sourced.missing("", f.defaults(), f.origin())
            : memory.sourcedText("type", true);
    Sourced<Quantity> bandwidth =
        memory == null
            ? missing(f, Dimensions.BANDWIDTH)
            : memory.quantity("bandwidth", Dimensions.BANDWIDTH, true);
    if (memory != null) {
      memory.finish();
    }
    Sourced<Quantity> slc = f.quantity("slc", Dimensions.BYTES, false);
    Map<FormFactor, ThermalModel> thermal = thermal(f.object("thermal", true));
    List<Fields> variants = f.objects("variants", false);
    Map<String, Integer> lastOs = lastOs(f.object("last_os", false));
    f.finish();
    Soc full =
        new Soc(
            id,
            name,
            aliases,
            year,
            process,
            typical,
            memoryDevice,
            coremlAne,
            coremlCores,
            int8Fast,
            sme,
            aneSpec,
            gpuSpec,
            cpuSpec,
            memoryType,
            bandwidth,
            slc,
            thermal,
            new ArrayList<>(facts),
            f.origin(),
            Map.of(),
            List.of(),
            lastOs,
            Map.of(),
            "");
    // a variant that writes either bandwidth is checked as it is read (SocVariants)
    cpuBandwidth(full, false, f.problems());
    return full.withVariants(SocVariants.read(variants, full));
  }

  /**
   * {@code cpu.bandwidth}: the CPU cluster streams from the part's DRAM, so it cannot reach more
   * than the part's {@code memory.bandwidth}; a CPU figure above it is an error at the value, or at
   * a variant's lower bandwidth when the variant keeps the full part's CPU figure ({@code
   * keptCpu}).
   */
  static void cpuBandwidth(Soc part, boolean keptCpu, Problems problems) {
    Sourced<Quantity> cpu = part.cpu().bandwidth();
    Sourced<Quantity> dram = part.bandwidth();
    if (!cpu.present() || !dram.present() || cpu.value().value() <= dram.value().value()) {
      return;
    }
    Sourced<Quantity> at = keptCpu ? dram : cpu;
    problems.error(
        at.origin().source(),
        at.origin().span(),
        "'cpu.bandwidth' ("
            + QuantityFormat.format(cpu.value())
            + ") exceeds the DRAM bandwidth of "
            + part.label()
            + " ("
            + QuantityFormat.format(dram.value())
            + ")",
        "the CPU streams from the same DRAM: write at most 'memory.bandwidth', or leave"
            + " 'cpu.bandwidth' out where no measurement shows it lower");
  }

  /**
   * {@code ane.coreml_cores}: the Neural Engine cores one Core ML prediction runs on, the engine's
   * cores when the profile does not say; more than the engine has is an error at the value.
   */
  private static Sourced<Integer> coremlCores(
      Sourced<Integer> written, Sourced<Integer> cores, Fields f) {
    if (!written.present()) {
      return cores;
    }
    if (cores.present() && written.value() > cores.value()) {
      f.problems()
          .error(
              written.origin().source(),
              written.origin().span(),
              "'coreml_cores' ("
                  + written.value()
                  + ") cannot exceed the Neural Engine's cores ("
                  + cores.value()
                  + ")",
              "write the cores one Core ML prediction runs on, at most 'cores'");
    }
    return written;
  }

  /**
   * {@code last_os: {ios: 18, ipados: 26}}: the last release of each platform that ran the chip.
   */
  private static Map<String, Integer> lastOs(Fields l) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    if (l == null) {
      return out;
    }
    for (String platform : java.util.Arrays.stream(OsLine.values()).map(OsLine::key).toList()) {
      Sourced<Integer> v = l.integer(platform, 1, false);
      if (v.present()) {
        out.put(platform, v.value());
      }
    }
    l.finish();
    return out;
  }

  private static UnitSpec unit(
      Fields u, String cores, String fp16, String int8, String fp32, Fields parent) {
    if (u == null) {
      return emptyUnit(parent);
    }
    UnitSpec spec =
        new UnitSpec(
            u.integer(cores, 0, true),
            fp16.isEmpty()
                ? missing(parent, Dimensions.THROUGHPUT)
                : u.quantity(fp16, Dimensions.THROUGHPUT, true),
            int8.isEmpty()
                ? missing(parent, Dimensions.THROUGHPUT)
                : u.quantity(int8, Dimensions.THROUGHPUT, true),
            fp32.isEmpty()
                ? missing(parent, Dimensions.THROUGHPUT)
                : u.quantity(fp32, Dimensions.THROUGHPUT, true),
            u.quantity("power", Dimensions.POWER, true),
            fp16.startsWith("tflops")
                ? u.quantity("tflops_matrix_fp16", Dimensions.THROUGHPUT, false)
                : missing(parent, Dimensions.THROUGHPUT),
            missing(parent, Dimensions.FREQUENCY),
            missing(parent, Dimensions.BANDWIDTH));
    u.finish();
    return spec;
  }

  private static UnitSpec cpu(Fields u, Fields parent) {
    if (u == null) {
      return emptyUnit(parent);
    }
    Sourced<Integer> perf = u.integer("performance_cores", 1, true);
    Sourced<Integer> eff = u.integer("efficiency_cores", 0, true);
    Sourced<Integer> cores =
        Sourced.of(perf.value() + eff.value(), perf.provenance(), perf.origin());
    UnitSpec spec =
        new UnitSpec(
            cores,
            missing(parent, Dimensions.THROUGHPUT),
            missing(parent, Dimensions.THROUGHPUT),
            u.quantity("gflops_fp32", Dimensions.THROUGHPUT, true),
            u.quantity("power", Dimensions.POWER, true),
            // the matrix unit beside the P-cores (AMX, SME) that Accelerate/BNNS run GEMMs on
            u.quantity("gflops_matrix_fp32", Dimensions.THROUGHPUT, false),
            SocParameter.clock(u, true),
            // set only where a measurement shows the cores reaching less than the SoC's DRAM
            u.quantity("bandwidth", Dimensions.BANDWIDTH, false));
    u.finish();
    return spec;
  }

  private static UnitSpec emptyUnit(Fields parent) {
    return new UnitSpec(
        Sourced.missing(0, parent.defaults(), parent.origin()),
        missing(parent, Dimensions.THROUGHPUT),
        missing(parent, Dimensions.THROUGHPUT),
        missing(parent, Dimensions.THROUGHPUT),
        missing(parent, Dimensions.POWER),
        missing(parent, Dimensions.THROUGHPUT),
        missing(parent, Dimensions.FREQUENCY),
        missing(parent, Dimensions.BANDWIDTH));
  }

  private static Sourced<Quantity> missing(Fields f, dev.devq.lang.unit.Dimension d) {
    return Sourced.missing(Quantity.of(Double.NaN, d), f.defaults(), f.origin());
  }

  /** The thermal models of a {@code thermal:} mapping, one per form factor. */
  static Map<FormFactor, ThermalModel> thermal(Fields t) {
    Map<FormFactor, ThermalModel> out = new EnumMap<>(FormFactor.class);
    if (t == null) {
      return out;
    }
    for (String key : List.copyOf(t.keys())) {
      if (key.equals("source") || key.equals("confidence")) {
        continue;
      }
      if (!FormFactor.keys().contains(key)) {
        t.has(key);
        t.problems()
            .error(
                t.node().source(),
                t.node().entries().get(key).keySpan(),
                "unknown form factor '" + key + "'",
                dev.devq.lang.Suggestions.didYouMean(key, FormFactor.keys()));
        continue;
      }
      Fields model = t.object(key, true);
      if (model != null) {
        ThermalReader.read(model).ifPresent(m -> out.put(FormFactor.parse(key), m));
      }
    }
    t.finish();
    return out;
  }
}
