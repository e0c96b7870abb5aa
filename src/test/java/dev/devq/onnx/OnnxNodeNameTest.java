package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.model;
import static dev.devq.onnx.OnnxFixtures.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Node names as layer names. ONNX asks node names to be unique in a graph, but exporters write
 * files that repeat them, and the importer finds nodes by their place in the graph: such a file is
 * imported, with a note, and its layers are told apart by {@code #2}, {@code #3}, … so {@code
 * explain} never shows two layers of one name.
 */
class OnnxNodeNameTest {
  @TempDir Path dir;

  private static List<String> layerNames(String yaml) {
    return yaml.lines()
        .filter(l -> l.startsWith("    name: "))
        .map(l -> l.substring("    name: ".length()))
        .toList();
  }

  /** Saves {@code m} as NAME.onnx and imports it into {@code dir/out}; asserts exit 0. */
  private OnnxRealModelsTest.Run imports(String name, Onnx.ModelProto.Builder m)
      throws IOException {
    Path f = OnnxFixtures.save(dir, name + ".onnx", m.build().toByteArray());
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq("import", f.toString(), "--out", out().toString());
    assertEquals(0, r.code(), r.all());
    return r;
  }

  private Path out() {
    return dir.resolve("out");
  }

  /** The small model's Conv and Relu, then two more Relus, all four nodes named alike. */
  @Test
  void importsRepeatedNodeNamesAndTellsTheLayersApart() throws IOException {
    var m = model();
    var g = m.getGraphBuilder().clearNode();
    g.addNode(node("block", "Conv", "h", "x", "w"));
    g.addNode(node("block", "Relu", "y", "h"));
    g.addNode(node("block", "Sigmoid", "s", "y"));
    g.addNode(node("block", "Tanh", "z", "s"));
    g.setOutput(0, g.getOutput(0).toBuilder().setName("z"));
    OnnxRealModelsTest.Run r = imports("repeated", m);
    assertTrue(
        r.err()
            .contains(
                "devq: node names given to more than one node: 'block' ×4 (ONNX asks node names"
                    + " to be unique in a graph); their layers are told apart as NAME, NAME#2,"
                    + " NAME#3, … in run order"),
        r.err());
    String yaml = Files.readString(out().resolve("models/repeated.yaml"));
    assertEquals(
        List.of("\"block\"", "\"block#2\"", "\"block#3\"", "\"block#4\""), layerNames(yaml), yaml);
    OnnxRealModelsTest.Run explain =
        OnnxRealModelsTest.devq(
            "--profiles", out().toString(), "explain", "latency(repeated, iphone_12)");
    assertEquals(0, explain.code(), explain.all());
    for (String name : List.of("block ", "block#2 ", "block#3 ", "block#4 ")) {
      assertEquals(
          1,
          explain.out().lines().filter(l -> l.startsWith(name)).count(),
          name + "in:\n" + explain.out());
    }
  }

  /** ONNX makes a node's name optional: unnamed nodes are named by op and output, no note. */
  @Test
  void namesUnnamedNodesByOpAndOutputWithoutANote() throws IOException {
    var m = model();
    var g = m.getGraphBuilder();
    g.setNode(0, g.getNode(0).toBuilder().setName(""));
    g.setNode(1, g.getNode(1).toBuilder().setName(""));
    OnnxRealModelsTest.Run r = imports("unnamed", m);
    assertFalse(r.err().contains("node names"), r.err());
    String yaml = Files.readString(out().resolve("models/unnamed.yaml"));
    assertEquals(List.of("\"Conv:h\"", "\"Relu:y\""), layerNames(yaml), yaml);
  }

  /** The small model's nodes replaced by {@code nodes}, the graph output still y. */
  private static Consumer<Onnx.ModelProto.Builder> nodes(Onnx.NodeProto... nodes) {
    return m -> m.getGraphBuilder().clearNode().addAllNode(List.of(nodes));
  }

  /**
   * Errors about nodes whose name and op type the graph repeats: "node 'block' (Add)" named two
   * nodes, and a user could not tell which one the cycle or the missing input was about. Such a
   * node is also named by its index in the file, as {@code model.graph.node[i]} finds it.
   */
  static Stream<Arguments> repeatedNamesInErrors() {
    Onnx.NodeProto conv = node("conv", "Conv", "h", "x", "w");
    return Stream.of(
        Arguments.of(
            "a cycle between two nodes of one name",
            nodes(
                conv,
                node("block", "Add", "a", "h", "b"),
                node("block", "Add", "b", "a", "h"),
                node("relu", "Relu", "y", "b")),
            "the graph has a cycle: node 'block' (Add, GraphProto.node[1]) → node 'block' (Add,"
                + " GraphProto.node[2]) → node 'block' (Add, GraphProto.node[1])"),
        Arguments.of(
            "a missing input of the second node of a name",
            nodes(conv, node("block", "Relu", "y", "h"), node("block", "Relu", "q", "nowhere")),
            "node 'block' (Relu, GraphProto.node[2]) reads 'nowhere', which no node, initializer"
                + " or graph input provides"),
        Arguments.of(
            "a tensor written by two nodes of one name",
            nodes(conv, node("block", "Relu", "y", "h"), node("block", "Relu", "y", "h")),
            "tensor 'y' is written twice, by node 'block' (Relu, GraphProto.node[2]) and node"
                + " 'block' (Relu, GraphProto.node[1])"),
        Arguments.of(
            "a bad node sharing its name",
            nodes(
                conv,
                node("block", "Relu", "r", "h"),
                node("block", "Transpose", "y", "r").toBuilder()
                    .addAttribute(OnnxFixtures.ints("perm", 0, 1, 2, 2))
                    .build()),
            "node 'block' (Transpose, GraphProto.node[2]): perm [0, 1, 2, 2] names axis 2 twice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repeatedNamesInErrors")
  void namesANodeWhoseNameRepeatsByItsIndex(
      String what, Consumer<Onnx.ModelProto.Builder> change, String expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  /** A unique name is enough: the index is left out, as in every other message. */
  @Test
  void leavesTheIndexOutWhereTheNameIsUnique() throws IOException {
    OnnxFixtures.refusedChanged(
        dir,
        "unique",
        nodes(node("conv", "Conv", "h", "x", "w"), node("only", "Relu", "q", "nowhere")),
        "node 'only' (Relu) reads 'nowhere'");
  }
}
