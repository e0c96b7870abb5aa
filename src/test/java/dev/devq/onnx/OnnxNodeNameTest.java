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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
