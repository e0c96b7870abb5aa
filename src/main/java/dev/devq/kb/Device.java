package dev.devq.kb;

import dev.devq.lang.unit.Quantity;
import java.util.List;

/** A phone, tablet or Mac: its SoC, memory, battery and form factor. */
public record Device(
    String id,
    String name,
    List<String> aliases,
    String soc,
    Sourced<Integer> year,
    FormFactor formFactor,
    Sourced<Quantity> ram,
    Sourced<Quantity> appMemoryLimit,
    Sourced<Quantity> batteryMah,
    Sourced<Quantity> batteryWh,
    List<Fact> facts,
    Origin origin)
    implements Entity {
  public Device {
    aliases = List.copyOf(aliases);
    facts = List.copyOf(facts);
  }

  public String kind() {
    return "device";
  }
}
