package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;

/**
 * What every node must be before devq orders the graph: a node that writes a tensor, and one
 * without a subgraph. A node naming no output was an internal error. A node holding a subgraph (If,
 * Loop, Scan) runs that subgraph, which reads the values around it by name without listing them as
 * inputs: devq saw neither those reads nor the subgraph's work, and described the node as if it
 * copied its first input.
 */
final class NodeForms {
  /**
   * AttributeProto.graphs, a list of subgraphs: devq's schema leaves the field out, so protobuf
   * keeps it among the unknown fields.
   */
  private static final int GRAPHS_FIELD = 11;

  private NodeForms() {}

  private static boolean subgraph(Onnx.AttributeProto a) {
    return a.hasG()
        || a.getType() == Onnx.AttributeProto.AttributeType.GRAPH
        || a.getType() == Onnx.AttributeProto.AttributeType.GRAPHS
        || a.getUnknownFields().hasField(GRAPHS_FIELD);
  }

  static void check(Onnx.GraphProto graph, NodeLabels labels) throws ImportFailure {
    for (int i = 0; i < graph.getNodeCount(); i++) {
      Onnx.NodeProto node = graph.getNode(i);
      if (node.getOutputList().stream().allMatch(String::isEmpty)) {
        throw new ImportFailure(
            labels.of(node)
                + " names no output tensor (GraphProto.node["
                + i
                + "]); every node writes at least one");
      }
      for (Onnx.AttributeProto a : node.getAttributeList()) {
        if (subgraph(a)) {
          throw new ImportFailure(
              labels.of(node)
                  + ": attribute '"
                  + a.getName()
                  + "' is a subgraph; devq describes graphs without control flow",
              "export the path the model takes (torch.onnx.export traces one), or unroll the"
                  + " loop");
        }
      }
    }
  }
}
