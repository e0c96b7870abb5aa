package dev.devq.kb;

import dev.devq.lang.unit.Quantity;
import java.util.List;
import java.util.Map;

/** A system on chip: its compute units, memory system and thermal behaviour per form factor. */
public record Soc(
    String id,
    String name,
    List<String> aliases,
    Sourced<Integer> year,
    Sourced<String> process,
    String typicalDevice,
    boolean coremlAne,
    boolean int8FastPath,
    UnitSpec ane,
    UnitSpec gpu,
    UnitSpec cpu,
    Sourced<String> memoryType,
    Sourced<Quantity> bandwidth,
    Sourced<Quantity> slc,
    Map<FormFactor, ThermalModel> thermal,
    List<Fact> facts,
    Origin origin)
    implements Entity {
  public Soc {
    aliases = List.copyOf(aliases);
    thermal = Map.copyOf(thermal);
    facts = List.copyOf(facts);
  }

  public String kind() {
    return "soc";
  }

  public UnitSpec unit(ComputeUnit u) {
    return switch (u) {
      case ANE -> ane;
      case GPU -> gpu;
      case CPU -> cpu;
    };
  }
}
