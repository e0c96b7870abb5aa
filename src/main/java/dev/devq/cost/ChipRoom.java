package dev.devq.cost;

import dev.devq.kb.Device;
import java.util.List;

/**
 * The memory limit of a bare SoC named as a target ({@code a14}, {@code m1(gpu_cores = 7)}): the
 * largest any device with that chip offers, each device in its largest configuration. A chip has no
 * RAM of its own, and the profiles describe each device's base configuration (an 8 GB M1 MacBook
 * Air) while measurements of the chip ran on larger ones (a 16 GB one), so a model is refused on a
 * chip only when no configuration of any of its devices has room.
 *
 * <p>A device's largest configuration is the one with its {@code ram_max}: on a Mac its limit is
 * that RAM (macOS has no per-app limit, as {@code app_memory_limit} says), and for llama.cpp on
 * Metal its {@code gpu_working_set_max}. An iPad sold with more memory has no source for that
 * configuration's app limit, so its RAM stands in for it: no app could use more. A device with one
 * memory size keeps its own limit ({@link MemoryLimit#ofDevice}). A Mac whose {@code ram_max} no
 * source gives leaves the chip's limit unknown, and the chip then refuses nothing on memory.
 */
final class ChipRoom {
  private ChipRoom() {}

  /**
   * The largest limit of {@code devices} (a chip's), under {@code c}; {@link MemoryLimit#NONE} when
   * one of them has no known largest configuration.
   *
   * <p>{@code ChipRoom.of(kb.devicesWith("m1"), llamaCppOnMetal)} is 16 GB, the RAM of a 16 GB M1
   * iPad Pro standing in for its app limit, above the 11.5 GB (10.7 GiB) GPU working set of a 16 GB
   * M1 Mac.
   */
  static MemoryLimit of(List<Device> devices, Conditions c) {
    MemoryLimit most = MemoryLimit.NONE;
    boolean someEntitledUnknown = false;
    for (Device d : devices) {
      MemoryLimit limit = largest(d, c);
      if (Double.isInfinite(limit.bytes())) {
        return MemoryLimit.NONE;
      }
      someEntitledUnknown |= d.entitledLimitUnknown();
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

  /** The limit of {@code d} in its largest configuration. */
  static MemoryLimit largest(Device d, Conditions c) {
    boolean mac = d.formFactor().platform().equals("macos");
    if (!d.ramMax().present()) {
      // a Mac is sold with more memory unless a source says it is not: its largest is unknown
      return mac ? MemoryLimit.NONE : MemoryLimit.ofDevice(d, c);
    }
    double ram = d.ramMax().value().value();
    if (!(ram > d.ram().value().value())) {
      return MemoryLimit.ofDevice(d, c);
    }
    MemoryLimit limit = new MemoryLimit(ram, MemoryLimit.RAM_MAX, false, d.name(), ram, !mac);
    if (MemoryLimit.onGpuMemory(c) && d.gpuWorkingSetMax().present()) {
      double set = d.gpuWorkingSetMax().value().value();
      if (set < ram) {
        limit = new MemoryLimit(set, MemoryLimit.GPU_MAX, false, d.name(), ram, false);
      }
    }
    return limit;
  }

  /**
   * Whether a limit with the increased-memory-limit entitlement could let a model of {@code needs}
   * bytes run where the default limit refused it: only on a device whose RAM holds it (an unknown
   * RAM keeps the doubt), on a chip on any of its devices without a known entitled limit.
   */
  static boolean entitlementCouldHelp(Target target, double needs) {
    List<Device> devices = target.isChip() ? target.chipDevices() : List.of(target.device());
    return devices.stream()
        .anyMatch(d -> d.entitledLimitUnknown() && !(needs > d.ram().value().value()));
  }
}
