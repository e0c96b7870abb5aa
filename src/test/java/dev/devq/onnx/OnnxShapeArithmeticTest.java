package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.imported;
import static dev.devq.onnx.OnnxFixtures.integer;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.shaped;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Path;
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

  @Test
  void importsABlockSizeThatFits() throws IOException {
    String out =
        imported(
            dir, OnnxFixtures.changed(dir, "fits", block("DepthToSpace", 2, 1, 12, 8, 8)), "ok");
    assertTrue(out.contains("1 layer"), out);
  }
}
