package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the import's messages name a node: {@code node 'conv1' (Conv)}, by its name, or by its first
 * output when it has none. A name the graph gives to more than one node (ONNX asks for unique
 * names, but exporters and hand edits repeat them) would name several nodes, and a user could not
 * tell which one a cycle or a missing input is about: such a node is also named by its place in the
 * file, {@code node 'block' (Relu, GraphProto.node[5])}, the index {@code model.graph.node[5]}
 * finds it by.
 */
final class NodeLabels {
  private final Map<Onnx.NodeProto, Integer> index = new IdentityHashMap<>();
  private final Map<String, Integer> shown = new HashMap<>();

  NodeLabels(List<Onnx.NodeProto> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      index.put(nodes.get(i), i);
      shown.merge(name(nodes.get(i)), 1, Integer::sum);
    }
  }

  /** A node's label; a node of another graph (none here) is named as if its name were unique. */
  String of(Onnx.NodeProto node) {
    String name = name(node);
    Integer at = index.get(node);
    String place =
        at != null && shown.getOrDefault(name, 0) > 1 ? ", GraphProto.node[" + at + "]" : "";
    return "node '" + name + "' (" + node.getOpType() + place + ")";
  }

  /** The name a message shows: the node's own, or its first output when it has none. */
  private static String name(Onnx.NodeProto node) {
    return !node.getName().isEmpty() || node.getOutputCount() == 0
        ? node.getName()
        : node.getOutput(0);
  }
}
