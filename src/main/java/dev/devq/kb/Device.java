package dev.devq.kb;

import dev.devq.lang.unit.Quantity;
import java.util.List;

/**
 * A phone, tablet or Mac: its SoC, memory, battery and form factor. {@code socVariant} names the
 * binned part it ships by its {@link SocParameter}s ({@code gpu_cores = 30}; empty for the full
 * part), {@link KnowledgeBase#socOf(Entity)} resolves it. {@code gpuWorkingSet} is macOS's
 * recommendedMaxWorkingSetSize for the device's RAM (missing on iPhone and iPad), {@code
 * appMemoryLimitEntitled} the limit with the increased-memory-limit entitlement where a source
 * gives it. {@code firstOs} is the major release of the device's own line ({@link OsLine#of}) it
 * shipped with, absent where no profile gives it: no release before it runs on the device.
 *
 * <p>A profile is the device's base configuration. {@code ramMax} is the most memory Apple sold the
 * model with (any bin of its chip), where it can be ordered with more, or on a Mac where a source
 * says it cannot: absent on an iPhone or iPad that has one memory size, and on a Mac whose options
 * no source gives. {@code gpuWorkingSetMax} is {@code gpuWorkingSet} of that largest configuration
 * (Macs only); {@code appMemoryLimitMax} and {@code appMemoryLimitEntitledMax} are an iPad's app
 * limits in it, where a source gives them. {@code variantRamMax} is the most memory the model was
 * sold with the part it ships ({@code socVariant}), where a source says that is less than {@code
 * ramMax} (the 32-core M4 Max: 36 GB; 128 GB takes the 40-core part), and {@code
 * variantGpuWorkingSetMax} that configuration's GPU working set (Macs, where it is larger than the
 * base one). A bare SoC target reads them ({@code dev.devq.cost.ChipRoom}).
 *
 * <p>{@code storageRead} is the sequential read of the device's flash a published measurement gives
 * (a cold load reads the weights at it), absent where no source measured the device; {@code
 * storageReadConfiguration} is the storage capacity of the unit measured, which the loader asks for
 * with it: a base configuration with one NAND package reads slower than a larger one with several,
 * so a figure of a larger unit says so.
 */
public record Device(
    String id,
    String name,
    List<String> aliases,
    String soc,
    Sourced<Integer> year,
    FormFactor formFactor,
    Sourced<Quantity> ram,
    Sourced<Quantity> appMemoryLimit,
    Sourced<Quantity> appMemoryLimitEntitled,
    Sourced<Quantity> gpuWorkingSet,
    Sourced<Quantity> ramMax,
    Sourced<Quantity> gpuWorkingSetMax,
    Sourced<Quantity> appMemoryLimitMax,
    Sourced<Quantity> appMemoryLimitEntitledMax,
    Sourced<Quantity> variantRamMax,
    Sourced<Quantity> variantGpuWorkingSetMax,
    Sourced<Quantity> batteryMah,
    Sourced<Quantity> batteryWh,
    List<Fact> facts,
    Origin origin,
    java.util.Map<String, Quantity> socVariant,
    Sourced<Integer> firstOs,
    Sourced<Quantity> storageRead,
    Sourced<Quantity> storageReadConfiguration)
    implements Entity {
  public Device {
    aliases = List.copyOf(aliases);
    facts = List.copyOf(facts);
    socVariant = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(socVariant));
  }

  public String kind() {
    return "device";
  }

  /**
   * Whether this is an iPhone or iPad whose limit with the increased-memory-limit entitlement no
   * source gives for its base configuration: its default limit is then the only one known, and
   * saying so keeps a reader from taking it for the most an app could ask for. A Mac has no such
   * limit (the entitlement is iOS/iPadOS only).
   */
  public boolean entitledLimitUnknown() {
    return entitledLimitUnknown(ram.value().value());
  }

  /**
   * {@link #entitledLimitUnknown()} for the configuration of this model with {@code
   * configurationRam} bytes: the base one ({@code app_memory_limit_entitled}) where that is no more
   * than the base RAM or not known, the largest one ({@code app_memory_limit_entitled_max}) where
   * it is {@code ram_max}. A configuration between them ({@code variant_ram_max}) has no entitled
   * limit in a profile, so its limit is unknown.
   */
  public boolean entitledLimitUnknown(double configurationRam) {
    if (!formFactor.platform().equals("ios")) {
      return false;
    }
    if (!(configurationRam > ram.value().value())) {
      return !appMemoryLimitEntitled.present();
    }
    return !(configurationRam == ramMax.value().value() && appMemoryLimitEntitledMax.present());
  }
}
