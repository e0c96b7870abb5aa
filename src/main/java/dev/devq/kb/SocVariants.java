package dev.devq.kb;

import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the binned parts of a SoC from its profile's {@code variants:} list. A variant writes only
 * what differs from the full part: GPU cores (GPU peak and power scale with them), CPU cores (CPU
 * peak and power scale with a P-core counted as three E-cores, as the NEON pipe and clock counts of
 * the profiles give), bandwidth when it differs, the performance cores' top clock when a device
 * runs them slower (the iPad mini's A15), and a thermal model per form factor when the part ships
 * in a chassis of its own.
 */
final class SocVariants {
  /** Throughput of one performance core in efficiency cores, from the profiles' NEON peaks. */
  private static final double P_CORE_IN_E_CORES = 3.0;

  private SocVariants() {}

  static List<Soc> read(List<Fields> entries, Soc full) {
    List<Soc> out = new ArrayList<>();
    for (Fields v : entries) {
      out.add(variant(v, full));
      v.finish();
    }
    return out;
  }

  private static Soc variant(Fields v, Soc full) {
    Map<String, Quantity> params = new LinkedHashMap<>();
    Sourced<Integer> gpuCores = v.integer("gpu_cores", 1, false);
    Sourced<Integer> perf = v.integer("performance_cores", 1, false);
    Sourced<Integer> eff = v.integer("efficiency_cores", 0, false);
    Sourced<Quantity> bandwidth = v.quantity("bandwidth", Dimensions.BANDWIDTH, false);
    Sourced<Quantity> cpuPeak = v.quantity("gflops_fp32", Dimensions.THROUGHPUT, false);
    Sourced<Quantity> clock = SocParameter.clock(v, false);
    // A part that ships in a different chassis (the iPhone Air's A19 Pro) brings its own curve.
    Map<FormFactor, ThermalModel> thermal = new java.util.EnumMap<>(FormFactor.class);
    thermal.putAll(full.thermal());
    Fields ownThermal = v.object("thermal", false);
    if (ownThermal != null) {
      thermal.putAll(SocReader.thermal(ownThermal));
    }
    UnitSpec gpu = full.gpu();
    if (gpuCores.present()) {
      params.put(SocParameter.GPU_CORES.key(), Quantity.number(gpuCores.value()));
      gpu = scaled(full.gpu(), gpuCores, (double) gpuCores.value() / full.gpu().cores().value());
    }
    UnitSpec cpu = cpu(full, perf, eff, v.origin(), params);
    if (cpuPeak.present() || clock.present()) {
      // the clock is the dispatch scaling's (LayerTimer); peaks worked out at the full part's
      // clock stay as written unless the variant gives its own gflops_fp32
      cpu =
          new UnitSpec(
              cpu.cores(),
              cpu.peakFp16(),
              cpu.peakInt8(),
              cpuPeak.present() ? cpuPeak : cpu.peakFp32(),
              cpu.power(),
              cpu.peakMatrix(),
              clock.present() ? clock : cpu.clock(),
              cpu.bandwidth());
    }
    if (clock.present()) {
      params.put(SocParameter.P_CORE_CLOCK.key(), clock.value());
    }
    if (params.isEmpty()) {
      v.problems()
          .error(
              v.origin().source(),
              v.origin().span(),
              "a variant of '" + full.id() + "' must give gpu_cores, CPU cores or p_core_clock",
              "add gpu_cores: N");
    }
    Sourced<Quantity> bw = bandwidth.present() ? bandwidth : full.bandwidth();
    List<Fact> facts = new ArrayList<>();
    for (Fact f : full.facts()) {
      if (!f.path().startsWith("variants")) {
        facts.add(override(f, gpu, cpu, bw, perf, eff, clock));
      }
    }
    return new Soc(
        full.id(),
        full.name(),
        full.aliases(),
        full.year(),
        full.process(),
        full.typicalDevice(),
        full.coremlAne(),
        full.coremlAneCores(),
        full.int8FastPath(),
        full.cpuSme(),
        full.ane(),
        gpu,
        cpu,
        full.memoryType(),
        bw,
        full.slc(),
        thermal,
        facts,
        v.origin(),
        params,
        List.of(),
        full.lastOs(),
        full.firstOs(),
        full.line());
  }

  /**
   * The CPU of a part with fewer cores: peak and power scale with a P-core counted as three
   * E-cores; the full part's CPU when the variant keeps its cores.
   */
  private static UnitSpec cpu(
      Soc full,
      Sourced<Integer> perf,
      Sourced<Integer> eff,
      Origin at,
      Map<String, Quantity> params) {
    if (!perf.present() && !eff.present()) {
      return full.cpu();
    }
    int fullPerf = fact(full, "cpu.performance_cores");
    int fullEff = fact(full, "cpu.efficiency_cores");
    int p = perf.present() ? perf.value() : fullPerf;
    int e = eff.present() ? eff.value() : fullEff;
    Sourced<Integer> cores = Sourced.of(p + e, (perf.present() ? perf : eff).provenance(), at);
    params.put(SocParameter.CPU_CORES.key(), Quantity.number(p + e));
    double ratio = (P_CORE_IN_E_CORES * p + e) / (P_CORE_IN_E_CORES * fullPerf + fullEff);
    return scaled(full.cpu(), cores, ratio);
  }

  private static int fact(Soc full, String path) {
    return full.facts().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .map(f -> Integer.parseInt(f.value()))
        .orElse(0);
  }

  /** A unit with its peaks and power multiplied by {@code ratio}, saying so in each note. */
  private static UnitSpec scaled(UnitSpec full, Sourced<Integer> cores, double ratio) {
    return new UnitSpec(
        cores,
        scale(full.peakFp16(), ratio),
        scale(full.peakInt8(), ratio),
        scale(full.peakFp32(), ratio),
        scale(full.power(), ratio),
        scale(full.peakMatrix(), ratio),
        full.clock(),
        full.bandwidth());
  }

  private static Sourced<Quantity> scale(Sourced<Quantity> q, double ratio) {
    if (!q.present() || Double.isNaN(q.value().value())) {
      return q;
    }
    Provenance p = q.provenance();
    Confidence c =
        p.confidence() == Confidence.ESTIMATE || p.confidence() == Confidence.REPORTED
            ? p.confidence()
            : Confidence.DERIVED;
    String note =
        String.format(
                java.util.Locale.ROOT,
                "the full part's %s scaled by the binned cores (x%.3f)",
                dev.devq.lang.unit.QuantityFormat.format(q.value()),
                ratio)
            + (p.note().isBlank() ? "" : "; " + p.note());
    return Sourced.of(
        Quantity.of(q.value().value() * ratio, q.value().dimension()),
        new Provenance(p.source(), c, note),
        q.origin());
  }

  /** The full part's fact, or the variant's value where the variant changed that field. */
  private static Fact override(
      Fact f,
      UnitSpec gpu,
      UnitSpec cpu,
      Sourced<Quantity> bw,
      Sourced<Integer> perf,
      Sourced<Integer> eff,
      Sourced<Quantity> clock) {
    return switch (f.path()) {
      case "cpu.performance_cores" -> perf.present() ? count(f, perf) : f;
      case "cpu.efficiency_cores" -> eff.present() ? count(f, eff) : f;
      case "gpu.cores" -> count(f, gpu.cores());
      case "gpu.tflops_fp16" -> quantity(f, gpu.peakFp16());
      case "gpu.tflops_fp32" -> quantity(f, gpu.peakFp32());
      case "gpu.tflops_matrix_fp16" -> quantity(f, gpu.peakMatrix());
      case "gpu.power" -> quantity(f, gpu.power());
      case "cpu.gflops_fp32" -> quantity(f, cpu.peakFp32());
      case "cpu.gflops_matrix_fp32" -> quantity(f, cpu.peakMatrix());
      case "cpu.power" -> quantity(f, cpu.power());
      case "cpu.p_core_clock" -> clock.present() ? clockFact(f, clock) : f;
      case "memory.bandwidth" -> quantity(f, bw);
      default -> f;
    };
  }

  private static Fact count(Fact f, Sourced<Integer> v) {
    return new Fact(f.path(), Integer.toString(v.value()), "", v.provenance(), v.origin());
  }

  /** In GHz with every digit, as the label writes it ({@code 4.608}, where 3 digits say 4.61). */
  private static Fact clockFact(Fact f, Sourced<Quantity> clock) {
    String[] written = QuantityText.split(SocParameter.P_CORE_CLOCK.format(clock.value()));
    return new Fact(f.path(), written[0], written[1], clock.provenance(), clock.origin());
  }

  private static Fact quantity(Fact f, Sourced<Quantity> q) {
    if (!q.present()) {
      return f;
    }
    String[] written = QuantityText.split(dev.devq.lang.unit.QuantityFormat.format(q.value()));
    return new Fact(f.path(), written[0], written[1], q.provenance(), q.origin());
  }
}
