package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.after;
import static dev.devq.onnx.OnnxFixtures.floats;
import static dev.devq.onnx.OnnxFixtures.imported;
import static dev.devq.onnx.OnnxFixtures.int64;
import static dev.devq.onnx.OnnxFixtures.integer;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.weight;
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
 * Shapes, indexes and channel counts read exactly. int64 constants were held as doubles, which hold
 * every whole number only up to 2^53: 2^53 + 1 was read as 2^53, a float shape of 144.5 as 144 and
 * of NaN as 0. Sums and products of sizes wrapped past 2^63 into plausible ones. Each is now exact,
 * or refused naming the node and the value as the file wrote it.
 */
class OnnxExactValuesTest {
  private static final long PAST_2_53 = (1L << 53) + 1;

  /** A group whose product with 3 wraps past 2^64 to 2: 3 × 6148914691236517206 = 2^64 + 2. */
  private static final long WRAPS_TO_2 = 6148914691236517206L;

  @TempDir Path dir;

  /** A constant c of zeros of these dims, made by ConstantOfShape. */
  private static Onnx.NodeProto zeros(String shape) {
    return node("zeros", "ConstantOfShape", "c", shape);
  }

  /** A node with several outputs. */
  private static Onnx.NodeProto many(String name, String op, List<String> outs, String... in) {
    return node(name, op, outs.get(0), in).toBuilder().clearOutput().addAllOutput(outs).build();
  }

  static Stream<Arguments> refusals() {
    long quarter = 1L << 62;
    return Stream.of(
        // 2^53 + 1 was read as 2^53: the message quoted a size the file does not hold
        Arguments.of(
            "an expand past 2^53",
            after(List.of(int64("to", PAST_2_53, 1, 1, 1)), node("wide", "Expand", "z", "y", "to")),
            "node 'wide' (Expand): the output [9007199254740993, 4, 6, 6] has size"
                + " 9007199254740993 on axis 0"),
        Arguments.of(
            "a gather index past 2^53",
            after(List.of(int64("at", PAST_2_53)), node("pick", "Gather", "z", "y", "at")),
            "node 'pick' (Gather): index 9007199254740993 is out of range for an axis of size 1"),
        // a float shape of 144.5 was truncated to 144, and the reshape imported
        Arguments.of(
            "a shape of 144.5",
            after(List.of(floats("s", 144.5f)), node("flat", "Reshape", "z", "y", "s")),
            "node 'flat' (Reshape): input 1 ('s') holds 144.5 where a whole number is needed"),
        // NaN was read as 0, which copies the input's axis 0
        Arguments.of(
            "a shape of NaN",
            after(List.of(floats("s", Float.NaN)), node("flat", "Reshape", "z", "y", "s")),
            "node 'flat' (Reshape): input 1 ('s') holds a value that is not a number where a whole"
                + " number is needed"),
        Arguments.of(
            "a float shape past 2^53",
            after(List.of(floats("s", 0x1p60f)), node("flat", "Reshape", "z", "y", "s")),
            "input 1 ('s') holds 1.15292150460684698E18 where a whole number is needed, past 2^53"),
        // cast to an int, an axis of 2^62 was axis 0 and a perm entry of 2^32 + 1 was axis 1
        Arguments.of(
            "a Flatten axis of 2^62",
            after(
                List.of(),
                node("flat", "Flatten", "z", "y").toBuilder()
                    .addAttribute(integer("axis", quarter))
                    .build()),
            "node 'flat' (Flatten): axis 4611686018427387904 is out of range for rank 4"),
        Arguments.of(
            "a perm entry of 2^32 + 1",
            after(
                List.of(),
                node("swap", "Transpose", "z", "y").toBuilder()
                    .addAttribute(OnnxFixtures.ints("perm", 0, (1L << 32) + 1, 2, 3))
                    .build()),
            "node 'swap' (Transpose): perm [0, 4294967297, 2, 3] does not fit rank 4"),
        // read past its end, an internal error
        Arguments.of(
            "an empty perm",
            after(
                List.of(),
                node("swap", "Transpose", "z", "y").toBuilder()
                    .addAttribute(OnnxFixtures.ints("perm"))
                    .build()),
            "node 'swap' (Transpose): perm [] does not fit rank 4"),
        // in doubles the product was 2^64, read back as Long.MAX_VALUE
        Arguments.of(
            "a product of shapes past 2^63",
            after(
                List.of(int64("a", quarter), int64("b", 4)),
                node("times", "Mul", "s", "a", "b"),
                node("flat", "Reshape", "z", "y", "s")),
            "node 'times' (Mul): the product overflows 64 bits (4611686018427387904 × 4)"),
        // the sum wrapped to 6, the axis's size, and sizes of 2^62 passed
        Arguments.of(
            "split sizes whose sum wraps to the axis",
            after(
                List.of(int64("sizes", quarter, quarter, quarter, quarter + 6)),
                many("cut", "Split", List.of("z", "s1", "s2", "s3"), "y", "sizes").toBuilder()
                    .addAttribute(integer("axis", 3))
                    .build()),
            "node 'cut' (Split): the sum of the split sizes [4611686018427387904,"
                + " 4611686018427387904, 4611686018427387904, 4611686018427387910] overflows 64"
                + " bits"),
        Arguments.of(
            "a negative split size",
            after(
                List.of(int64("sizes", -2, 8)),
                many("cut", "Split", List.of("z", "s1"), "y", "sizes").toBuilder()
                    .addAttribute(integer("axis", 3))
                    .build()),
            "node 'cut' (Split): split sizes [-2, 8] hold the negative size -2"),
        // weights [0, 3, 1, 1] × group wrapped to the input's 2 channels, and the conv folded
        Arguments.of(
            "a conv whose channels × group wraps",
            after(
                List.of(int64("shape", 1, 2, 4, 4), weight("w0", 0, 3, 1, 1).build()),
                zeros("shape"),
                node("conv0", "Conv", "d", "c", "w0").toBuilder()
                    .addAttribute(integer("group", WRAPS_TO_2))
                    .build(),
                node("add", "Add", "z", "y", "d")),
            "node 'conv0' (Conv): the weights' input channels × group overflows 64 bits (3 ×"
                + " 6148914691236517206)"),
        Arguments.of(
            "a transposed conv whose channels × group wraps",
            after(
                List.of(int64("shape", 1, 0, 4, 4), weight("w0", 0, 3, 1, 1).build()),
                zeros("shape"),
                node("up", "ConvTranspose", "d", "c", "w0").toBuilder()
                    .addAttribute(integer("group", WRAPS_TO_2))
                    .build(),
                node("add", "Add", "z", "y", "d")),
            "node 'up' (ConvTranspose): the output channels, weights axis 1 × group, overflows 64"
                + " bits (3 × 6148914691236517206)"));
  }

  /**
   * A Cast to a narrower integer type wraps as a runtime does; the value was kept whole, so 400
   * cast to uint8 (144, the element count of y) made the Reshape after it refuse a shape of 400.
   */
  @ParameterizedTest(name = "cast to type {1}")
  @org.junit.jupiter.params.provider.CsvSource({
    "400, " + TensorData.UINT8,
    "65680, " + TensorData.UINT16,
    "-112, " + TensorData.UINT8,
    "4294967440, " + TensorData.INT32
  })
  void aCastToANarrowIntegerWrapsAsARuntimeDoes(long value, long to) throws IOException {
    Path f =
        OnnxFixtures.changed(
            dir,
            "cast " + value + " " + to,
            after(
                List.of(int64("s", value)),
                node("narrow", "Cast", "s8", "s").toBuilder()
                    .addAttribute(integer("to", to))
                    .build(),
                node("flat", "Reshape", "z", "y", "s8")));
    imported(dir, f, "out" + to + "_" + value);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusesAValueItCannotHoldExactlyNamingTheNode(
      String what, Consumer<Onnx.ModelProto.Builder> change, String expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  /**
   * Scales and bounds that are not finite numbers, or not one value: found by {@link
   * OnnxMutationTest}'s kind of change. A NaN scale was read as a size of 0 and printed as "NaN",
   * an infinite one as 2^63 - 1; a Range to NaN was empty; an empty Clip bound was read past its
   * end, an internal error (exit 3).
   */
  static Stream<Arguments> notFiniteNumbers() {
    return Stream.of(
        Arguments.of(
            "a NaN scale",
            after(
                List.of(floats("sc", 1, 1, Float.NaN, 2)),
                node("up", "Resize", "z", "y", "", "sc")),
            "node 'up' (Resize): scale a value that is not a number on axis 2: a scale is a"
                + " positive finite number"),
        Arguments.of(
            "an infinite scale",
            after(
                List.of(floats("sc", 1, 1, 2, Float.POSITIVE_INFINITY)),
                node("up", "Resize", "z", "y", "", "sc")),
            "node 'up' (Resize): scale an infinite value on axis 3: a scale is a positive finite"
                + " number"),
        Arguments.of(
            "a Range to NaN",
            after(
                List.of(floats("start", 0), floats("limit", Float.NaN), floats("delta", 1)),
                node("steps", "Range", "r", "start", "limit", "delta"),
                node("add", "Add", "z", "y", "r")),
            "node 'steps' (Range): Range start 0.0, limit a value that is not a number, delta 1.0:"
                + " each must be finite"),
        Arguments.of(
            "an empty Clip bound",
            after(
                List.of(weight("lo", 0).build(), floats("hi", 6)),
                node("clip", "Clip", "z", "y", "lo", "hi")),
            "node 'clip' (Clip): input 1 ('lo') holds 0 values; it is one"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notFiniteNumbers")
  void refusesAScaleOrBoundThatIsNotOneFiniteNumber(
      String what, Consumer<Onnx.ModelProto.Builder> change, String expected) throws IOException {
    OnnxFixtures.refusedChanged(dir, what, change, expected);
  }

  /**
   * [1, 4, 36, 2^53 + 1] − [0, 0, 0, 2^53] is [1, 4, 36, 1]; in doubles the last entry came out 0
   * ("copy axis 3"), and the reshape was refused as [1, 4, 36, 6].
   */
  @Test
  void computesShapeArithmeticPastTwoToTheFiftyThirdExactly() throws IOException {
    Path f =
        OnnxFixtures.changed(
            dir,
            "exact",
            after(
                List.of(int64("a", 1, 4, 36, PAST_2_53), int64("b", 0, 0, 0, PAST_2_53 - 1)),
                node("less", "Sub", "s", "a", "b"),
                node("flat", "Reshape", "z", "y", "s")));
    imported(dir, f, "out");
    String yaml = Files.readString(dir.resolve("out/models/exact.yaml"));
    assertTrue(yaml.contains("shape: '\"4 36 1\"'"), yaml);
  }
}
