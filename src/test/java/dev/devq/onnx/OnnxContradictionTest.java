package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.declared;
import static dev.devq.onnx.OnnxFixtures.imported;
import static dev.devq.onnx.OnnxFixtures.int64;
import static dev.devq.onnx.OnnxFixtures.integer;
import static dev.devq.onnx.OnnxFixtures.ints;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.shaped;
import static dev.devq.onnx.OnnxFixtures.weight;

import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files whose parts contradict each other, which ONNX forbids and which devq used to import by
 * silently believing one side: a kernel_shape beside weights of another kernel, channels that do
 * not split into the groups, a bias or a batch norm's scale of the wrong length, attributes that
 * name an axis twice or index past it, a name given twice, outputs that are missing or written by
 * nothing. Each is an error naming both sides; the legal neighbours of each (an initializer listed
 * as an input with its own shape, a kernel_shape that agrees) still import.
 */
class OnnxContradictionTest {
  @TempDir Path dir;

  private static Consumer<Onnx.ModelProto.Builder> convAttributes(Onnx.AttributeProto... a) {
    return m -> m.getGraphBuilder().getNodeBuilder(0).addAllAttribute(List.of(a));
  }

  private static Onnx.AttributeProto group(long g) {
    return integer("group", g);
  }

  /** The first node replaced by {@code op} over x and an initializer {@code w} of {@code dims}. */
  private static Consumer<Onnx.ModelProto.Builder> firstNode(
      String op, long[] dims, Onnx.AttributeProto... attributes) {
    return m -> {
      var g = m.getGraphBuilder();
      g.setInitializer(0, weight("w", dims));
      g.setNode(
          0, node("conv", op, "h", "x", "w").toBuilder().addAllAttribute(List.of(attributes)));
    };
  }

  /** The Conv also reads a bias {@code b} of {@code dims}. */
  private static Consumer<Onnx.ModelProto.Builder> bias(long... dims) {
    return m -> {
      m.getGraphBuilder().addInitializer(weight("b", dims));
      m.getGraphBuilder().getNodeBuilder(0).addInput("b");
    };
  }

  /** The small model with {@code added} after it, reading y and writing the graph output z. */
  private static Consumer<Onnx.ModelProto.Builder> after(
      Onnx.NodeProto added, Onnx.TensorProto... constants) {
    return m ->
        m.getGraphBuilder()
            .addAllInitializer(List.of(constants))
            .addNode(added)
            .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z"));
  }

  /**
   * The Relu replaced by a batch norm of h (folded into the Conv) whose scale has {@code scale}
   * values.
   */
  private static Consumer<Onnx.ModelProto.Builder> batchNorm(long scale) {
    return m -> {
      var g = m.getGraphBuilder();
      g.addInitializer(weight("scale", scale));
      for (String name : List.of("shift", "mean", "var")) {
        g.addInitializer(weight(name, 4));
      }
      g.setNode(1, node("bn", "BatchNormalization", "y", "h", "scale", "shift", "mean", "var"));
    };
  }

  private static Arguments row(
      String what, Consumer<Onnx.ModelProto.Builder> change, String expected) {
    return Arguments.of(what, change, expected);
  }

  static Stream<Arguments> contradictions() {
    return Stream.of(
        row(
            "a kernel_shape other than the weights' kernel",
            convAttributes(ints("kernel_shape", 5, 5)),
            "node 'conv' (Conv): kernel_shape [5, 5] does not match the weights [4, 3, 3, 3],"
                + " whose kernel is [3, 3]"),
        row(
            "a kernel_shape of another rank",
            convAttributes(ints("kernel_shape", 3)),
            "node 'conv' (Conv): kernel_shape [3] does not match the weights [4, 3, 3, 3]"),
        row(
            "a ConvTranspose kernel_shape other than its weights' kernel",
            firstNode("ConvTranspose", new long[] {3, 4, 3, 3}, ints("kernel_shape", 2, 2)),
            "node 'conv' (ConvTranspose): kernel_shape [2, 2] does not match the weights"
                + " [3, 4, 3, 3], whose kernel is [3, 3]"),
        row(
            "a ConvTranspose whose weights are for other input channels",
            firstNode("ConvTranspose", new long[] {4, 3, 3, 3}),
            "node 'conv' (ConvTranspose): input channels 3 do not match weights [4, 3, 3, 3]"
                + " (axis 0)"),
        // read past the list's end: an internal error (exit 3)
        row(
            "a Resize to more sizes than axes",
            after(node("rs", "Resize", "z", "y", "", "", "to"), int64("to", 1, 4, 12, 12, 5)),
            "node 'rs' (Resize): sizes [1, 4, 12, 12, 5] do not fit rank 4"),
        row(
            "a TopK of no k",
            after(
                node("top", "TopK", "z", "y", "k").toBuilder().addOutput("i").build(), int64("k")),
            "node 'top' (TopK): k [] is not one value from 0 to axis 3's 6"),
        // read before the list's start: an internal error (exit 3)
        row(
            "a ConvTranspose output_shape shorter than its spatial axes",
            firstNode("ConvTranspose", new long[] {3, 4, 3, 3}, ints("output_shape", 10)),
            "node 'conv' (ConvTranspose): output_shape [10] has not one value per spatial axis"
                + " (2)"),
        // the output size wrapped past 2^63 and was reported as negative
        row(
            "a ConvTranspose output_padding near 2^63",
            firstNode(
                "ConvTranspose",
                new long[] {3, 4, 3, 3},
                ints("output_padding", Long.MAX_VALUE, Long.MAX_VALUE)),
            "node 'conv' (ConvTranspose): output_padding [9223372036854775807,"
                + " 9223372036854775807]: each must be a whole number from 0 to 16777216"),
        row(
            "a ConvTranspose whose input channels do not split into its groups",
            firstNode("ConvTranspose", new long[] {3, 2, 3, 3}, group(2)),
            "node 'conv' (ConvTranspose): input channels 3 (weights [3, 2, 3, 3]) do not split"
                + " into group 2"),
        row(
            "a Conv whose weights' channels times group are not the input's",
            convAttributes(group(2)),
            "node 'conv' (Conv): input channels 3 do not match weights [4, 3, 3, 3] with group 2"),
        row(
            "a Conv whose output channels do not split into its groups",
            firstNode("Conv", new long[] {4, 1, 3, 3}, group(3)),
            "node 'conv' (Conv): output channels 4 (weights [4, 1, 3, 3]) do not split into"
                + " group 3"),
        row(
            "a bias of the wrong length",
            bias(5),
            "node 'conv' (Conv): the bias (input 2) has shape [5]; it needs one value per output"
                + " channel, [4]"),
        row(
            "a ConvTranspose bias of the wrong length",
            firstNode("ConvTranspose", new long[] {3, 2, 3, 3}).andThen(bias(3)),
            "node 'conv' (ConvTranspose): the bias (input 2) has shape [3]; it needs one value"
                + " per output channel, [2]"),
        // a folded norm took a scale of any length, an Unsqueeze naming an axis twice was an
        // internal error (exit 3), and the others imported with a made-up shape
        row(
            "a batch norm whose scale is not one value per channel",
            batchNorm(5),
            "node 'bn' (BatchNormalization): the scale (input 1) has shape [5]; it needs one value"
                + " per channel, [4]"),
        row(
            "a Transpose whose perm names an axis twice",
            after(
                node("t", "Transpose", "z", "y").toBuilder()
                    .addAttribute(ints("perm", 0, 1, 1, 3))
                    .build()),
            "node 't' (Transpose): perm [0, 1, 1, 3] names axis 1 twice; it is a permutation"),
        row(
            "an Unsqueeze whose axes name an axis twice",
            after(node("u", "Unsqueeze", "z", "y", "axes"), int64("axes", 1, 1)),
            "node 'u' (Unsqueeze): axes [1, 1] name axis 1 twice"),
        row(
            "a Gather of an index past its axis",
            after(node("g", "Gather", "z", "y", "at"), int64("at", 9)),
            "node 'g' (Gather): index 9 is out of range for an axis of size 1"),
        row(
            "a SpaceToDepth whose block does not divide the height",
            after(
                node("s2d", "SpaceToDepth", "z", "y").toBuilder()
                    .addAttribute(integer("blocksize", 4))
                    .build()),
            "node 's2d' (SpaceToDepth): needs [N, C, H, W] with H and W divisible by blocksize 4,"
                + " found [1, 4, 6, 6]"),
        // the input and the opsets were refused, but the message named another fault
        row(
            "an input axis of size 0",
            m -> m.getGraphBuilder().setInput(0, shaped(1, 3, 0, 8)),
            "input 'x' axis 2 has size 0 (dim_value); a size is a whole number from 1 to"),
        row(
            "an input axis of a negative size",
            m -> m.getGraphBuilder().setInput(0, shaped(1, 3, -4, 8)),
            "input 'x' axis 2 has size -4 (dim_value)"),
        row(
            "the input shadowed by an initializer of its name",
            m -> m.getGraphBuilder().addInitializer(weight("x", 1, 3, 8, 8)),
            "graph input 'x' is also an initializer, which gives it a value: the graph has no"
                + " input left to describe"),
        row(
            "the default domain imported twice",
            m -> m.addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setVersion(9)),
            "the model imports the default ONNX domain 2 times, at opsets [17, 9]"),
        row(
            "two initializers of one name",
            m -> m.getGraphBuilder().addInitializer(weight("w", 4, 3, 5, 5)),
            "initializer 'w' is given twice"),
        row(
            "two equal initializers of one name",
            m -> m.getGraphBuilder().addInitializer(weight("w", 4, 3, 3, 3)),
            "initializer 'w' is given twice"),
        row(
            "an initializer listed as an input of another shape",
            m -> m.getGraphBuilder().addInput(declared("w", 4, 3, 5, 5)),
            "graph input 'w' declares the shape [4, 3, 5, 5], but the initializer of that name"
                + " has dims [4, 3, 3, 3]"),
        row(
            "an initializer listed as an input of another rank",
            m -> m.getGraphBuilder().addInput(declared("w", 4, 27)),
            "graph input 'w' declares the shape [4, 27]"),
        row(
            "an input declared twice",
            m -> m.getGraphBuilder().addInput(m.getGraphBuilder().getInput(0)),
            "graph input 'x' is declared twice"),
        row(
            "no outputs",
            m -> m.getGraphBuilder().clearOutput(),
            "the graph declares no outputs: there is nothing to run"),
        row(
            "an output nothing writes",
            m -> m.getGraphBuilder().setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z")),
            "graph output 'z' is not written by any node, initializer or graph input"),
        row(
            "an output declared twice",
            m -> m.getGraphBuilder().addOutput(Onnx.ValueInfoProto.newBuilder().setName("y")),
            "graph output 'y' is declared twice"),
        row(
            "a tensor two nodes write",
            m -> m.getGraphBuilder().addNode(node("again", "Relu", "h", "y")),
            "tensor 'h' is written twice, by node 'again' (Relu) and node 'conv' (Conv)"),
        row(
            "a node writing an initializer",
            m -> m.getGraphBuilder().addNode(node("over", "Relu", "w", "y")),
            "tensor 'w' is written twice, by node 'over' (Relu) and as an input or initializer"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("contradictions")
  void refusesAContradictionNamingBothSides(
      String what, Consumer<Onnx.ModelProto.Builder> change, String expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  static Stream<Arguments> legalNeighbours() {
    return Stream.of(
        Arguments.of(
            "a kernel_shape that agrees with the weights",
            convAttributes(ints("kernel_shape", 3, 3))),
        Arguments.of(
            "an initializer listed as an input with its own shape (IR 3)",
            (Consumer<Onnx.ModelProto.Builder>)
                m -> m.setIrVersion(3).getGraphBuilder().addInput(declared("w", 4, 3, 3, 3))),
        Arguments.of(
            "an initializer listed as an input with no shape",
            (Consumer<Onnx.ModelProto.Builder>)
                m -> m.getGraphBuilder().addInput(Onnx.ValueInfoProto.newBuilder().setName("w"))),
        Arguments.of("a bias of one value per output channel", bias(4)),
        Arguments.of(
            "a depthwise Conv with its bias",
            firstNode("Conv", new long[] {3, 1, 3, 3}, group(3)).andThen(bias(3))),
        Arguments.of(
            "a grouped ConvTranspose with its bias and kernel_shape",
            firstNode("ConvTranspose", new long[] {3, 2, 3, 3}, ints("kernel_shape", 3, 3))
                .andThen(bias(2))),
        Arguments.of(
            "a ConvInteger, whose input 2 is a zero point and not a bias",
            firstNode("ConvInteger", new long[] {4, 3, 3, 3})
                .andThen(
                    m -> {
                      m.getGraphBuilder().addInitializer(weight("zero"));
                      m.getGraphBuilder().getNodeBuilder(0).addInput("zero");
                    })),
        Arguments.of(
            "an output that is the graph's input",
            (Consumer<Onnx.ModelProto.Builder>)
                m -> m.getGraphBuilder().addOutput(Onnx.ValueInfoProto.newBuilder().setName("x"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("legalNeighbours")
  void importsTheLegalNeighbourOfEachContradiction(
      String what, Consumer<Onnx.ModelProto.Builder> change) throws IOException {
    imported(dir, OnnxFixtures.changed(dir, what, change), "ok");
  }
}
