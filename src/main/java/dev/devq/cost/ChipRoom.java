package dev.devq.cost;

import dev.devq.kb.Device;
import dev.devq.kb.Sourced;
import dev.devq.lang.unit.Quantity;
import java.util.List;

/**
 * The memory limit of a bare SoC named as a target ({@code a14}, {@code m4_max(gpu_cores = 32)}):
 * the largest any device with that part offers, each device in its largest configuration with it. A
 * chip has no RAM of its own, and the profiles describe each device's base configuration (an 8 GB
 * M1 MacBook Air) while measurements of the chip ran on larger ones (a 16 GB one), so a model is
 * refused on a chip only when no configuration of any of its devices has room.
 *
 * <p>The bare id stands for the chip: every device with it, in the largest configuration of the
 * model ({@code ram_max}). A binned part ({@code m4_max(gpu_cores = 32)}) reads only the devices
 * that ship it, each in the largest configuration sold with that part: {@code variant_ram_max}
 * where a source gives it (the 32-core M4 Max is sold with 36 GB only; 128 GB takes the 40-core
 * part), else {@code ram_max}. A part no device ships has no known configuration and refuses
 * nothing on memory.
 *
 * <p>On a Mac a configuration's limit is its RAM (macOS has no per-app limit, as {@code
 * app_memory_limit} says), and for llama.cpp on Metal its GPU working set ({@code
 * gpu_working_set_max}, {@code variant_gpu_working_set_max}). On an iPad sold with more memory the
 * larger configuration's app limit is {@code app_memory_limit_entitled_max} or {@code
 * app_memory_limit_max} where a source gives one; elsewhere its RAM stands in for it: no app could
 * use more. A device with one memory size keeps its own limit ({@link MemoryLimit#ofDevice}). A Mac
 * whose {@code ram_max} no source gives leaves the chip's limit unknown, and the chip then refuses
 * nothing on memory.
 */
final class ChipRoom {
  private ChipRoom() {}

  /**
   * The largest limit of {@code devices} (a chip's), under {@code c}; {@link MemoryLimit#NONE} when
   * one of them has no known largest configuration, or there is none. {@code binned}: the devices
   * ship the binned part the query named, and only configurations with that part count. The limit
   * says the entitled limit of some of them is not known when a device's is not in the
   * configuration read ({@link Device#entitledLimitUnknown(double)}). Without {@code entitled} no
   * limit with the increased-memory-limit entitlement counts: the room an app has without it.
   *
   * <p>{@code ChipRoom.of(kb.devicesWith("m1"), llamaCppOnMetal, false)} is 12 GB, the limit with
   * the entitlement of a 16 GB M1 iPad Pro, above the 11.5 GB (10.7 GiB) GPU working set of a 16 GB
   * M1 Mac.
   */
  static MemoryLimit of(List<Device> devices, Conditions c, boolean binned) {
    return of(devices, c, binned, true);
  }

  /** {@link #of(List, Conditions, boolean)}, without {@code entitled} the room without it. */
  static MemoryLimit of(List<Device> devices, Conditions c, boolean binned, boolean entitled) {
    MemoryLimit most = MemoryLimit.NONE;
    boolean someEntitledUnknown = false;
    for (Device d : devices) {
      MemoryLimit limit = largest(d, c, binned, entitled);
      if (Double.isInfinite(limit.bytes())) {
        return MemoryLimit.NONE;
      }
      someEntitledUnknown |= d.entitledLimitUnknown(configurationRam(d, binned));
      if (most == MemoryLimit.NONE || roomier(limit, most)) {
        most = limit;
      }
    }
    if (most == MemoryLimit.NONE || most.entitledUnknown() == someEntitledUnknown) {
      return most;
    }
    return new MemoryLimit(
        most.bytes(), most.field(), true, most.device(), most.configRam(), most.ramOnly());
  }

  /** More room, or as much with a figure the profile states rather than a RAM standing in. */
  private static boolean roomier(MemoryLimit a, MemoryLimit b) {
    return a.bytes() > b.bytes() || (a.bytes() == b.bytes() && b.ramOnly() && !a.ramOnly());
  }

  /**
   * The limit of {@code d} in its largest configuration, or with {@code binned} in its largest with
   * the part it ships; with {@code entitled}, the limit with the entitlement where a source gives
   * it.
   */
  static MemoryLimit largest(Device d, Conditions c, boolean binned) {
    return largest(d, c, binned, true);
  }

  private static MemoryLimit largest(Device d, Conditions c, boolean binned, boolean entitled) {
    boolean mac = d.formFactor().platform().equals("macos");
    if (readsVariant(d, binned)) {
      return configuration(d, c, d.variantRamMax(), d.variantGpuWorkingSetMax(), false, entitled);
    }
    if (!d.ramMax().present()) {
      // a Mac is sold with more memory unless a source says it is not: its largest is unknown
      return mac ? MemoryLimit.NONE : MemoryLimit.ofDevice(d, c, entitled);
    }
    return configuration(d, c, d.ramMax(), d.gpuWorkingSetMax(), true, entitled);
  }

  /** Whether {@link #largest} reads {@code d}'s configuration sold with the part it ships. */
  private static boolean readsVariant(Device d, boolean binned) {
    return binned && d.variantRamMax().present();
  }

  /**
   * The RAM of the configuration {@link #largest} reads the limit of: {@code variant_ram_max} or
   * {@code ram_max}, else the base one's (NaN where no source gives it).
   */
  private static double configurationRam(Device d, boolean binned) {
    Sourced<Quantity> ram =
        readsVariant(d, binned) ? d.variantRamMax() : d.ramMax().present() ? d.ramMax() : d.ram();
    return ram.value().value();
  }

  /**
   * The limit of {@code d} in its configuration with {@code ram}: the base one's own where that is
   * the base RAM; else the RAM on a Mac, or its GPU working set {@code gpuSet} for llama.cpp on
   * Metal; on an iPad the app limit a source gives for its largest configuration ({@code
   * largestOfModel}), else its RAM standing in.
   */
  private static MemoryLimit configuration(
      Device d,
      Conditions c,
      Sourced<Quantity> ram,
      Sourced<Quantity> gpuSet,
      boolean largestOfModel,
      boolean entitled) {
    double bytes = ram.value().value();
    if (!(bytes > d.ram().value().value())) {
      return MemoryLimit.ofDevice(d, c, entitled);
    }
    String ramField = largestOfModel ? MemoryLimit.RAM_MAX : MemoryLimit.VARIANT_RAM_MAX;
    if (!d.formFactor().platform().equals("macos")) {
      return largestOfModel
          ? ipadLargest(d, bytes, entitled)
          : MemoryLimit.ramOnly(ramField, d, bytes);
    }
    MemoryLimit limit = new MemoryLimit(bytes, ramField, false, d.name(), bytes, false);
    if (MemoryLimit.onGpuMemory(c) && gpuSet.present() && gpuSet.value().value() < bytes) {
      String setField = largestOfModel ? MemoryLimit.GPU_MAX : MemoryLimit.VARIANT_GPU_MAX;
      limit = new MemoryLimit(gpuSet.value().value(), setField, false, d.name(), bytes, false);
    }
    return limit;
  }

  /**
   * An iPad's limit in its largest configuration of {@code ram} bytes: with the entitlement where a
   * source gives it (12 GB on a 16 GB M1 iPad Pro), else the default one where a source gives it
   * (4598 MB on a 6 GB 2018 iPad Pro, before the entitlement), else its RAM. Without {@code
   * entitled} the limit with the entitlement is passed over.
   */
  private static MemoryLimit ipadLargest(Device d, double ram, boolean entitled) {
    if (entitled && d.appMemoryLimitEntitledMax().present()) {
      double most = d.appMemoryLimitEntitledMax().value().value();
      return new MemoryLimit(most, MemoryLimit.ENTITLED_MAX, false, d.name(), ram, false);
    }
    if (d.appMemoryLimitMax().present()) {
      double app = d.appMemoryLimitMax().value().value();
      return new MemoryLimit(app, MemoryLimit.APP_MAX, true, d.name(), ram, false);
    }
    return MemoryLimit.ramOnly(MemoryLimit.RAM_MAX, d, ram);
  }

  /**
   * Whether a limit with the increased-memory-limit entitlement could let a model of {@code needs}
   * bytes run where the default limit refused it: only where the RAM of the configuration the limit
   * is of holds it (an unknown RAM keeps the doubt). A device is its base configuration; a chip's
   * devices are each in the configuration {@link #largest} reads (a 6 GB 2018 iPad Pro, not its 4
   * GB base), and it is enough that one of them has no known entitled limit in that configuration
   * (the base one's {@code app_memory_limit_entitled} says nothing of a 16 GB iPad Pro's).
   */
  static boolean entitlementCouldHelp(Target target, double needs) {
    List<Device> devices = target.isChip() ? target.chipDevices() : List.of(target.device());
    return devices.stream()
        .anyMatch(
            d -> {
              double ram =
                  target.isChip() ? configurationRam(d, target.binned()) : d.ram().value().value();
              return d.entitledLimitUnknown(ram) && !(needs > ram);
            });
  }
}
