package dev.devq.onnx;

import dev.devq.kb.Op;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** The op catalog as the importer sees it: op ids, and ONNX operator types by their alias. */
final class Catalog {
  /** Marks an ONNX operator type several catalog ops name. */
  private static final String SHARED = "";

  private final Map<String, String> byOnnx = new HashMap<>();
  private final Set<String> ids = new HashSet<>();

  Catalog(Collection<Op> ops) {
    for (Op op : ops) {
      ids.add(op.id());
      for (String alias : op.aliasesByEcosystem().getOrDefault("onnx", java.util.List.of())) {
        byOnnx.merge(alias, op.id(), (a, b) -> a.equals(b) ? a : SHARED);
      }
    }
  }

  /**
   * The catalog op an ONNX operator type maps to, or null when the catalog does not know it or
   * several ops share it: which of those a node is depends on its attributes and shapes (a Resize:
   * {@link Resizes}), never on the order ops are listed in.
   */
  String ofOnnx(String opType) {
    String id = byOnnx.get(opType);
    return id == null || id.equals(SHARED) ? null : id;
  }

  boolean has(String id) {
    return ids.contains(id);
  }

  Set<String> ids() {
    return ids;
  }
}
