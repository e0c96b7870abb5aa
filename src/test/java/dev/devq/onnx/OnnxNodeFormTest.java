package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.model;
import static dev.devq.onnx.OnnxFixtures.node;

import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nodes devq cannot order or describe, refused before anything else is read: one that writes
 * nothing, and one holding a subgraph (control flow). The files are the small model of {@link
 * OnnxFixtures} with one node added or replaced.
 */
class OnnxNodeFormTest {
  @TempDir Path dir;

  private void refused(Onnx.ModelProto.Builder m, String name, String... expected)
      throws IOException {
    Path f = OnnxFixtures.save(dir, name + ".onnx", m.build().toByteArray());
    OnnxFixtures.refused(dir, f, List.of(), expected);
  }

  /** A node with no output was an internal error (exit 3: an index out of bounds). */
  @Test
  void refusesANodeThatNamesNoOutput() throws IOException {
    var m = model();
    m.getGraphBuilder()
        .addNode(Onnx.NodeProto.newBuilder().setName("dangling").setOpType("Relu").addInput("y"));
    refused(
        m,
        "no_output",
        "node 'dangling' (Relu) names no output tensor (GraphProto.node[2]); every node writes at"
            + " least one");
  }

  /**
   * An If whose branches read the convolution's output by name: devq saw neither the reads nor the
   * branches' work, and wrote a description without the Relu the branches run.
   */
  @Test
  void refusesControlFlow() throws IOException {
    var m = model();
    m.getGraphBuilder()
        .addInitializer(
            Onnx.TensorProto.newBuilder()
                .setName("cond")
                .setDataType(TensorData.BOOL)
                .addInt32Data(1))
        .setNode(
            1,
            node("if", "If", "y", "cond").toBuilder()
                .addAttribute(branch("then_branch", "Relu"))
                .addAttribute(branch("else_branch", "Sigmoid")));
    refused(
        m,
        "if",
        "node 'if' (If): attribute 'then_branch' is a subgraph; devq describes graphs without"
            + " control flow",
        "torch.onnx.export traces one");
  }

  /** A branch of an If: {@code op} of the outer h, its output y. */
  private static Onnx.AttributeProto branch(String name, String op) {
    var g =
        Onnx.GraphProto.newBuilder()
            .setName(name)
            .addNode(node(name + "_" + op, op, "y", "h"))
            .addOutput(Onnx.ValueInfoProto.newBuilder().setName("y"));
    return Onnx.AttributeProto.newBuilder()
        .setName(name)
        .setType(Onnx.AttributeProto.AttributeType.GRAPH)
        .setG(g)
        .build();
  }
}
