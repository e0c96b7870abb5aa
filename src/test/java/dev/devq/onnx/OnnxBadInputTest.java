package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.input;
import static dev.devq.onnx.OnnxFixtures.int64;
import static dev.devq.onnx.OnnxFixtures.ints;
import static dev.devq.onnx.OnnxFixtures.model;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.shaped;
import static dev.devq.onnx.OnnxFixtures.weight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files devq must refuse: each is a clear error naming the node, initializer, input or field at
 * fault, exit code 2, and nothing written. The files are small hand-built protobuf messages: a Conv
 * and a Relu on an [1, 3, 8, 8] input, then broken one way each.
 */
class OnnxBadInputTest {
  @TempDir Path dir;

  private Path save(String name, byte[] bytes) throws IOException {
    return OnnxFixtures.save(dir, name, bytes);
  }

  private void refused(Path file, String... expected) {
    OnnxFixtures.refused(dir, file, List.of(), expected);
  }

  private void refusedWith(Path file, List<String> options, String... expected) {
    OnnxFixtures.refused(dir, file, options, expected);
  }

  @Test
  void importsTheSmallModelItself() throws IOException {
    Path f = save("small.onnx", model().build().toByteArray());
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq("import", f.toString(), "--out", dir.resolve("ok").toString());
    assertEquals(0, r.code(), r.all());
    assertTrue(Files.exists(dir.resolve("ok/models/small.yaml")), r.all());
    // was rw------- (the temporary file's), unreadable by the rest of a team sharing the profiles
    assertEquals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"),
        Files.getPosixFilePermissions(dir.resolve("ok/models/small.yaml")));
  }

  @Test
  void refusesADirectoryByName() throws IOException {
    Path models = Files.createDirectories(dir.resolve("models"));
    refused(models, "models is a folder, not a file");
  }

  @Test
  void refusesATruncatedFile() throws IOException {
    byte[] whole = model().build().toByteArray();
    Path f = save("cut.onnx", Arrays.copyOf(whole, whole.length / 2));
    refused(f, "not a complete ONNX model", "ends in the middle of a field");
  }

  @Test
  void refusesAFileThatIsNotOnnx() throws IOException {
    Path f =
        save("notes.onnx", "# my notes\nthis is not a model\n".getBytes(StandardCharsets.UTF_8));
    refused(f, "error[IMPORT]: not a");
  }

  /**
   * A graph whose nodes read only constants folds to no layer: the description held none, and the
   * loader's "expected a list of layers" came out as a fault of devq's.
   */
  @Test
  void refusesAGraphThatComputesNothingFromItsInput() throws IOException {
    var m = model();
    m.getGraphBuilder().clearNode().addNode(node("relu", "Relu", "y", "w"));
    refused(
        save("constant.onnx", m.build().toByteArray()),
        "no node reads the graph input 'x': every node folds to a constant, and a description"
            + " needs a layer");
  }

  /**
   * A mean over every axis is a scalar: the layer was written with a shape of no axes, which the
   * loader refused as a fault of devq's. It is one element.
   */
  @Test
  void importsAScalarOutputAsOneElement() throws IOException {
    Path f =
        OnnxFixtures.changed(
            dir,
            "scalar",
            OnnxFixtures.after(
                List.of(),
                node("mean", "ReduceMean", "z", "y").toBuilder()
                    .addAttribute(OnnxFixtures.integer("keepdims", 0))
                    .build()));
    OnnxFixtures.imported(dir, f, "ok");
    String yaml = Files.readString(dir.resolve("ok/models/scalar.yaml"));
    assertTrue(yaml.contains("shape: '\"1\"'"), yaml);
  }

  /**
   * A global pool of [N, C] has no spatial axis to pool, and one of [N, C, L] is 1-D: both were
   * written as the catalog's 2-D pool, which the model's rules refused as a fault of devq's.
   */
  @Test
  void refusesAGlobalPoolWithoutASpatialAxisAndWritesOutA1dOne() throws IOException {
    refused(
        OnnxFixtures.changed(
            dir,
            "matrix pool",
            OnnxFixtures.after(
                List.of(),
                node("flat", "Flatten", "f", "y"),
                node("pool", "GlobalAveragePool", "z", "f"))),
        "node 'pool' (GlobalAveragePool): needs an input [N, C, D1, …], found [1, 144]");
    Path f =
        OnnxFixtures.changed(
            dir,
            "line pool",
            OnnxFixtures.after(
                List.of(int64("s", 1, 4, 36)),
                node("line", "Reshape", "l", "y", "s"),
                node("pool", "GlobalAveragePool", "z", "l")));
    OnnxFixtures.imported(dir, f, "ok");
    String yaml = Files.readString(dir.resolve("ok/models/line_pool.yaml"));
    assertTrue(yaml.contains("shape: '\"4 1\"'"), yaml);
  }

  /** More axes than a description's layer holds: named here, not blamed on devq by the loader. */
  @Test
  void refusesAnOutputOfMoreAxesThanADescriptionHolds() throws IOException {
    refused(
        OnnxFixtures.changed(
            dir,
            "ten axes",
            OnnxFixtures.after(
                List.of(int64("s", 2, 2, 3, 2, 3, 2, 1, 1, 1, 1)),
                node("many", "Reshape", "z", "y", "s"))),
        "node 'many' (Reshape): the output [2, 2, 3, 2, 3, 2, 1, 1, 1, 1] has 10 axes; a layer of a"
            + " description has at most 8 besides the batch");
  }

  @Test
  void refusesAGraphWithACycle() throws IOException {
    var m = model();
    var g = m.getGraphBuilder().clearNode();
    g.addNode(node("conv", "Conv", "h", "x", "w"));
    g.addNode(node("add", "Add", "a", "h", "b"));
    g.addNode(node("relu", "Relu", "b", "a"));
    refused(
        save("cycle.onnx", m.build().toByteArray()),
        "the graph has a cycle: node 'add' (Add) → node 'relu' (Relu) → node 'add' (Add)");
  }

  @Test
  void refusesAnInitializerOfTwoToTheFortyElementsWithoutAllocatingIt() throws IOException {
    var m = model();
    m.getGraphBuilder()
        .addInitializer(
            Onnx.TensorProto.newBuilder()
                .setName("huge")
                .setDataType(1)
                .addDims(1L << 20)
                .addDims(1L << 20)
                .setRawData(ByteString.copyFrom(new byte[16])));
    refused(
        save("huge.onnx", m.build().toByteArray()),
        "initializer 'huge' declares dims [1048576,1048576] (1099511627776 elements",
        "raw_data holds 16 bytes");
  }

  /** The small model with its weight w in external data: key, value, key, value … */
  private static byte[] withExternalData(String... entries) {
    var m = model();
    var w =
        m.getGraphBuilder()
            .getInitializerBuilder(0)
            .clearRawData()
            .setDataLocation(Onnx.TensorProto.DataLocation.EXTERNAL);
    for (int i = 0; i < entries.length; i += 2) {
      w.addExternalData(
          Onnx.StringStringEntryProto.newBuilder().setKey(entries[i]).setValue(entries[i + 1]));
    }
    return m.build().toByteArray();
  }

  @Test
  void refusesAMissingExternalDataFile() throws IOException {
    refused(
        save("external.onnx", withExternalData("location", "w.bin")),
        "initializer 'w': external data file 'w.bin' not found beside the model");
  }

  /** offset + length overflowed past 2^63 and passed as negative: an index error (exit 3). */
  @Test
  void refusesAnExternalDataOffsetNearTwoToTheSixtyThird() throws IOException {
    Files.write(dir.resolve("w.bin"), new byte[432]);
    refused(
        save(
            "offset.onnx",
            withExternalData("location", "w.bin", "offset", Long.toString(Long.MAX_VALUE))),
        "initializer 'w' needs bytes 9223372036854775807",
        "which holds only 432");
  }

  @Test
  void refusesExternalDataOutsideTheModelsDirectory() throws IOException {
    Files.write(dir.resolve("secret.bin"), new byte[432]);
    Path sub = Files.createDirectories(dir.resolve("sub"));
    Path f = sub.resolve("escape.onnx");
    Files.write(f, withExternalData("location", "../secret.bin"));
    refused(
        f,
        "initializer 'w': external data location '../secret.bin' is outside the model's directory");
  }

  @Test
  void refusesAnUnboundDynamicDimension() throws IOException {
    Path f = OnnxFixtures.dynamicBatch(dir);
    refused(
        f,
        "input 'x' axis 0 is the dynamic dimension 'batch', which is not bound",
        "--dim batch=1");
    OnnxRealModelsTest.Run bound =
        OnnxRealModelsTest.devq(
            "import", f.toString(), "--dim", "batch=1", "--out", dir.resolve("bound").toString());
    assertEquals(0, bound.code(), bound.all());
  }

  /** An axis with no size and no name was to be bound with "--dim N=1", which binds nothing. */
  @Test
  void refusesAnAxisWithNeitherASizeNorAName() throws IOException {
    var m = model();
    m.getGraphBuilder().setInput(0, input(Onnx.TensorShapeProto.Dimension.newBuilder().build()));
    refused(
        save("unnamed.onnx", m.build().toByteArray()),
        "input 'x' axis 0 has neither a size nor a name",
        "--dim binds a dynamic dimension by its name (dim_param)");
  }

  @Test
  void refusesAnOpsetOutsideElevenToTwentyOne() throws IOException {
    var m = model();
    m.setOpsetImport(0, Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(9));
    refused(save("old.onnx", m.build().toByteArray()), "opset 9 is outside the supported 11–21");
  }

  private static Consumer<Onnx.ModelProto.Builder> convAttribute(Onnx.AttributeProto a) {
    return m -> m.getGraphBuilder().getNodeBuilder(0).addAttribute(a);
  }

  /**
   * Files that were an internal error (exit 3: a division by zero, or "the description devq made
   * does not load") or took minutes: each is now an import error naming what is wrong.
   */
  static Stream<Arguments> impossibleGraphs() {
    long huge = 1L << 40;
    return Stream.of(
        Arguments.of(
            "stride 0",
            convAttribute(ints("strides", 0, 0)),
            "node 'conv' (Conv): strides [0, 0]: each must be a whole number from 1 to 16777216"),
        Arguments.of(
            "negative stride",
            convAttribute(ints("strides", -1, -1)),
            "strides [-1, -1]: each must be"),
        Arguments.of(
            "one stride for two axes",
            convAttribute(ints("strides", 2)),
            "strides [2] has not one value per spatial axis (2)"),
        Arguments.of(
            "dilation 0", convAttribute(ints("dilations", 0, 0)), "dilations [0, 0]: each must be"),
        Arguments.of(
            "pads of 2^40",
            convAttribute(ints("pads", huge, huge, huge, huge)),
            "pads [1099511627776, 1099511627776, 1099511627776, 1099511627776]: each must be from"
                + " 0 to 16777216"),
        Arguments.of(
            "weights with no output channel",
            (Consumer<Onnx.ModelProto.Builder>)
                m -> m.getGraphBuilder().setInitializer(0, weight("w", 0, 3, 3, 3)),
            "node 'conv' (Conv): the output [1, 0, 6, 6] has size 0 on axis 1"),
        Arguments.of(
            "an input axis of 2^40",
            (Consumer<Onnx.ModelProto.Builder>)
                m -> m.getGraphBuilder().setInput(0, shaped(1, 3, huge, 8)),
            "input 'x' axis 2 would have size 1099511627776; a size is a whole number from 1 to"),
        Arguments.of(
            "values split across two typed fields",
            (Consumer<Onnx.ModelProto.Builder>)
                m -> {
                  var w = m.getGraphBuilder().getInitializerBuilder(0).clearRawData();
                  for (int i = 0; i < 54; i++) {
                    w.addFloatData(1).addInt64Data(1);
                  }
                },
            "initializer 'w' holds its values in 2 typed fields; ONNX keeps them in one"),
        Arguments.of(
            "a reshape to 2^62 × 2^62",
            (Consumer<Onnx.ModelProto.Builder>)
                m ->
                    m.getGraphBuilder()
                        .addInitializer(
                            Onnx.TensorProto.newBuilder()
                                .setName("s")
                                .setDataType(TensorData.INT64)
                                .addDims(2)
                                .addInt64Data(1L << 62)
                                .addInt64Data(1L << 62))
                        .addNode(node("big", "Reshape", "z", "y", "s"))
                        .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z")),
            "node 'big' (Reshape): the element count of the target shape"),
        // a negative length for the constant's values: an internal error (exit 3)
        Arguments.of(
            "a constant of a negative size",
            (Consumer<Onnx.ModelProto.Builder>)
                m ->
                    m.getGraphBuilder()
                        .addInitializer(int64("s", -1))
                        .addNode(node("fill", "ConstantOfShape", "c", "s"))
                        .addNode(node("add", "Add", "z", "y", "c"))
                        .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z")),
            "node 'fill' (ConstantOfShape): the output [-1] has the negative size -1 on axis 0"),
        Arguments.of(
            "a slice with two starts and one end",
            (Consumer<Onnx.ModelProto.Builder>)
                m ->
                    m.getGraphBuilder()
                        .addInitializer(int64("starts", 0, 0))
                        .addInitializer(int64("ends", 1))
                        .addNode(node("cut", "Slice", "z", "y", "starts", "ends"))
                        .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z")),
            "node 'cut' (Slice): Slice starts, ends, axes and steps need one value per sliced axis"),
        Arguments.of(
            "no nodes",
            (Consumer<Onnx.ModelProto.Builder>) m -> m.getGraphBuilder().clearNode(),
            "the graph has no nodes"),
        Arguments.of(
            "more nodes than a description has layers",
            (Consumer<Onnx.ModelProto.Builder>)
                m -> {
                  var g = m.getGraphBuilder();
                  String last = "y";
                  for (int i = 0; i < 50_000; i++) {
                    g.addNode(node("r" + i, "Relu", "t" + i, last));
                    last = "t" + i;
                  }
                },
            "the graph has 50002 nodes; a model description holds at most 50000 layers"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("impossibleGraphs")
  void refusesAnImpossibleGraphNamingWhatIsWrong(
      String what, Consumer<Onnx.ModelProto.Builder> breakIt, String expected) throws IOException {
    refused(OnnxFixtures.changed(dir, what, breakIt), expected);
  }

  @Test
  void refusesADimensionBoundPastTheLimitOrBelowOne() throws IOException {
    Path f = OnnxFixtures.dynamicBatch(dir);
    // the option itself takes 1 to 2^24, the most any axis may have: refused before reading
    for (String bound : List.of("batch=0", "batch=100000000")) {
      Path out = dir.resolve("out");
      OnnxRealModelsTest.Run r =
          OnnxRealModelsTest.devq("import", f.toString(), "--out", out.toString(), "--dim", bound);
      assertEquals(2, r.code(), r.all());
      assertTrue(
          r.err()
              .contains(
                  "--dim takes NAME=VALUE, VALUE a whole number from 1 to 16777216, found '"
                      + bound
                      + "'"),
          r.err());
      assertFalse(Files.exists(out), "nothing may be written");
    }
  }

  /**
   * A --dim that binds nothing is refused naming it: an empty name ({@code --dim =3}) read "--dim
   * names no dynamic dimension", with a blank where the name goes, and a misspelt name did not say
   * which one was meant.
   */
  @Test
  void aDimThatBindsNothingIsRefusedNamingIt() throws IOException {
    Path f = OnnxFixtures.dynamicBatch(dir);
    String dims = "its dynamic dimensions: [batch]";
    refusedWith(
        f,
        List.of("--dim", "batch=1", "--dim", "=3"),
        "--dim =3 gives a size but no dimension name",
        dims);
    refusedWith(
        f,
        List.of("--dim", "batch=1", "--dim", "btach=1"),
        "--dim 'btach' names no dynamic dimension of the input",
        dims + "; did you mean 'batch'?");
    refusedWith(
        f,
        List.of("--dim", "batch=1", "--dim", "seq=128"),
        "--dim 'seq' names no dynamic dimension",
        dims);
  }

  /**
   * A description devq writes but its own model rules refuse (here a tensor of 2^50 elements, each
   * axis within the limit) was reported at a temporary file the user never sees; it names the node.
   */
  @Test
  void aLayerTheModelRulesRefuseNamesItsNode() throws IOException {
    long axis = 1L << 24;
    var m = model();
    m.getGraphBuilder()
        .addInitializer(int64("flat", 1, 144, 1, 1))
        .addInitializer(int64("wide", 1, 144, axis, axis))
        .addNode(node("/head/Reshape", "Reshape", "f", "y", "flat"))
        .addNode(node("/head/Expand", "Expand", "z", "f", "wide"))
        .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z"));
    Path f = save("wide.onnx", m.build().toByteArray());
    refused(
        f, "error[IMPORT]: node '/head/Expand' (Expand): devq cannot describe it: ", "--> " + f);
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq("import", f.toString(), "--out", dir.resolve("w").toString());
    assertFalse(r.err().contains("devq-import"), r.err());
  }

  /** Both were internal errors (exit 3): a write failure, and "the description does not load". */
  @Test
  void anOutDirectoryThatIsAFileOrDoesNotLoadIsBadInput() throws IOException {
    Path f = save("small.onnx", model().build().toByteArray());
    Path file = save("notes.txt", new byte[] {'x'});
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq("import", f.toString(), "--out", file.toString());
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("--out must be a profiles directory, found a file"), r.all());
    Path broken = Files.createDirectories(dir.resolve("broken/models"));
    Files.writeString(broken.resolve("x.yaml"), "id: [\n");
    r = OnnxRealModelsTest.devq("import", f.toString(), "--out", broken.getParent().toString());
    assertEquals(2, r.code(), r.all());
    assertTrue(r.err().contains("broken/models/x.yaml:1:"), r.all());
    assertFalse(Files.exists(broken.resolve("small.yaml")));
  }

  /**
   * An --out below a file was "internal error: java.io.UncheckedIOException …" (exit 3); a
   * directory that cannot be made (under /proc) printed the same Java exception.
   */
  @Test
  void anOutDirectoryThatCannotBeMadeIsSaidPlainly() throws IOException {
    Path f = save("small.onnx", model().build().toByteArray());
    Path file = save("notes.txt", new byte[] {'x'});
    OnnxRealModelsTest.Run below =
        OnnxRealModelsTest.devq("import", f.toString(), "--out", file.resolve("sub").toString());
    assertEquals(2, below.code(), below.all());
    assertEquals(
        "devq: cannot write into --out "
            + file.resolve("sub")
            + ": "
            + file
            + " is a file, not a directory\n",
        below.err());
    OnnxRealModelsTest.Run proc =
        OnnxRealModelsTest.devq("import", f.toString(), "--out", "/proc/devq-profiles");
    assertEquals(3, proc.code(), proc.all());
    assertTrue(
        proc.err()
            .startsWith("devq: cannot write the model description into /proc/devq-profiles: "),
        proc.all());
    assertTrue(proc.err().endsWith("; nothing was written\n"), proc.all());
    assertFalse(proc.all().contains("Exception"), proc.all());
  }
}
