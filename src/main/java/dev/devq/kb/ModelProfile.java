package dev.devq.kb;

import java.util.List;

/**
 * A model description as written in {@code profiles/models/}: its names and the YAML tree that
 * {@code dev.devq.model} turns into a layer graph (the knowledge base does not interpret layers).
 */
public record ModelProfile(
    String id,
    String name,
    List<String> aliases,
    String task,
    YamlNode.Mapping root,
    List<Fact> facts,
    Origin origin)
    implements Entity {
  public ModelProfile {
    aliases = List.copyOf(aliases);
    facts = List.copyOf(facts);
  }

  public String kind() {
    return "model";
  }
}
