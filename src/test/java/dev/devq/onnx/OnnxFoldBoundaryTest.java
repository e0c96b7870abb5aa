package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.imported;
import static dev.devq.onnx.OnnxFixtures.input;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.shaped;
import static dev.devq.onnx.OnnxFixtures.weight;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A fold merges a node into the node before it and drops the value between them, so it may fold
 * only a value nothing else sees. A graph that also outputs that value (a convolution's raw result
 * beside its batch-normed one) lost the layer that writes it: the batch norm, the bias Add or the
 * sigmoid vanished into one layer, and the description ran less than the file.
 */
class OnnxFoldBoundaryTest {
  @TempDir Path dir;

  private static Onnx.ModelProto.Builder model(Onnx.ValueInfoProto in, Onnx.GraphProto.Builder g) {
    g.setName("fold").addInput(in).addOutput(Onnx.ValueInfoProto.newBuilder().setName("y"));
    return Onnx.ModelProto.newBuilder()
        .setIrVersion(8)
        .setGraph(g)
        .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17));
  }

  /** conv(x) → h, batch norm(h) → y. */
  private static Onnx.ModelProto.Builder convBatchNorm() {
    var g =
        Onnx.GraphProto.newBuilder()
            .addInitializer(weight("w", 4, 3, 3, 3))
            .addNode(node("conv", "Conv", "h", "x", "w"))
            .addNode(node("bn", "BatchNormalization", "y", "h", "scale", "shift", "mean", "var"));
    for (String name : new String[] {"scale", "shift", "mean", "var"}) {
      g.addInitializer(weight(name, 4));
    }
    return model(input(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(1).build()), g);
  }

  /** matmul(x, w) → h, h + b → y. */
  private static Onnx.ModelProto.Builder matmulBias() {
    var g =
        Onnx.GraphProto.newBuilder()
            .addInitializer(weight("w", 16, 4))
            .addInitializer(weight("b", 4))
            .addNode(node("matmul", "MatMul", "h", "x", "w"))
            .addNode(node("bias", "Add", "y", "h", "b"));
    return model(shaped(1, 16), g);
  }

  /** sigmoid(x) → h, x · h → y. */
  private static Onnx.ModelProto.Builder silu() {
    var g =
        Onnx.GraphProto.newBuilder()
            .addNode(node("sigmoid", "Sigmoid", "h", "x"))
            .addNode(node("times", "Mul", "y", "x", "h"));
    return model(shaped(1, 3, 8, 8), g);
  }

  static Stream<Arguments> folds() {
    return Stream.of(
        Arguments.of(
            "a batch norm after a convolution",
            convBatchNorm(),
            "conv2d ×1",
            "batch_norm ×1, conv2d ×1"),
        Arguments.of("a bias Add after a MatMul", matmulBias(), "linear ×1", "add ×1, linear ×1"),
        Arguments.of("x times sigmoid(x)", silu(), "silu ×1", "mul ×1, sigmoid ×1"));
  }

  /**
   * Each graph folds into one layer while it outputs only y, and keeps both layers once it also
   * outputs h, the value between them.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("folds")
  void foldsNoValueTheGraphAlsoOutputs(
      String what, Onnx.ModelProto.Builder m, String folded, String kept) throws IOException {
    String one = imported(dir, OnnxFixtures.save(dir, "one.onnx", m.build().toByteArray()), "one");
    assertTrue(one.contains("ops          " + folded + "\n"), one);
    m.getGraphBuilder().addOutput(Onnx.ValueInfoProto.newBuilder().setName("h"));
    String both =
        imported(dir, OnnxFixtures.save(dir, "both.onnx", m.build().toByteArray()), "both");
    assertTrue(both.contains("ops          " + kept + "\n"), both);
  }
}
