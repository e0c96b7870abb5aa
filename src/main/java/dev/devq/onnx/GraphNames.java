package dev.devq.onnx;

import dev.devq.onnx.proto.Onnx;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The names a graph declares, checked before its nodes are read. ONNX requires every name in a
 * graph to be unique: with two initializers named alike the later one would silently replace the
 * earlier, and a description would count weights the file does not run. A graph must also declare
 * an output that something computes, or there is nothing to describe.
 */
final class GraphNames {
  static final String UNIQUE = "ONNX requires each name in a graph to be unique";

  private GraphNames() {}

  /**
   * Initializers and graph inputs: no name given twice. An initializer may also be listed as a
   * graph input (IR versions before 4 required it), provided the shape declared there is its own.
   */
  static void declarations(Onnx.GraphProto graph) throws ImportFailure {
    Map<String, Onnx.TensorProto> initializers = new HashMap<>();
    for (Onnx.TensorProto t : graph.getInitializerList()) {
      if (initializers.put(t.getName(), t) != null) {
        throw new ImportFailure("initializer '" + t.getName() + "' is given twice", UNIQUE);
      }
    }
    Set<String> inputs = new HashSet<>();
    for (Onnx.ValueInfoProto vi : graph.getInputList()) {
      if (!inputs.add(vi.getName())) {
        throw new ImportFailure("graph input '" + vi.getName() + "' is declared twice", UNIQUE);
      }
      Onnx.TensorProto t = initializers.get(vi.getName());
      if (t != null && !sameShape(vi, t.getDimsList())) {
        throw new ImportFailure(
            "graph input '"
                + vi.getName()
                + "' declares the shape "
                + declared(vi)
                + ", but the initializer of that name has dims "
                + t.getDimsList(),
            UNIQUE + "; an initializer listed as an input must declare its own shape");
      }
    }
  }

  /** At least one graph output, each written by a node, an initializer or the input. */
  static void outputs(Onnx.GraphProto graph, Set<String> provided) throws ImportFailure {
    if (graph.getOutputCount() == 0) {
      throw new ImportFailure(
          "the graph declares no outputs: there is nothing to run",
          "name the model's result in GraphProto.output");
    }
    Set<String> written = new HashSet<>(provided);
    for (Onnx.NodeProto n : graph.getNodeList()) {
      written.addAll(n.getOutputList());
    }
    Set<String> seen = new HashSet<>();
    for (Onnx.ValueInfoProto vi : graph.getOutputList()) {
      if (!seen.add(vi.getName())) {
        throw new ImportFailure("graph output '" + vi.getName() + "' is declared twice", UNIQUE);
      }
      if (vi.getName().isEmpty() || !written.contains(vi.getName())) {
        throw new ImportFailure(
            "graph output '"
                + vi.getName()
                + "' is not written by any node, initializer or graph input");
      }
    }
  }

  /**
   * Whether a declared shape fits {@code dims}: the same rank, and each fixed size equal (a named
   * or absent size says nothing). No declared shape fits anything.
   */
  private static boolean sameShape(Onnx.ValueInfoProto vi, List<Long> dims) {
    if (!vi.getType().hasTensorType() || !vi.getType().getTensorType().hasShape()) {
      return true;
    }
    List<Onnx.TensorShapeProto.Dimension> shape =
        vi.getType().getTensorType().getShape().getDimList();
    if (shape.size() != dims.size()) {
      return false;
    }
    for (int i = 0; i < shape.size(); i++) {
      if (shape.get(i).hasDimValue() && shape.get(i).getDimValue() != dims.get(i)) {
        return false;
      }
    }
    return true;
  }

  /** A declared shape as written, a named size by its name: {@code [4, 3, seq, 3]}. */
  private static String declared(Onnx.ValueInfoProto vi) {
    String[] sizes =
        vi.getType().getTensorType().getShape().getDimList().stream()
            .map(d -> d.hasDimValue() ? Long.toString(d.getDimValue()) : d.getDimParam())
            .toArray(String[]::new);
    return Arrays.toString(sizes);
  }
}
