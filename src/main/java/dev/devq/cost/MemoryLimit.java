package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import java.util.Optional;

/**
 * The memory one prediction may use on its target, and the one rule of when a model cannot run
 * there: its memory (what {@code memory()} answers for the same arguments: weights at their stored
 * precision, activations, KV cache and the runtime's overhead) above this limit.
 *
 * <p>On a device the limit is the most the OS lets one app use: {@code app_memory_limit_entitled}
 * (with the increased-memory-limit entitlement) where a source gives it, else {@code
 * app_memory_limit} (iOS's jetsam limit, a Mac's RAM). llama.cpp on Metal keeps every buffer in GPU
 * memory, which macOS bounds by the recommended working set ({@code gpu_working_set}, {@code
 * MTLDevice.recommendedMaxWorkingSetSize}), so there the smaller of the two applies. A bare SoC
 * named as a target has no RAM of its own: its limit is the largest any device with that chip
 * offers in its largest configuration ({@link ChipRoom}).
 *
 * @param bytes the limit, or positive infinity when nothing bounds the prediction
 * @param field the device field the limit comes from ({@code app_memory_limit}, {@code
 *     app_memory_limit_entitled}, {@code gpu_working_set}; for a chip's larger configuration {@code
 *     ram_max}, {@code gpu_working_set_max}, {@code app_memory_limit_max}, {@code
 *     app_memory_limit_entitled_max}, {@code variant_ram_max} or {@code
 *     variant_gpu_working_set_max}), empty without a limit
 * @param entitledUnknown the limit is an iPhone's or iPad's default one because no source gives its
 *     limit with the entitlement ({@link dev.devq.kb.Device#entitledLimitUnknown}); a refusal
 *     clears it when the model needs more than the device's RAM, where no entitlement could help
 * @param device the name of the device whose limit this is ({@code iPhone 12}), empty without one
 * @param configRam the memory of the configuration the limit is of when it is a larger one than the
 *     profile's base configuration ({@code ram_max}, {@code variant_ram_max}), else NaN
 * @param ramOnly the limit is that larger configuration's RAM only, because no source gives its app
 *     limit (an iPad sold with more memory): no app could use more, but it may be allowed less
 */
public record MemoryLimit(
    double bytes,
    String field,
    boolean entitledUnknown,
    String device,
    double configRam,
    boolean ramOnly) {
  /** No limit: nothing known bounds the prediction. */
  public static final MemoryLimit NONE =
      new MemoryLimit(Double.POSITIVE_INFINITY, "", false, "", Double.NaN, false);

  public static final String APP = "app_memory_limit";
  public static final String ENTITLED = "app_memory_limit_entitled";
  public static final String GPU = "gpu_working_set";
  public static final String RAM_MAX = "ram_max";
  public static final String GPU_MAX = "gpu_working_set_max";
  public static final String APP_MAX = "app_memory_limit_max";
  public static final String ENTITLED_MAX = "app_memory_limit_entitled_max";
  public static final String VARIANT_RAM_MAX = "variant_ram_max";
  public static final String VARIANT_GPU_MAX = "variant_gpu_working_set_max";

  /**
   * The limit of a prediction with {@code c} on {@code target}: a device's own, or for a bare SoC
   * the largest of its devices' ({@link ChipRoom#of}).
   *
   * <p>{@code MemoryLimit.of(iphone12, conditions)} is its limit with the entitlement, 4 GB.
   */
  public static MemoryLimit of(Target target, Conditions c) {
    return of(target, c, true);
  }

  /** {@link #of}, or without {@code entitled} the limit an app has without the entitlement. */
  private static MemoryLimit of(Target target, Conditions c, boolean entitled) {
    return target.isChip()
        ? ChipRoom.of(target.chipDevices(), c, target.binned(), entitled)
        : ofDevice(target.device(), c, entitled);
  }

  /**
   * The limit of {@code d}'s configuration with {@code ram} bytes (from its {@code field}) where no
   * source gives that configuration's app limit: its RAM stands in, since no app could use more.
   */
  static MemoryLimit ramOnly(String field, Device d, double ram) {
    return new MemoryLimit(ram, field, false, d.name(), ram, true);
  }

  /** Whether the limit is one with the increased-memory-limit entitlement. */
  public boolean withEntitlement() {
    return field.equals(ENTITLED) || field.equals(ENTITLED_MAX);
  }

  /** Whether the limit is a GPU working set: llama.cpp on Metal keeps its buffers there. */
  public boolean gpuMemory() {
    return field.equals(GPU) || field.equals(GPU_MAX) || field.equals(VARIANT_GPU_MAX);
  }

  /** The limit of {@code d} in the configuration its profile describes (its base one). */
  static MemoryLimit ofDevice(Device d, Conditions c) {
    return ofDevice(d, c, true);
  }

  /** {@link #ofDevice(Device, Conditions)}; without {@code entitled}, the limit without it. */
  static MemoryLimit ofDevice(Device d, Conditions c, boolean entitled) {
    // the most an app may use: with the increased-memory-limit entitlement where a source gives
    // that limit, as on-device LLM apps declare it (the ExecuTorch demo app ran Llama 2 7B at 4
    // bits, 3.84 GB, on an iPhone 15 Pro, whose default limit is 3 GB and entitled limit 6 GB)
    double withIt = entitled ? d.appMemoryLimitEntitled().value().value() : Double.NaN;
    double app = d.appMemoryLimit().value().value();
    MemoryLimit limit =
        !Double.isNaN(withIt)
            ? new MemoryLimit(withIt, ENTITLED, false, d.name(), Double.NaN, false)
            : Double.isNaN(app)
                ? NONE
                : new MemoryLimit(app, APP, d.entitledLimitUnknown(), d.name(), Double.NaN, false);
    if (onGpuMemory(c)) {
      double set = d.gpuWorkingSet().value().value();
      if (set < limit.bytes()) {
        limit = new MemoryLimit(set, GPU, false, d.name(), Double.NaN, false);
      }
    }
    return limit;
  }

  /** llama.cpp on Metal: every buffer in GPU memory, bounded by the recommended working set. */
  static boolean onGpuMemory(Conditions c) {
    return c.runtime() == Runtime.LLAMA_CPP && RuntimeCost.unit(c) == ComputeUnit.GPU;
  }

  /** Whether {@code needed} bytes fit: a model exactly at the limit runs. */
  public boolean admits(double needed) {
    return !(needed > bytes);
  }

  /** Whether this is the limit of a configuration larger than the profile's. */
  public boolean largerConfiguration() {
    return !Double.isNaN(configRam);
  }

  /** The same limit, no longer saying that the limit with the entitlement is unknown. */
  MemoryLimit entitledKnown() {
    return new MemoryLimit(bytes, field, false, device, configRam, ramOnly);
  }

  /**
   * Why an estimate cannot run on its target, or empty when it fits: the one check every estimate
   * function, {@code explain} and the renderers ask.
   */
  public static Optional<CannotRun> refusal(Breakdown b) {
    Target target = b.target();
    MemoryLimit limit = of(target, b.conditions());
    if (limit.admits(b.memoryBytes())) {
      return Optional.empty();
    }
    // no entitlement lifts the limit past the device's RAM, so there the unknown limit cannot
    // matter; an unknown RAM (NaN) keeps the words
    if (limit.entitledUnknown() && !ChipRoom.entitlementCouldHelp(target, b.memoryBytes())) {
      limit = limit.entitledKnown();
    }
    String name = target.isChip() ? target.chipName() : target.device().name();
    return Optional.of(
        new CannotRun.Memory(
            b.label(), target.label(), name, b.memoryBytes(), limit, target.isChip()));
  }

  /**
   * What an estimate that fits its target only with the increased-memory-limit entitlement needs,
   * or empty: one that does not fit at all ({@link #refusal}), or fits without it. The same rule
   * for a device and for a bare SoC, whose room without the entitlement is the most any of its
   * devices gives an app without it ({@link ChipRoom}).
   *
   * <p>{@code 5.5 GB} on an iPhone 15 Pro (3 GB by default, 6 GB with the entitlement) needs it.
   */
  public static Optional<Entitlement> entitlementNeeded(Breakdown b) {
    Target target = b.target();
    MemoryLimit limit = of(target, b.conditions());
    if (!limit.withEntitlement() || !limit.admits(b.memoryBytes())) {
      return Optional.empty();
    }
    MemoryLimit without = of(target, b.conditions(), false);
    if (without.admits(b.memoryBytes())) {
      return Optional.empty();
    }
    String who =
        target.isChip()
            ? "an app on any " + target.chipName() + " device may use"
            : "an app on " + target.device().name() + " may use";
    return Optional.of(new Entitlement(b.memoryBytes(), without.bytes(), limit.bytes(), who));
  }

  /**
   * An estimate's memory above what an app may use by default but within its limit with the
   * increased-memory-limit entitlement: it runs only in an app that declares it.
   *
   * @param needs the memory the estimate needs, in bytes
   * @param defaultBytes what an app may use without the entitlement
   * @param entitledBytes what it may use with it
   * @param who whose limit it is, as a sentence's subject and verb ({@code an app on iPhone 15 Pro
   *     may use})
   */
  public record Entitlement(double needs, double defaultBytes, double entitledBytes, String who) {
    /** The entitlement's key, as an app's entitlements file declares it. */
    public static final String KEY = "com.apple.developer.kernel.increased-memory-limit";

    /**
     * {@code needs the increased-memory-limit entitlement
     * (com.apple.developer.kernel.increased-memory-limit): 5.5 GB is more than the 3 GB an app on
     * iPhone 15 Pro may use without it}.
     */
    public String text() {
      return brief()
          + ": "
          + bytes(needs)
          + " is more than the "
          + bytes(defaultBytes)
          + " "
          + who
          + " without it";
    }

    /** {@code needs the increased-memory-limit entitlement (KEY)}, without the figures. */
    public String brief() {
      return "needs the increased-memory-limit entitlement (" + KEY + ")";
    }

    private static String bytes(double b) {
      return dev.devq.lang.unit.QuantityFormat.format(
          dev.devq.lang.unit.Quantity.of(b, dev.devq.lang.unit.Dimensions.BYTES));
    }
  }
}
