package dev.devq.onnx;

import dev.devq.kb.Op;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The op catalog as the importer sees it: op ids, and ONNX operator types by their alias. */
final class Catalog {
  private final Map<String, String> byOnnx = new HashMap<>();
  private final Set<String> ids = new HashSet<>();

  Catalog(Collection<Op> ops) {
    for (Op op : ops) {
      ids.add(op.id());
      for (String alias : op.aliasesByEcosystem().getOrDefault("onnx", java.util.List.of())) {
        byOnnx.putIfAbsent(alias, op.id());
      }
    }
  }

  /** The catalog op an ONNX operator type maps to, or null when the catalog does not know it. */
  String ofOnnx(String opType) {
    return byOnnx.get(opType);
  }

  boolean has(String id) {
    return ids.contains(id);
  }

  Set<String> ids() {
    return ids;
  }
}
