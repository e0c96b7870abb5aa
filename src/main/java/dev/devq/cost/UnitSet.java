package dev.devq.cost;

import dev.devq.kb.ComputeUnit;
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
