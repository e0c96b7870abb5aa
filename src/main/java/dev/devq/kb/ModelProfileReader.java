package dev.devq.kb;

import java.util.List;

/**
 * Reads the identity of {@code models/ID.yaml}. The layers are read by {@code dev.devq.model},
 * which knows their meaning; this reader only checks the keys every model shares.
 */
final class ModelProfileReader {
  /** Keys of a model file; the model package reads all but the identity. */
  static final List<String> BODY_KEYS =
      List.of(
          "description",
          "params",
          "param_limits",
          "input",
          "precision",
          "reference",
          "blocks",
          "layers",
          "state",
          "notes");

  private ModelProfileReader() {}

  static ModelProfile read(Fields f, List<Fact> facts) {
    String id = f.id("id");
    String name = f.id("name");
    List<String> aliases = f.texts("aliases");
    String task = f.text("task", "");
    for (String key : BODY_KEYS) {
      f.raw(key);
    }
    f.finish();
    return new ModelProfile(id, name, aliases, task, facts, f.origin(), Deferred.of(f.node()));
  }
}
