package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.after;
import static dev.devq.onnx.OnnxFixtures.floats;
import static dev.devq.onnx.OnnxFixtures.int64;
import static dev.devq.onnx.OnnxFixtures.integer;
import static dev.devq.onnx.OnnxFixtures.ints;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.opset;
import static dev.devq.onnx.OnnxFixtures.text;
import static dev.devq.onnx.OnnxFixtures.weight;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * Nodes that break their op's ONNX schema, which ONNX's checker and onnxruntime refuse and devq
 * used to describe by reading what it found: an axis named twice (the last entry won), a Cast to no
 * type, an input too many or left empty, an attribute of another opset (a Squeeze's {@code axes} at
 * opset 17), a Split into unequal parts before opset 18, a mode no runtime knows. Each is refused
 * naming the node; the legal neighbours import with the shape the spec gives, among them the sizes
 * devq used to get wrong (a ConvTranspose with {@code auto_pad} SAME, a Resize keeping its aspect
 * ratio).
 */
class OnnxSchemaTest {
  @TempDir Path dir;

  private static Onnx.NodeProto with(Onnx.NodeProto n, Onnx.AttributeProto... attributes) {
    return n.toBuilder().addAllAttribute(List.of(attributes)).build();
  }

  private static Onnx.NodeProto cast(String in, long to) {
    return with(node("c", "Cast", "z", in), integer("to", to));
  }

  /** The Relu replaced by a Split of h into {@code outputs}, the first one the graph's output. */
  private static Consumer<Onnx.ModelProto.Builder> split(
      List<Onnx.TensorProto> constants, Onnx.NodeProto split) {
    return m ->
        m.getGraphBuilder()
            .addAllInitializer(constants)
            .setNode(1, split)
            .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z"));
  }

  private static Onnx.NodeProto splitInto(String... in) {
    return node("s", "Split", "z", in).toBuilder().addOutput("z1").addOutput("z2").build();
  }

  private static Arguments row(
      String what, Consumer<Onnx.ModelProto.Builder> c, String... expected) {
    return Arguments.of(what, c, expected);
  }

  /** An Upsample of y [1, 4, 6, 6] by {@code scales}, input 1 (as Upsample-9 took them). */
  private static Consumer<Onnx.ModelProto.Builder> upsample(float... scales) {
    return after(List.of(floats("sc", scales)), node("up", "Upsample", "z", "y", "sc"));
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        row(
            "a Slice naming an axis twice",
            after(
                List.of(int64("st", 0, 1), int64("en", 2, 3), int64("ax", 2, 2)),
                node("cut", "Slice", "z", "y", "st", "en", "ax")),
            "node 'cut' (Slice): axes (input 3) [2, 2] name axis 2 twice, at entries 0 and 1;"
                + " ONNX requires each axis once"),
        row(
            "a Slice naming an axis twice from both ends",
            after(
                List.of(int64("st", 0, 1), int64("en", 2, 3), int64("ax", 3, -1)),
                node("cut", "Slice", "z", "y", "st", "en", "ax")),
            "node 'cut' (Slice): axes (input 3) [3, -1] name axis 3 twice"),
        row(
            "a Pad naming an axis twice",
            opset(18)
                .andThen(
                    after(
                        List.of(int64("p", 1, 0, 1, 0), int64("ax", 2, 2)),
                        node("pad", "Pad", "z", "y", "p", "", "ax"))),
            "node 'pad' (Pad): axes (input 3) [2, 2] name axis 2 twice, at entries 0 and 1"),
        row(
            "a Resize naming an axis twice",
            opset(18)
                .andThen(
                    after(
                        List.of(int64("to", 12, 9)),
                        with(node("rs", "Resize", "z", "y", "", "", "to"), ints("axes", 3, -1)))),
            "node 'rs' (Resize): axes (attribute) [3, -1] name axis 3 twice"),
        row(
            "a Cast to UNDEFINED",
            after(List.of(), cast("y", 0)),
            "node 'c' (Cast): attribute 'to' is 0, UNDEFINED (TensorProto.DataType 0), which"
                + " names no type"),
        row(
            "a Cast of a constant to type 99",
            after(
                List.of(int64("s", 1, 144)),
                cast("s", 99).toBuilder().setOutput(0, "s2").build(),
                node("flat", "Reshape", "z", "y", "s2")),
            "node 'c' (Cast): attribute 'to' is 99, which is no TensorProto.DataType"),
        row(
            "a Cast with no type",
            after(List.of(), node("c", "Cast", "z", "y")),
            "node 'c' (Cast): has no attribute 'to', the type it converts to"),
        row(
            "a Cast to a string",
            after(List.of(), cast("y", CastTypes.STRING)),
            "node 'c' (Cast): attribute 'to' is 8, STRING; devq describes no string tensors"),
        row(
            "a Cast to float8 before opset 19",
            after(List.of(), cast("y", 17)),
            "node 'c' (Cast): attribute 'to' is 17, a float8 type, which Cast converts to from"
                + " opset 19"),
        row(
            "an Add of three inputs",
            after(List.of(), node("add", "Add", "z", "y", "y", "y")),
            "node 'add' (Add): 3 inputs, where Add at opset 17 takes 2"),
        row(
            "an Add with an input left empty",
            after(List.of(), node("add", "Add", "z", "y", "")),
            "node 'add' (Add): input 1 is left empty (''), which stands for an omitted optional"
                + " input, but Add requires it"),
        row(
            "a Sum with an input left empty",
            after(List.of(), node("sum", "Sum", "z", "y", "", "y")),
            "node 'sum' (Sum): input 1 is left empty"),
        // the Add read the second output as an omitted input, and was described with one
        row(
            "an Add of a Relu's second output",
            after(
                List.of(),
                node("r", "Relu", "r1", "y").toBuilder().addOutput("r2").build(),
                node("add", "Add", "z", "r1", "r2")),
            "node 'add' (Add): input 1 ('r2') is an output whose shape devq does not infer"),
        row(
            "a Relu of two inputs",
            after(List.of(), node("r", "Relu", "z", "y", "y")),
            "node 'r' (Relu): 2 inputs, where Relu at opset 17 takes 1"),
        row(
            "a Pad with axes before opset 18",
            after(
                List.of(int64("p", 1, 0, 1, 0), int64("ax", 2, 3)),
                node("pad", "Pad", "z", "y", "p", "", "ax")),
            "node 'pad' (Pad): 4 inputs, where Pad at opset 17 takes 2 to 3"),
        row(
            "a Squeeze with an axes attribute at opset 17",
            after(List.of(), with(node("sq", "Squeeze", "z", "y"), ints("axes", 0))),
            "node 'sq' (Squeeze): attribute 'axes' is not part of Squeeze at opset 17: from opset"
                + " 13 the axes are input 1"),
        row(
            "a ReduceMean with axes as an input at opset 17",
            after(List.of(int64("ax", 2)), node("mean", "ReduceMean", "z", "y", "ax")),
            "node 'mean' (ReduceMean): 2 inputs, where ReduceMean at opset 17 takes 1"),
        row(
            "a ReduceMean with noop_with_empty_axes at opset 17",
            after(
                List.of(),
                with(node("mean", "ReduceMean", "z", "y"), integer("noop_with_empty_axes", 1))),
            "node 'mean' (ReduceMean): attribute 'noop_with_empty_axes' is not part of"
                + " ReduceMean at opset 17: it was added in opset 18"),
        row(
            "a Clip with attribute bounds",
            after(
                List.of(),
                node("clip", "Clip", "z", "y").toBuilder()
                    .addAttribute(
                        Onnx.AttributeProto.newBuilder()
                            .setName("max")
                            .setType(Onnx.AttributeProto.AttributeType.FLOAT)
                            .setF(6))
                    .build()),
            "node 'clip' (Clip): attribute 'max' is not part of Clip at opset 17"),
        row(
            "a Split into unequal parts at opset 17",
            split(List.of(), with(splitInto("h"), integer("axis", 1))),
            "node 's' (Split): axis 1's 4 does not split into 3 equal parts; before opset 18 a"
                + " Split without sizes needs equal ones"),
        row(
            "a Split with the split attribute at opset 17",
            split(List.of(), with(splitInto("h"), ints("split", 2, 2, 2))),
            "node 's' (Split): attribute 'split' is not part of Split at opset 17: from opset 13"
                + " the sizes are input 1"),
        row(
            "a Split of neither sizes nor num_outputs at opset 18",
            opset(18).andThen(split(List.of(), splitInto("h"))),
            "node 's' (Split): gives neither the sizes (input 1) nor num_outputs; from opset 18 a"
                + " Split needs one"),
        row(
            "a Split whose num_outputs is not its outputs",
            opset(18)
                .andThen(
                    split(
                        List.of(),
                        with(splitInto("h"), integer("axis", 2), integer("num_outputs", 2)))),
            "node 's' (Split): num_outputs is 2, but the node writes 3 outputs"),
        row(
            "a Concat axis given as a list",
            after(List.of(), with(node("cat", "Concat", "z", "y", "y"), ints("axis", 1))),
            "node 'cat' (Concat): attribute 'axis' is of type INTS; ONNX gives it type INT"),
        // the shape was its input's, whatever the axis
        row(
            "a LogSoftmax over an axis past the rank",
            after(List.of(), with(node("ls", "LogSoftmax", "z", "y"), integer("axis", 4))),
            "node 'ls' (LogSoftmax): axis 4 is out of range for rank 4"),
        row(
            "a Gemm transB of 2",
            after(
                List.of(int64("s", 1, 144), weight("g", 10, 144).build()),
                node("flat", "Reshape", "f", "y", "s"),
                with(node("fc", "Gemm", "z", "f", "g"), integer("transB", 2))),
            "node 'fc' (Gemm): attribute 'transB' is 2; it is a flag, 0 or 1"),
        row(
            "a Gemm whose bias does not fit its output",
            after(
                List.of(
                    int64("s", 1, 144), weight("g", 10, 144).build(), weight("c", 2, 10).build()),
                node("flat", "Reshape", "f", "y", "s"),
                with(node("fc", "Gemm", "z", "f", "g", "c"), integer("transB", 1))),
            "node 'fc' (Gemm): the bias C (input 2) [2, 10] does not broadcast to the output"
                + " [1, 10]"),
        row(
            "a Conv auto_pad in lower case",
            m -> m.getGraphBuilder().getNodeBuilder(0).addAttribute(text("auto_pad", "same")),
            "node 'conv' (Conv): attribute auto_pad is 'same'; Conv at opset 17 takes one of"
                + " [NOTSET, SAME_UPPER, SAME_LOWER, VALID]"),
        row(
            "a Conv with pads and auto_pad VALID",
            m ->
                m.getGraphBuilder()
                    .getNodeBuilder(0)
                    .addAttribute(text("auto_pad", "VALID"))
                    .addAttribute(ints("pads", 1, 1, 1, 1)),
            "node 'conv' (Conv): has both pads and auto_pad VALID; ONNX allows explicit pads only"
                + " with auto_pad NOTSET"),
        row(
            "a Resize of both scales and sizes",
            after(
                List.of(floats("sc", 1, 1, 2, 2), int64("to", 1, 4, 12, 12)),
                node("rs", "Resize", "z", "y", "", "sc", "to")),
            "node 'rs' (Resize): gives both scales (input 2) and sizes (input 3); a Resize takes"
                + " exactly one of them"),
        row(
            "a Resize of an unknown mode",
            after(
                List.of(floats("sc", 1, 1, 2, 2)),
                with(node("rs", "Resize", "z", "y", "", "sc"), text("mode", "bicubic"))),
            "node 'rs' (Resize): attribute mode is 'bicubic'; Resize at opset 17 takes one of"
                + " [nearest, linear, cubic]"),
        // ONNX deprecated Upsample at opset 10: its checker and onnxruntime refuse it there
        row(
            "an Upsample at opset 11",
            opset(11).andThen(upsample(1, 1, 2, 2)),
            "node 'up' (Upsample): Upsample does not exist at opset 11: ONNX deprecated it at"
                + " opset 10, and ONNX's checker and onnxruntime refuse it",
            "use a Resize of the same scales (input 2) and mode"),
        row(
            "an Upsample at opset 17",
            upsample(1, 1, 2, 2),
            "node 'up' (Upsample): Upsample does not exist at opset 17"),
        row(
            "a CumSum over an axis past the rank",
            after(List.of(int64("ax", 4)), node("cs", "CumSum", "z", "y", "ax")),
            "node 'cs' (CumSum): axis 4 is out of range for rank 4"),
        row(
            "a CumSum over a list of axes",
            after(List.of(int64("ax", 1, 2)), node("cs", "CumSum", "z", "y", "ax")),
            "node 'cs' (CumSum): axis (input 1) [1, 2] is not one value; CumSum takes a 0-D axis"),
        row(
            "a Pad of an unknown mode",
            after(
                List.of(int64("p", 0, 0, 1, 1, 0, 0, 1, 1)),
                with(node("pad", "Pad", "z", "y", "p"), text("mode", "symmetric"))),
            "node 'pad' (Pad): attribute mode is 'symmetric'; Pad at opset 17 takes one of"
                + " [constant, reflect, edge]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesANodeThatBreaksItsSchemaNamingIt(
      String what, Consumer<Onnx.ModelProto.Builder> change, String[] expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  /** The ConvTranspose of {@code h} [1, 4, 6, 6] by weights [4, 2, 3, 3] with stride 2. */
  private static Consumer<Onnx.ModelProto.Builder> upsampled(Onnx.AttributeProto... attributes) {
    return m ->
        m.getGraphBuilder()
            .addInitializer(weight("wt", 4, 2, 3, 3))
            .setNode(
                1,
                with(node("up", "ConvTranspose", "z", "h", "wt"), ints("strides", 2, 2)).toBuilder()
                    .addAllAttribute(List.of(attributes))
                    .build())
            .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z"));
  }

  /** A Resize of y [1, 4, 6, 6] on axes 2 and 3 to sizes [9, 12] with {@code policy}, opset 18. */
  private static Consumer<Onnx.ModelProto.Builder> keeping(String policy) {
    return opset(18)
        .andThen(
            after(
                List.of(int64("to", 9, 12)),
                with(
                    node("rs", "Resize", "z", "y", "", "", "to"),
                    ints("axes", 2, 3),
                    text("keep_aspect_ratio_policy", policy))));
  }

  static Stream<Arguments> legalNeighbours() {
    return Stream.of(
        Arguments.of(
            "a ConvTranspose with auto_pad SAME_UPPER is the input times the stride",
            upsampled(OnnxFixtures.text("auto_pad", "SAME_UPPER")),
            "2 12 12"),
        Arguments.of(
            "a ConvTranspose with explicit pads", upsampled(ints("pads", 1, 1, 1, 1)), "2 11 11"),
        Arguments.of(
            "a Resize not_smaller scales by the larger ratio",
            keeping("not_smaller"),
            "upsample: {scale: 2, mode: nearest}"),
        Arguments.of(
            "a Resize not_larger scales by the smaller ratio", keeping("not_larger"), "4 9 9"),
        Arguments.of("a Resize stretch takes the sizes", keeping("stretch"), "4 9 12"),
        Arguments.of(
            "a Resize of scales on the axes listed",
            opset(18)
                .andThen(
                    after(
                        List.of(floats("sc", 2, 2)),
                        with(node("rs", "Resize", "z", "y", "", "sc"), ints("axes", 2, 3)))),
            "upsample: {scale: 2, mode: nearest}"),
        Arguments.of(
            "a Split into num_outputs parts at opset 18",
            opset(18)
                .andThen(
                    split(
                        List.of(),
                        with(splitInto("h"), integer("axis", 2), integer("num_outputs", 3)))),
            "4 2 6"),
        Arguments.of(
            "a Split into equal parts at opset 17",
            split(List.of(), with(splitInto("h"), integer("axis", 2))),
            "4 2 6"),
        Arguments.of(
            "a Squeeze with an axes attribute at opset 12",
            opset(12)
                .andThen(after(List.of(), with(node("sq", "Squeeze", "z", "y"), ints("axes", 0)))),
            "4 6 6"),
        // ONNX reads a reduction's axes as a set: an axis named twice is reduced once
        Arguments.of(
            "a ReduceMean naming an axis twice",
            after(List.of(), with(node("mean", "ReduceMean", "z", "y"), ints("axes", 2, -2))),
            "4 1 6"),
        Arguments.of("a Cast to float", after(List.of(), cast("y", TensorData.FLOAT)), ""),
        Arguments.of(
            "a CumSum over the last axis counted from the end",
            after(List.of(int64("ax", -1)), node("cs", "CumSum", "z", "y", "ax")),
            ""),
        Arguments.of(
            "a Cast to int4 at opset 21",
            opset(21).andThen(after(List.of(), cast("y", CastTypes.INT4))),
            ""));
  }

  /**
   * Each imports; where {@code shape} is given, a layer of the description has that shape (without
   * the batch).
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource({"legalNeighbours", "dev.devq.onnx.OnnxPadAndNormTest#legalNeighbours"})
  void importsTheLegalNeighbourWithTheShapeOfTheSpec(
      String what, Consumer<Onnx.ModelProto.Builder> change, String shape) throws IOException {
    String yaml = OnnxFixtures.importedChanged(dir, what, change);
    if (!shape.isEmpty()) {
      // a resize by a whole factor is written as the upsample of that factor, not as a shape
      String layer = shape.startsWith("upsample") ? shape : "shape: '\"" + shape + "\"'";
      assertTrue(yaml.contains(layer), yaml);
    }
  }

  /** Core ML has no bicubic resize: a cubic Resize is an unknown op, not a bilinear one. */
  @org.junit.jupiter.api.Test
  void aCubicResizeIsAnUnknownOp() throws IOException {
    Path f =
        OnnxFixtures.changed(
            dir,
            "cubic",
            after(
                List.of(floats("sc", 1, 1, 2, 2)),
                with(node("rs", "Resize", "z", "y", "", "sc"), text("mode", "cubic"))));
    String out = OnnxFixtures.imported(dir, f, "ok");
    assertTrue(out.contains("rs  (Resize)"), out);
    assertTrue(OnnxFixtures.written(dir.resolve("ok")).contains("custom_layer"));
  }

  /**
   * Before opset 13 a Softmax without an axis runs over axes 1 and after, flattened: on [1, 4, 6,
   * 6] that is not a softmax over the last axis, which the description used to write.
   */
  @ParameterizedTest(name = "opset {0}")
  @org.junit.jupiter.params.provider.CsvSource({"12, false", "13, true"})
  void aSoftmaxWithoutAnAxisIsOverTheLastOneFromOpset13(long version, boolean last)
      throws IOException {
    Path f =
        OnnxFixtures.changed(
            dir,
            "softmax " + version,
            opset(version).andThen(after(List.of(), node("sm", "Softmax", "z", "y"))));
    OnnxFixtures.imported(dir, f, "ok");
    String yaml = OnnxFixtures.written(dir.resolve("ok"));
    if (last) {
      assertTrue(yaml.contains("softmax: {axis: last}"), yaml);
    } else {
      assertFalse(yaml.contains("softmax: {axis: last}"), yaml);
    }
  }
}
