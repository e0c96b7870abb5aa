package dev.devq.kb;

import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.Quantity;
import dev.devq.lang.unit.QuantityFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Builds the binned parts of a SoC from its profile's {@code variants:} list. A variant writes only
 * what differs from the full part: GPU cores (GPU peak and power scale with them), CPU cores and
 * the performance cores' top clock (the CPU peaks follow one rule, {@link #cpu}: the iPad mini's
 * A15 at 2.93 GHz, the M5 iPad Pros' 9-core part at 4.43 GHz), bandwidth when it differs, its own
 * CPU figures where a source gives the part's ({@code gflops_fp32}, {@code gflops_matrix_fp32},
 * {@code cpu_bandwidth}), and a thermal model per form factor when the part ships in a chassis of
 * its own. The keys it shares with a query's parameters ({@code gpu_cores}, {@code p_core_clock})
 * are {@link SocParameter}'s.
 */
final class SocVariants {
  /** Throughput of one performance core in efficiency cores, from the profiles' NEON peaks. */
  private static final double P_CORE_IN_E_CORES = 3.0;

  /** The path {@code devq info} shows a CPU's own DRAM bandwidth at. */
  private static final String CPU_BANDWIDTH_PATH = "cpu.bandwidth";

  /** How a figure scaled by the binned cores alone says so in its note. */
  private static final String BY_CORES = "scaled by the binned cores";

  /** A variant's own DRAM bandwidth of its CPU, where a source measured the binned part. */
  private static final String CPU_BANDWIDTH_KEY = "cpu_bandwidth";

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
    Sourced<Integer> gpuCores = v.integer(SocParameter.GPU_CORES.key(), 1, false);
    Sourced<Integer> perf = v.integer("performance_cores", 1, false);
    Sourced<Integer> eff = v.integer("efficiency_cores", 0, false);
    Sourced<Quantity> bandwidth = v.quantity("bandwidth", Dimensions.BANDWIDTH, false);
    Sourced<Quantity> cpuPeak = v.quantity("gflops_fp32", Dimensions.THROUGHPUT, false);
    Sourced<Quantity> cpuMatrix = v.quantity("gflops_matrix_fp32", Dimensions.THROUGHPUT, false);
    Sourced<Quantity> cpuBandwidth = v.quantity(CPU_BANDWIDTH_KEY, Dimensions.BANDWIDTH, false);
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
      Scaling byCores =
          new Scaling((double) gpuCores.value() / full.gpu().cores().value(), BY_CORES, false);
      gpu =
          scaled(
              full.gpu(),
              gpuCores,
              byCores,
              byCores,
              byCores,
              full.gpu().clock(),
              full.gpu().bandwidth());
    }
    UnitSpec cpu = cpu(full, perf, eff, clock, v.origin());
    if (perf.present() || eff.present()) {
      params.put(SocParameter.CPU_CORES.key(), Quantity.number(cpu.cores().value()));
    }
    if (cpuPeak.present() || cpuMatrix.present() || cpuBandwidth.present()) {
      // a variant's own figure replaces the rule's
      cpu =
          new UnitSpec(
              cpu.cores(),
              cpu.peakFp16(),
              cpu.peakInt8(),
              cpuPeak.present() ? cpuPeak : cpu.peakFp32(),
              cpu.power(),
              cpuMatrix.present() ? cpuMatrix : cpu.peakMatrix(),
              cpu.clock(),
              cpuBandwidth.present() ? cpuBandwidth : cpu.bandwidth());
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
    if (cpuBandwidth.present() && !full.cpu().bandwidth().present()) {
      facts.add(lastCpuFact(facts) + 1, quantity(CPU_BANDWIDTH_PATH, cpuBandwidth));
    }
    Soc part =
        new Soc(
            full.id(),
            full.name(),
            full.aliases(),
            full.year(),
            full.process(),
            full.typicalDevice(),
            full.memoryDevice(),
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
    // a variant that keeps both of the full part's bandwidths was checked with it
    if (bandwidth.present() || cpuBandwidth.present()) {
      SocReader.cpuBandwidth(part, !cpuBandwidth.present(), v.problems());
    }
    return part;
  }

  /**
   * The CPU of a binned part, by one rule. Its NEON peak is a P-cluster part (P-cores x pipes x
   * clock) plus an E-cluster part, a P-core worth three E-cores at the full part's clock (the pipe
   * and clock counts of the profiles' notes): the P-cluster part scales with the part's P-core
   * count and P-core clock, the E-cluster part with its E-core count. The matrix unit (AMX, SME) is
   * one per P-cluster, shared by the cluster's cores and clocked with them, so it scales with the
   * clock alone (no binned part drops a whole cluster). Power scales as the NEON peak does: dynamic
   * power is proportional to the clock at a fixed voltage (P = C V^2 f), and the lower voltage a
   * lower clock allows is not counted, so a slower part's power is if anything lower. A figure
   * scaled by a clock is an estimate: no source measured the binned part's peak or power. The full
   * part's CPU bandwidth, measured on its own cores at its own clock, is taken over as an estimate
   * ({@link #takenOver}).
   */
  private static UnitSpec cpu(
      Soc full, Sourced<Integer> perf, Sourced<Integer> eff, Sourced<Quantity> clock, Origin at) {
    UnitSpec whole = full.cpu();
    if (!perf.present() && !eff.present() && !clock.present()) {
      return whole;
    }
    int fullPerf = fact(full, "cpu.performance_cores");
    int fullEff = fact(full, "cpu.efficiency_cores");
    int p = perf.present() ? perf.value() : fullPerf;
    int e = eff.present() ? eff.value() : fullEff;
    Sourced<Integer> cores = whole.cores();
    if (perf.present() || eff.present()) {
      cores = Sourced.of(p + e, (perf.present() ? perf : eff).provenance(), at);
    }
    double fullUnits = P_CORE_IN_E_CORES * fullPerf + fullEff;
    boolean clocked = clock.present();
    double clockRatio = clocked ? clock.value().value() / whole.clock().value().value() : 1;
    double neonRatio = (P_CORE_IN_E_CORES * p * clockRatio + e) / fullUnits;
    String clocks =
        clocked
            ? String.format(
                Locale.ROOT,
                "%s instead of %s (%s)",
                SocParameter.P_CORE_CLOCK.format(clock.value()),
                SocParameter.P_CORE_CLOCK.format(whole.clock().value()),
                clock.provenance().source())
            : "";
    String neon =
        clocked
            ? String.format(
                Locale.ROOT,
                "with its P-cluster share (a P-core worth 3 E-cores) scaled to %d of %d P-cores at %s",
                p,
                fullPerf,
                clocks)
            : BY_CORES;
    String matrix = "scaled by the P-core clock, " + clocks + ", which clocks the matrix unit";
    String power =
        clocked
            ? neon
                + ", dynamic power following the clock at a fixed voltage (the lower voltage of a"
                + " lower clock not counted)"
            : BY_CORES;
    return scaled(
        whole,
        cores,
        new Scaling(neonRatio, neon, clocked),
        new Scaling(neonRatio, power, clocked),
        new Scaling(clockRatio, matrix, true),
        clocked ? clock : whole.clock(),
        takenOver(whole.bandwidth(), whole.cores().value()));
  }

  /**
   * The full part's CPU bandwidth on a part whose CPU cores or clock differ: the source measured
   * the full part's cores, so the figure is an estimate for this one.
   */
  private static Sourced<Quantity> takenOver(Sourced<Quantity> q, int fullCores) {
    if (!q.present()) {
      return q;
    }
    Provenance p = q.provenance();
    String note =
        String.format(
                Locale.ROOT,
                "the full part's %d-core figure, taken for this part (no source measured its own)",
                fullCores)
            + (p.note().isBlank() ? "" : "; " + p.note());
    return Sourced.of(q.value(), new Provenance(p.source(), Confidence.ESTIMATE, note), q.origin());
  }

  private static int fact(Soc full, String path) {
    return full.facts().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .map(f -> Integer.parseInt(f.value()))
        .orElse(0);
  }

  /**
   * A unit with its peaks, power and matrix rate scaled, each saying so in its note: the GPU's all
   * by its cores, the CPU's by {@link #cpu}'s rule.
   */
  private static UnitSpec scaled(
      UnitSpec full,
      Sourced<Integer> cores,
      Scaling peaks,
      Scaling power,
      Scaling matrix,
      Sourced<Quantity> clock,
      Sourced<Quantity> bandwidth) {
    return new UnitSpec(
        cores,
        peaks.of(full.peakFp16()),
        peaks.of(full.peakInt8()),
        peaks.of(full.peakFp32()),
        power.of(full.power()),
        matrix.of(full.peakMatrix()),
        clock,
        bandwidth);
  }

  /**
   * A factor on a full part's figure and how the note says it was found. A figure scaled by a rule
   * of devq's own ({@code estimate}) is an estimate; else a vendor or measured figure becomes
   * derived and a reported or estimated one stays so.
   */
  private record Scaling(double ratio, String how, boolean estimate) {
    /** {@code q} times the ratio with its note; the full part's figure where the ratio is one. */
    Sourced<Quantity> of(Sourced<Quantity> q) {
      if (!q.present() || Double.isNaN(q.value().value()) || ratio == 1) {
        return q;
      }
      Provenance p = q.provenance();
      Confidence c =
          estimate
              ? Confidence.ESTIMATE
              : p.confidence() == Confidence.ESTIMATE || p.confidence() == Confidence.REPORTED
                  ? p.confidence()
                  : Confidence.DERIVED;
      String note =
          String.format(
                  Locale.ROOT,
                  "the full part's %s %s (x%.3f)",
                  QuantityFormat.format(q.value()),
                  how,
                  ratio)
              + (p.note().isBlank() ? "" : "; " + p.note());
      return Sourced.of(
          Quantity.of(q.value().value() * ratio, q.value().dimension()),
          new Provenance(p.source(), c, note),
          q.origin());
    }
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
      case CPU_BANDWIDTH_PATH -> quantity(f, cpu.bandwidth());
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
    return q.present() ? quantity(f.path(), q) : f;
  }

  private static Fact quantity(String path, Sourced<Quantity> q) {
    String[] written = QuantityText.split(QuantityFormat.format(q.value()));
    return new Fact(path, written[0], written[1], q.provenance(), q.origin());
  }

  /** Where the CPU's facts end, so a fact the full part lacks is shown among them. */
  private static int lastCpuFact(List<Fact> facts) {
    int last = facts.size() - 1;
    for (int i = 0; i < facts.size(); i++) {
      if (facts.get(i).path().startsWith("cpu.")) {
        last = i;
      }
    }
    return last;
  }
}
