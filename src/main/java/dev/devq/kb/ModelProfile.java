package dev.devq.kb;

import java.util.List;

/**
 * A model description as written in {@code profiles/models/}: its names and the YAML tree that
 * {@code dev.devq.model} turns into a layer graph (the knowledge base does not interpret layers).
 * The tree is {@link Deferred} and comes last: a snapshot decodes it when the model is first used,
 * and by then the source text it shares with {@code origin} has been read.
 */
public record ModelProfile(
    String id,
    String name,
    List<String> aliases,
    String task,
    List<Fact> facts,
    Origin origin,
    Deferred<YamlNode.Mapping> tree)
    implements Entity {
  public ModelProfile {
    aliases = List.copyOf(aliases);
    facts = List.copyOf(facts);
  }

  /** The model file's YAML tree. */
  public YamlNode.Mapping root() {
    return tree.get();
  }

  public String kind() {
    return "model";
  }
}
