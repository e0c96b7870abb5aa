package dev.devq.onnx;

import java.util.List;
import java.util.Map;

/**
 * One layer of the description being written, before save slots are assigned.
 *
 * @param name the ONNX node's name, kept as the layer name
 * @param kind a catalog op id with native shape rules ({@code conv2d}) or {@code explicit}
 * @param args the layer's arguments, values already in YAML form
 * @param input the tensor it reads (the layer before it, or a saved tensor)
 * @param others further activations it reads, kept alive until it runs
 * @param output the tensor it writes
 * @param op the catalog op it runs, for the summary
 * @param onnxOp the ONNX operator type
 * @param unknown true when the catalog has no op for {@code onnxOp}
 */
record Item(
    String name,
    String kind,
    Map<String, String> args,
    String input,
    List<String> others,
    String output,
    String op,
    String onnxOp,
    boolean unknown) {
  Item {
    args = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(args));
    others = List.copyOf(others);
  }

  /** This layer under another name, all else as it is. */
  Item named(String other) {
    return new Item(other, kind, args, input, others, output, op, onnxOp, unknown);
  }
}
