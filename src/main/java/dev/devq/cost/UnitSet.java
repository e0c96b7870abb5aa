package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Core ML's {@code MLComputeUnits}: the units a prediction may use. */
public enum UnitSet {
  ALL(EnumSet.allOf(ComputeUnit.class)),
  CPU_ONLY(EnumSet.of(ComputeUnit.CPU)),
  CPU_AND_GPU(EnumSet.of(ComputeUnit.CPU, ComputeUnit.GPU)),
  CPU_AND_NE(EnumSet.of(ComputeUnit.CPU, ComputeUnit.ANE));

  /** Core ML's spellings, accepted as aliases. */
  public static final Map<String, UnitSet> ALIASES =
      Map.of(
          "cpuonly",
          CPU_ONLY,
          "cpuandgpu",
          CPU_AND_GPU,
          "cpuandneuralengine",
          CPU_AND_NE,
          "cpu_and_neural_engine",
          CPU_AND_NE);

  private final Set<ComputeUnit> units;

  UnitSet(Set<ComputeUnit> units) {
    this.units = units;
  }

  public Set<ComputeUnit> units() {
    return EnumSet.copyOf(units);
  }

  public boolean allows(ComputeUnit u) {
    return units.contains(u);
  }

  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> keys() {
    return java.util.Arrays.stream(values()).map(UnitSet::key).toList();
  }

  /**
   * The setting whose 80% range a prediction takes: the setting asked, less a Neural Engine that
   * the chip does not open to Core ML. An A11 runs every layer on the CPU under {@code cpu_and_ne}
   * as under {@code cpu_only}, so it errs as the CPU does and reads {@code cpu_only}'s range; under
   * {@code all} it reads {@code cpu_and_gpu}'s. Anywhere else the setting keeps its range, which
   * also holds the error of where Core ML puts each layer: the placement predicted here is itself
   * an estimate, so a chip's units decide the range, not the predicted placement. Both the range a
   * prediction reads and the grouping of held-out residuals into ranges go by this setting.
   *
   * <p>{@code effective(CPU_AND_NE, a11)} is {@code CPU_ONLY}; {@code effective(ALL, a14)} is
   * {@code ALL}.
   */
  public static UnitSet effective(UnitSet requested, Soc soc) {
    if (soc.coremlAne() || !requested.allows(ComputeUnit.ANE)) {
      return requested;
    }
    return requested.allows(ComputeUnit.GPU) ? CPU_AND_GPU : CPU_ONLY;
  }

  /** A set by its name or a Core ML alias (case-insensitive), or null. */
  public static UnitSet parse(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    for (UnitSet u : values()) {
      if (u.key().equals(lower)) {
        return u;
      }
    }
    return ALIASES.get(lower);
  }
}
