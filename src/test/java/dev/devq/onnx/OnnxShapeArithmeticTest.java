package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.after;
import static dev.devq.onnx.OnnxFixtures.imported;
import static dev.devq.onnx.OnnxFixtures.int64;
import static dev.devq.onnx.OnnxFixtures.integer;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.shaped;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
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
 * Sizes and counts past 2^63, which the file's attributes and constants can ask for: each is
 * refused naming the node and what overflows, computed with exact arithmetic, never wrapped into a
 * wrong size or reported as some other fault.
 */
class OnnxShapeArithmeticTest {
  @TempDir Path dir;

  /** The graph reduced to one node {@code op} reading x of {@code input}, with a block size. */
  private static Consumer<Onnx.ModelProto.Builder> block(String op, long size, long... input) {
    return m ->
        m.getGraphBuilder()
            .clearInitializer()
            .clearNode()
            .setInput(0, shaped(input))
            .addNode(
                node("blocks", op, "y", "x").toBuilder().addAttribute(integer("blocksize", size)))
            .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("y"));
  }

  static Stream<Arguments> blockSizes() {
    long axis = 1L << 24;
    return Stream.of(
        Arguments.of(
            "a block of 65536",
            block("DepthToSpace", 65536, 1, 3, 8, 8),
            "node 'blocks' (DepthToSpace): the input's 3 channels do not split into blocks of"
                + " blocksize² = 4294967296 (blocksize 65536), found [1, 3, 8, 8]"),
        Arguments.of(
            "a block of 2^31",
            block("DepthToSpace", 1L << 31, 1, 3, 8, 8),
            "the input's 3 channels do not split into blocks of blocksize² = 4611686018427387904"
                + " (blocksize 2147483648)"),
        // blocksize² wrapped to 0: a division by zero, reported as some tensor's overflow
        Arguments.of(
            "a block of 2^32",
            block("DepthToSpace", 1L << 32, 1, 3, 8, 8),
            "node 'blocks' (DepthToSpace): blocksize² of blocksize 4294967296 overflows 64 bits"
                + " (4294967296 × 4294967296)"),
        Arguments.of(
            "a block of 2^31 to depth",
            block("SpaceToDepth", 1L << 31, 1, 3, 8, 8),
            "node 'blocks' (SpaceToDepth): needs [N, C, H, W] with H and W divisible by blocksize"
                + " 2147483648"),
        // C × blocksize² wrapped to 0, reported as an output of 0 channels
        Arguments.of(
            "channels × blocksize² past 2^63",
            block("SpaceToDepth", axis, 1, axis, axis, axis),
            "node 'blocks' (SpaceToDepth): the output channels, C × blocksize², overflows 64 bits"
                + " (281474976710656 × 16777216)"),
        Arguments.of(
            "a block of 0",
            block("DepthToSpace", 0, 1, 3, 8, 8),
            "node 'blocks' (DepthToSpace): blocksize 0: a block size is a whole number from 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blockSizes")
  void refusesABlockSizeNamingTheNode(
      String what, Consumer<Onnx.ModelProto.Builder> change, String expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  /**
   * Counts past 2^63 that were all "a tensor's size overflows: its dimensions multiply past 2^63
   * elements", whichever product it was, with no node named; or wrapped silently into a wrong
   * message (pads that "leave axis 3 empty") or into a tensor of 0 bytes that was accepted.
   */
  static Stream<Arguments> overflows() {
    long half = 1L << 62;
    long axis = 1L << 24;
    return Stream.of(
        Arguments.of(
            "a tile past 2^63",
            after(List.of(int64("reps", 1, 1, half, 1)), node("tile", "Tile", "z", "y", "reps")),
            "node 'tile' (Tile): axis 2 tiled 4611686018427387904 times overflows 64 bits (6 ×"
                + " 4611686018427387904)"),
        Arguments.of(
            "an expand past 2^63 elements",
            after(
                List.of(int64("to", axis, axis, axis, 1, 4, 6, 6)),
                node("wide", "Expand", "z", "y", "to")),
            "node 'wide' (Expand): the output [16777216, 16777216, 16777216, 1, 4, 6, 6] has more"
                + " elements than 2^63"),
        Arguments.of(
            "a constant of 2^62 × 2^62",
            after(
                List.of(int64("s", half, half)),
                node("fill", "ConstantOfShape", "c", "s"),
                node("add", "Add", "z", "y", "c")),
            "node 'fill' (ConstantOfShape): the output [4611686018427387904, 4611686018427387904]"
                + " has more elements than 2^63"),
        Arguments.of(
            "a concatenation past 2^63",
            after(
                List.of(int64("s", half)),
                node("fill", "ConstantOfShape", "c", "s"),
                node("cat", "Concat", "d", "c", "c").toBuilder()
                    .addAttribute(integer("axis", 0))
                    .build(),
                node("add", "Add", "z", "y", "d")),
            "node 'cat' (Concat): the concatenated axis 0 overflows 64 bits (4611686018427387904 +"
                + " 4611686018427387904)"),
        Arguments.of(
            "a reshape to 2^62 × 2^62",
            after(List.of(int64("s", half, half)), node("big", "Reshape", "z", "y", "s")),
            "node 'big' (Reshape): the element count of the target shape [4611686018427387904,"
                + " 4611686018427387904] overflows 64 bits"),
        Arguments.of(
            "pads past 2^63",
            after(
                List.of(int64("p", 0, 0, 0, Long.MAX_VALUE, 0, 0, 0, 5)),
                node("pad", "Pad", "z", "y", "p")),
            "node 'pad' (Pad): axis 3 padded by [0, 0, 0, 9223372036854775807, 0, 0, 0, 5]"
                + " overflows 64 bits (6 + 9223372036854775807)"),
        Arguments.of(
            "2^62 doubles in no bytes",
            (Consumer<Onnx.ModelProto.Builder>)
                m ->
                    m.getGraphBuilder()
                        .addInitializer(
                            Onnx.TensorProto.newBuilder()
                                .setName("huge")
                                .setDataType(TensorData.DOUBLE)
                                .addDims(1L << 31)
                                .addDims(1L << 31)
                                .setRawData(ByteString.EMPTY)),
            "initializer 'huge' declares dims [2147483648,2147483648], 4611686018427387904 values"
                + " of 64 bits: more bytes than 2^63"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overflows")
  void refusesACountPastTwoToTheSixtyThirdNamingIt(
      String what, Consumer<Onnx.ModelProto.Builder> change, String expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  /** (end − start + step − 1) / step wrapped for a step near 2^63: the slice came out empty. */
  @Test
  void slicesOneElementWithAStepNearTwoToTheSixtyThird() throws IOException {
    for (long step : new long[] {Long.MAX_VALUE, Long.MIN_VALUE}) {
      boolean up = step > 0;
      Path f =
          OnnxFixtures.changed(
              dir,
              up ? "step up" : "step down",
              after(
                  List.of(
                      int64("starts", up ? 0 : -1),
                      int64("ends", up ? 6 : Long.MIN_VALUE),
                      int64("axes", 3),
                      int64("steps", step)),
                  node("cut", "Slice", "z", "y", "starts", "ends", "axes", "steps")));
      imported(dir, f, "out");
      String yaml =
          Files.readString(dir.resolve("out/models/step_" + (up ? "up" : "down") + ".yaml"));
      assertTrue(yaml.contains("shape: '\"4 6 1\"'"), yaml);
    }
  }

  @Test
  void importsABlockSizeThatFits() throws IOException {
    String out =
        imported(
            dir, OnnxFixtures.changed(dir, "fits", block("DepthToSpace", 2, 1, 12, 8, 8)), "ok");
    assertTrue(out.contains("1 layer"), out);
  }
}
