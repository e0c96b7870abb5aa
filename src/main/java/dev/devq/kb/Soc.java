package dev.devq.kb;

import dev.devq.lang.unit.Quantity;
import java.util.List;
import java.util.Map;

/**
 * A system on chip: its compute units, memory system and thermal behaviour per form factor.
 *
 * <p>A profile describes the full part; {@link #variants()} are its binned parts (fewer GPU or CPU
 * cores, lower bandwidth, a lower P-core clock), each a complete {@code Soc} with the same id whose
 * {@link #variant()} names the parameters ({@link SocParameter}) that set it apart ({@code
 * gpu_cores = 30}). The full part's {@code variant()} is empty. {@link KnowledgeBase#soc(String,
 * Map)} finds a variant by its parameters. {@code lastOs} maps {@code ios}, {@code ipados} and
 * {@code macos} to the last major release the chip's devices run; a platform whose current release
 * still supports the chip is absent. {@code cpuSme}: the CPU's matrix unit takes Arm SME
 * instructions (A18 and M4 on), so any program can reach it; the AMX units before it serve Apple's
 * Accelerate only. {@code line} is empty for a chip; the part a device ships ({@link
 * KnowledgeBase#socOf}) names its device's release line ({@code ios}, {@code ipados} or {@code
 * macos}), so it answers for that device's OS alone. {@code firstOs} is empty for a chip (its
 * devices' first releases are {@link KnowledgeBase#firstOs}'s); a device's part maps its line to
 * the release the device shipped with. {@code coremlAneCores}: the Neural Engine cores one Core ML
 * prediction runs on ({@link #coremlAneShare()}), the engine's {@code cores} unless the profile
 * says fewer. {@code memoryDevice}: the device whose memory figures ({@code gpu_working_set}) the
 * bare id reads, where the profile chooses one ({@link #memoryFiguresOf()}).
 */
public record Soc(
    String id,
    String name,
    List<String> aliases,
    Sourced<Integer> year,
    Sourced<String> process,
    String typicalDevice,
    Sourced<String> memoryDevice,
    boolean coremlAne,
    Sourced<Integer> coremlAneCores,
    boolean int8FastPath,
    boolean cpuSme,
    UnitSpec ane,
    UnitSpec gpu,
    UnitSpec cpu,
    Sourced<String> memoryType,
    Sourced<Quantity> bandwidth,
    Sourced<Quantity> slc,
    Map<FormFactor, ThermalModel> thermal,
    List<Fact> facts,
    Origin origin,
    Map<String, Quantity> variant,
    List<Soc> variants,
    Map<String, Integer> lastOs,
    Map<String, Integer> firstOs,
    String line)
    implements Entity {
  public Soc {
    aliases = List.copyOf(aliases);
    thermal = Map.copyOf(thermal);
    facts = List.copyOf(facts);
    variant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variant));
    variants = List.copyOf(variants);
    lastOs = Map.copyOf(lastOs);
    firstOs = Map.copyOf(firstOs);
    if (line == null) {
      throw new IllegalArgumentException("a part's release line is empty for a chip, never null");
    }
  }

  /**
   * The device whose memory figures the bare id reads: the profile's {@code memory_device} where it
   * names one, else the typical device. A Max chip's bins ship with different least memory (the
   * 40-core M4 Max with 48 GB, the 32-core one with 36 GB), so there the profile states which.
   */
  public String memoryFiguresOf() {
    return memoryDevice.present() ? memoryDevice.value() : typicalDevice;
  }

  /** The same SoC with its binned parts attached (the reader builds them after the full part). */
  Soc withVariants(List<Soc> binned) {
    return copy(binned, lastOs, firstOs, line);
  }

  /**
   * This part as {@code device} ships it: only the last release of that device's own OS is kept
   * ({@code ios} for an iPhone, {@code ipados} for an iPad, {@code macos} for a Mac), so an iPhone
   * XS stops at iOS 18 though the A12's iPads run iPadOS 26; and the device's first release, if its
   * profile gives one, so an iPhone 14 starts at iOS 16 though the iPhone 13's A15 ran iOS 15.
   */
  Soc shippedIn(Device device) {
    String own = OsLine.of(device.formFactor()).key();
    Map<String, Integer> last = new java.util.HashMap<>();
    if (lastOs.containsKey(own)) {
      last.put(own, lastOs.get(own));
    }
    Map<String, Integer> first =
        device.firstOs().present() ? Map.of(own, device.firstOs().value()) : Map.of();
    return copy(variants, last, first, own);
  }

  /**
   * The platform ({@link OsVersion#platform()}: {@code ios} or {@code macos}) the part's device
   * runs, or empty for a chip, which runs whatever its devices run.
   */
  public String platform() {
    return line.isEmpty() ? "" : OsLine.parse(line).platform();
  }

  private Soc copy(
      List<Soc> binned, Map<String, Integer> last, Map<String, Integer> first, String ownLine) {
    return new Soc(
        id,
        name,
        aliases,
        year,
        process,
        typicalDevice,
        memoryDevice,
        coremlAne,
        coremlAneCores,
        int8FastPath,
        cpuSme,
        ane,
        gpu,
        cpu,
        memoryType,
        bandwidth,
        slc,
        thermal,
        facts,
        origin,
        variant,
        binned,
        last,
        first,
        ownLine);
  }

  /**
   * The last major release of {@code platform} ({@code ios} or {@code macos}) any device with this
   * chip runs, or empty while the current release still supports it. iPadOS counts as iOS, so an
   * A12 is capped at iPadOS 26 (its iPads), not at iOS 18 (its iPhones); the part a device ships
   * ({@link KnowledgeBase#socOf}) keeps only its own line, so an iPhone XS's is capped at iOS 18.
   */
  public java.util.OptionalInt lastOs(String platform) {
    String line = lastOsLine(platform);
    return line.isEmpty()
        ? java.util.OptionalInt.empty()
        : java.util.OptionalInt.of(lastOs.get(line));
  }

  /**
   * Which release line ({@code ios}, {@code ipados} or {@code macos}) gives {@link
   * #lastOs(String)}, or empty when there is no last release.
   */
  public String lastOsLine(String platform) {
    String best = "";
    for (Map.Entry<String, Integer> e : lastOs.entrySet()) {
      boolean counts = OsLine.parse(e.getKey()).platform().equals(platform);
      if (counts && (best.isEmpty() || e.getValue() > lastOs.get(best))) {
        best = e.getKey();
      }
    }
    return best;
  }

  /**
   * The chip's generation, shared by its Pro, Max and Ultra parts and by the iPad Pros' X and Z
   * parts: the id's leading letter and digits ({@code m2_pro} → {@code m2}, {@code a19_pro} →
   * {@code a19}, {@code a12x} → {@code a12}). Profile ids name the generation first, so no profile
   * field repeats it.
   */
  public String generation() {
    int cut = 1;
    while (cut < id.length() && Character.isDigit(id.charAt(cut))) {
      cut++;
    }
    return id.substring(0, cut);
  }

  /** Every parameter of {@link SocParameter} with this part's value. */
  public Map<String, Quantity> parameters() {
    return SocParameter.all(this);
  }

  /** True when every given parameter has that value on this part (an unknown key never does). */
  public boolean matches(Map<String, Quantity> wanted) {
    Map<String, Quantity> own = parameters();
    return wanted.entrySet().stream()
        .allMatch(
            e -> {
              SocParameter p = SocParameter.parse(e.getKey());
              return p != null && p.same(e.getValue(), own.get(e.getKey()));
            });
  }

  /**
   * The id with the variant's parameters, as a query writes it: {@code m3_max(gpu_cores = 30)},
   * {@code a15(p_core_clock = 2.93 GHz)}.
   */
  public String label() {
    return variant.isEmpty() ? id : id + "(" + SocParameter.describe(variant) + ")";
  }

  public String kind() {
    return "soc";
  }

  /**
   * The share of the Neural Engine one Core ML prediction runs on: {@code ane.coreml_cores} of
   * {@code ane.cores}. It is 1 on a chip with one engine; an Ultra, two dies joined, carries two
   * engines of 16 cores, and Apple quotes their sum, but a compiled Core ML program runs on one of
   * them (profiles/README.md, docs/cost-model.md), so it gets half the quoted peak, half the
   * engines' bandwidth and half their power. Every use of the engine's rate reads it here.
   */
  public double coremlAneShare() {
    int cores = ane.cores().value();
    int used = coremlAneCores.value();
    return cores <= 0 || used <= 0 ? 1 : Math.min(1, (double) used / cores);
  }

  public UnitSpec unit(ComputeUnit u) {
    return switch (u) {
      case ANE -> ane;
      case GPU -> gpu;
      case CPU -> cpu;
    };
  }
}
