package dev.devq.kb;

import java.util.List;
import java.util.Map;

/**
 * An operator of the catalog: its names in every ecosystem and whether each compute unit runs it.
 *
 * @param aliasesByEcosystem {@code pytorch}, {@code onnx}, {@code coreml}, {@code tflite}, {@code
 *     other}
 */
public record Op(
    String id,
    String name,
    String category,
    String opClass,
    String description,
    Map<String, List<String>> aliasesByEcosystem,
    Map<ComputeUnit, Support> support,
    Provenance provenance,
    List<Fact> facts,
    Origin origin)
    implements Entity {
  public static final List<String> ECOSYSTEMS =
      List.of("pytorch", "onnx", "coreml", "tflite", "other");

  public Op {
    aliasesByEcosystem = Map.copyOf(aliasesByEcosystem);
    support = Map.copyOf(support);
    facts = List.copyOf(facts);
  }

  public String kind() {
    return "op";
  }

  public List<String> aliases() {
    return ECOSYSTEMS.stream()
        .flatMap(e -> aliasesByEcosystem.getOrDefault(e, List.of()).stream())
        .toList();
  }

  public Support supportOn(ComputeUnit unit) {
    return support.getOrDefault(unit, Support.unknown(provenance));
  }
}
