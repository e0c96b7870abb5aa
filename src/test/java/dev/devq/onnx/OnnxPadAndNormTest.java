package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.after;
import static dev.devq.onnx.OnnxFixtures.int64;
import static dev.devq.onnx.OnnxFixtures.integer;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.opset;
import static dev.devq.onnx.OnnxFixtures.text;
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
 * A Pad whose mode puts a limit on its pads, and a LayerNormalization whose Scale or B does not fit
 * its input, each after the small model's Relu (y, [1, 4, 6, 6]). onnxruntime refuses them (a
 * reflection wider than its axis read past the axis); devq described them as if they fit. Each is
 * refused naming the node, the axis or input and the limit; the neighbours the spec allows import
 * with the shape it gives.
 */
class OnnxPadAndNormTest {
  @TempDir Path dir;

  /** A Pad of y by {@code pads} (input 1) in {@code mode}, more inputs after them. */
  private static Consumer<Onnx.ModelProto.Builder> pad(
      String mode, List<Onnx.TensorProto> more, long[] pads, String... extraInputs) {
    String[] in = new String[2 + extraInputs.length];
    in[0] = "y";
    in[1] = "p";
    System.arraycopy(extraInputs, 0, in, 2, extraInputs.length);
    Onnx.NodeProto n =
        node("pad", "Pad", "z", in).toBuilder().addAttribute(text("mode", mode)).build();
    List<Onnx.TensorProto> constants =
        Stream.concat(Stream.of(int64("p", pads)), more.stream()).toList();
    return after(constants, n);
  }

  /** A LayerNormalization of y over axes from {@code axis} with these Scale and B shapes. */
  private static Consumer<Onnx.ModelProto.Builder> norm(long axis, long[] scale, long[] bias) {
    List<Onnx.TensorProto> constants =
        bias == null
            ? List.of(weight("s", scale).build())
            : List.of(weight("s", scale).build(), weight("b", bias).build());
    String[] in = bias == null ? new String[] {"y", "s"} : new String[] {"y", "s", "b"};
    Onnx.NodeProto n =
        node("ln", "LayerNormalization", "z", in).toBuilder()
            .addAttribute(integer("axis", axis))
            .build();
    return after(constants, n);
  }

  private static long[] dims(long... d) {
    return d;
  }

  static Stream<Arguments> refusals() {
    return Stream.of(
        Arguments.of(
            "a reflect pad of 6 on an axis of 6",
            pad("reflect", List.of(), dims(0, 0, 0, 6, 0, 0, 0, 0)),
            new String[] {
              "node 'pad' (Pad): mode reflect pads axis 3 by 6 at its start, but axis 3 has 6"
                  + " elements, so a reflection adds at most 5 (the axis length − 1);"
                  + " onnxruntime refuses the node",
              "pad axis 3 by at most 5 on each side, or use mode edge"
            }),
        Arguments.of(
            "a reflect pad wider than the axis at its end",
            pad("reflect", List.of(), dims(0, 0, 1, 1, 0, 0, 2, 9)),
            new String[] {"mode reflect pads axis 3 by 9 at its end", "adds at most 5"}),
        Arguments.of(
            "a reflect pad past what a negative pad leaves",
            pad("reflect", List.of(), dims(0, 0, -2, 0, 0, 0, 4, 0)),
            new String[] {
              "mode reflect pads axis 2 by 4 at its end, but axis 2 has 6 elements (4 once its"
                  + " negative pads crop it), so a reflection adds at most 3"
            }),
        Arguments.of(
            "a reflect pad of the batch axis of 1",
            pad("reflect", List.of(), dims(1, 0, 0, 0, 0, 0, 0, 0)),
            new String[] {
              "mode reflect pads axis 0 by 1 at its start, but axis 0 has 1 elements",
              "a reflection needs at least 2 elements on the axis; use mode edge or constant"
            }),
        Arguments.of(
            "a reflect pad on the axes listed at opset 18",
            opset(18).andThen(pad("reflect", List.of(int64("ax", 1)), dims(4, 0), "", "ax")),
            new String[] {"mode reflect pads axis 1 by 4 at its start", "adds at most 3"}),
        Arguments.of(
            "a constant pad of two fill values",
            pad("constant", List.of(weight("v", 2).build()), dims(0, 0, 1, 1, 0, 0, 1, 1), "v"),
            new String[] {
              "node 'pad' (Pad): constant_value (input 2) [2] holds 2 values; it is one value",
              "give a scalar"
            }),
        Arguments.of(
            "a LayerNormalization whose Scale is not the last axis",
            norm(-1, dims(5), null),
            new String[] {
              "node 'ln' (LayerNormalization): Scale (input 1) [5] does not broadcast to the"
                  + " input [1, 4, 6, 6]",
              "a layer norm over axes from 3 normally has a Scale of the normalized shape [6]"
            }),
        Arguments.of(
            "a LayerNormalization whose B does not fit",
            norm(2, dims(6, 6), dims(4, 6)),
            new String[] {
              "B (input 2) [4, 6] does not broadcast to the input [1, 4, 6, 6]",
              "normalized shape [6, 6]"
            }),
        Arguments.of(
            "a LayerNormalization whose Scale has more axes than the input",
            norm(-1, dims(1, 1, 1, 1, 6), null),
            new String[] {"Scale (input 1) [1, 1, 1, 1, 6] does not broadcast"}),
        Arguments.of(
            "a LayerNormalization over an axis past the rank",
            norm(4, dims(6), null),
            new String[] {"node 'ln' (LayerNormalization): axis 4 is out of range for rank 4"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesNamingTheNodeAndTheLimit(
      String what, Consumer<Onnx.ModelProto.Builder> change, String[] expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  /** Read by {@link OnnxSchemaTest}'s test of the legal neighbours, with its own. */
  static Stream<Arguments> legalNeighbours() {
    return Stream.of(
        Arguments.of(
            "a reflect pad of 5 on an axis of 6",
            pad("reflect", List.of(), dims(0, 0, 5, 5, 0, 0, 5, 0)),
            "4 16 11"),
        Arguments.of(
            "an edge pad wider than its axis",
            pad("edge", List.of(), dims(0, 0, 9, 0, 0, 0, 9, 0)),
            "4 24 6"),
        Arguments.of(
            "a constant pad of one fill value",
            pad("constant", List.of(weight("v").build()), dims(0, 0, 9, 0, 0, 0, 9, 0), "v"),
            "4 24 6"),
        Arguments.of("a LayerNormalization over the last axis", norm(-1, dims(6), dims(6)), ""),
        Arguments.of(
            "a LayerNormalization whose Scale broadcasts over the input",
            norm(1, dims(4, 1, 1), dims(1)),
            ""));
  }
}
