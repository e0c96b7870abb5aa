package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.model;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.shaped;
import static dev.devq.onnx.OnnxFixtures.weight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Outputs whose shape devq must compute or be told. An Einsum's shape and multiply-adds come from
 * its equation (ONNX's own shape inference gives only its rank); an op devq has no shape inference
 * for takes the shape the file declares, and without one is refused: the first input's shape was
 * taken, a guess every count after the node inherited.
 */
class OnnxUninferredShapeTest {
  @TempDir Path dir;

  private static Onnx.AttributeProto equation(String text) {
    return Onnx.AttributeProto.newBuilder()
        .setName("equation")
        .setType(Onnx.AttributeProto.AttributeType.STRING)
        .setS(ByteString.copyFrom(text, StandardCharsets.UTF_8))
        .build();
  }

  /** One Einsum of the input x ({@code input}) and a weight w ({@code w}), writing z. */
  private static Consumer<Onnx.ModelProto.Builder> einsum(String eq, long[] input, long... w) {
    return m ->
        m.getGraphBuilder()
            .clearNode()
            .setInput(0, shaped(input))
            .setInitializer(0, weight("w", w))
            .addNode(node("ein", "Einsum", "z", "x", "w").toBuilder().addAttribute(equation(eq)))
            .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z"));
  }

  private static long[] dims(String text) {
    return Stream.of(text.trim().split(" +")).mapToLong(Long::parseLong).toArray();
  }

  /** The layer written, shape without the batch axis; NumPy's einsum gives the same shapes. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          bhqd,bhkd->bhqk    | 1 4 16 8 | 1 4 32 8 | shape: '"4 16 32"', macs: 16384
          bchw,bcwk          | 1 3 8 8  | 1 3 8 5  | shape: '"8 5"', macs: 960
          ...ij,jk->...ik    | 1 3 8 8  | 8 5      | shape: '"3 8 5"', macs: 960
          ...Bi,iA           | 1 3 8 8  | 8 5      | shape: '"3 5 8"', macs: 960
          n c h w, c k -> n k h w | 1 3 8 8 | 3 6 | shape: '"6 8 8"', macs: 1152
          """)
  void computesAnEinsumsShapeAndWorkFromItsEquation(
      String eq, String input, String w, String expected) throws IOException {
    Path f = OnnxFixtures.changed(dir, "einsum", einsum(eq, dims(input), dims(w)));
    OnnxFixtures.imported(dir, f, "out");
    String yaml = Files.readString(dir.resolve("out/models/einsum_onnx.yaml"));
    assertTrue(yaml.contains("- explicit: {op: '\"einsum\"', " + expected + ","), yaml);
  }

  static Stream<Arguments> badEquations() {
    long[] x = {1, 3, 8, 8};
    return Stream.of(
        Arguments.of(
            einsum("bchw,bcw->bchk", x, 1, 3, 8, 5),
            "node 'ein' (Einsum): equation 'bchw,bcw->bchk': term 'bcw' does not fit input 1 of"
                + " shape [1, 3, 8, 5]"),
        Arguments.of(
            einsum("bchw,bcwk->bchk", x, 1, 3, 5, 5),
            "equation 'bchw,bcwk->bchk': label 'w' is 8 long in one place and 5 in input 1"
                + " [1, 3, 5, 5]"),
        Arguments.of(
            einsum("bchw,bcwk->bchq", x, 1, 3, 8, 5),
            "equation 'bchw,bcwk->bchq': output label 'q' names no axis of the inputs"),
        Arguments.of(einsum("bchw,bcwk->bbhk", x, 1, 3, 8, 5), "output label 'b' is given twice"),
        Arguments.of(
            einsum("bch1,bc1k->bchk", x, 1, 3, 8, 5),
            "equation 'bch1,bc1k->bchk': '1' in 'bch1' is not a label"),
        Arguments.of(
            einsum("bchw->bchw", x, 1, 3, 8, 5),
            "node 'ein' (Einsum): equation 'bchw->bchw' has 1 operands for 2 inputs"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("badEquations")
  void refusesAnEquationThatDoesNotFitItsInputs(
      Consumer<Onnx.ModelProto.Builder> change, String expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, "bad einsum", change, expected);
  }

  /** The small model's Relu output y read by NonZero, which devq has no shape inference for. */
  private static Consumer<Onnx.ModelProto.Builder> nonZero(Onnx.ValueInfoProto declared) {
    return m -> {
      var g = m.getGraphBuilder().addNode(node("nz", "NonZero", "z", "y"));
      g.setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z"));
      if (declared != null) {
        g.addValueInfo(declared);
      }
    };
  }

  @Test
  void refusesAnOpWithoutShapeInferenceWhoseOutputShapeIsNotDeclared() throws IOException {
    OnnxFixtures.refusedChanged(
        dir,
        "undeclared",
        nonZero(null),
        "node 'nz' (NonZero): devq has no shape inference for NonZero, and the file declares no"
            + " shape with every size known for its output 'z' (value_info)",
        "run ONNX shape inference and import its result",
        "onnx.shape_inference.infer_shapes");
  }

  /** A declared size may name the input's dynamic dimension, as --dim binds it. */
  @Test
  void takesTheDeclaredShapeOfAnOpWithoutShapeInference() throws IOException {
    var declared = OnnxFixtures.declared("z", 4, 17).toBuilder();
    declared
        .getTypeBuilder()
        .getTensorTypeBuilder()
        .getShapeBuilder()
        .setDim(1, Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("hits"));
    var m = model();
    nonZero(declared.build()).accept(m);
    m.getGraphBuilder()
        .setInput(
            0,
            OnnxFixtures.input(
                Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("hits").build()));
    Path f = OnnxFixtures.save(dir, "declared.onnx", m.build().toByteArray());
    var r =
        OnnxRealModelsTest.devq(
            "import", f.toString(), "--dim", "hits=1", "--out", dir.resolve("d").toString());
    assertEquals(0, r.code(), r.all());
    String yaml = Files.readString(dir.resolve("d/models/declared.yaml"));
    // [4, hits] with hits = 1, written without its axis of 1 as every shape is; unbound, refused
    assertTrue(yaml.contains("shape: '\"4\"'"), yaml);
  }
}
