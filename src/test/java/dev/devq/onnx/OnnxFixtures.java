package dev.devq.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.ProfileLoader;
import dev.devq.model.ModelBuilder;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Small hand-built ONNX files for the import tests, and the assertion that one is refused: a Conv
 * and a Relu on an [1, 3, 8, 8] input, which each test then breaks one way.
 */
final class OnnxFixtures {
  private OnnxFixtures() {}

  static Onnx.ValueInfoProto input(Onnx.TensorShapeProto.Dimension batch) {
    var shape = Onnx.TensorShapeProto.newBuilder().addDim(batch);
    for (long d : new long[] {3, 8, 8}) {
      shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return Onnx.ValueInfoProto.newBuilder()
        .setName("x")
        .setType(
            Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape)))
        .build();
  }

  /** A graph input {@code name} of these fixed sizes. */
  static Onnx.ValueInfoProto declared(String name, long... dims) {
    var shape = Onnx.TensorShapeProto.newBuilder();
    for (long d : dims) {
      shape.addDim(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(d));
    }
    return Onnx.ValueInfoProto.newBuilder()
        .setName(name)
        .setType(
            Onnx.TypeProto.newBuilder()
                .setTensorType(Onnx.TypeProto.Tensor.newBuilder().setElemType(1).setShape(shape)))
        .build();
  }

  /** The input x with these sizes. */
  static Onnx.ValueInfoProto shaped(long... dims) {
    return declared("x", dims);
  }

  /** An fp32 initializer of zeros (at most 64 KiB of them). */
  static Onnx.TensorProto.Builder weight(String name, long... dims) {
    var t = Onnx.TensorProto.newBuilder().setName(name).setDataType(1);
    long n = 1;
    for (long d : dims) {
      t.addDims(d);
      n *= d;
    }
    return t.setRawData(ByteString.copyFrom(new byte[(int) Math.min(n * 4, 1 << 16)]));
  }

  static Onnx.NodeProto node(String name, String op, String out, String... in) {
    return Onnx.NodeProto.newBuilder()
        .setName(name)
        .setOpType(op)
        .addAllInput(Arrays.asList(in))
        .addOutput(out)
        .build();
  }

  static Onnx.AttributeProto ints(String name, long... values) {
    var a =
        Onnx.AttributeProto.newBuilder()
            .setName(name)
            .setType(Onnx.AttributeProto.AttributeType.INTS);
    for (long v : values) {
      a.addInts(v);
    }
    return a.build();
  }

  /** An INT attribute: a group, an axis, a block size. */
  static Onnx.AttributeProto integer(String name, long value) {
    return Onnx.AttributeProto.newBuilder()
        .setName(name)
        .setType(Onnx.AttributeProto.AttributeType.INT)
        .setI(value)
        .build();
  }

  /** A float initializer of these values, given in float_data: scales, bounds. */
  static Onnx.TensorProto floats(String name, float... values) {
    var t =
        Onnx.TensorProto.newBuilder()
            .setName(name)
            .setDataType(TensorData.FLOAT)
            .addDims(values.length);
    for (float v : values) {
      t.addFloatData(v);
    }
    return t.build();
  }

  /** A STRING attribute: a mode, an auto_pad. */
  static Onnx.AttributeProto text(String name, String value) {
    return Onnx.AttributeProto.newBuilder()
        .setName(name)
        .setType(Onnx.AttributeProto.AttributeType.STRING)
        .setS(com.google.protobuf.ByteString.copyFromUtf8(value))
        .build();
  }

  /** {@link #model()} at default-domain opset {@code version}. */
  static Consumer<Onnx.ModelProto.Builder> opset(long version) {
    return m ->
        m.setOpsetImport(0, Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(version));
  }

  /** An int64 initializer of these values: a shape for Reshape or Expand, axes, indexes. */
  static Onnx.TensorProto int64(String name, long... values) {
    var t = Onnx.TensorProto.newBuilder().setName(name).setDataType(TensorData.INT64);
    t.addDims(values.length);
    for (long v : values) {
      t.addInt64Data(v);
    }
    return t.build();
  }

  /**
   * After the small model's Relu (y, [1, 4, 6, 6]): {@code nodes} and {@code constants}, the last
   * writing the graph output z.
   */
  static Consumer<Onnx.ModelProto.Builder> after(
      List<Onnx.TensorProto> constants, Onnx.NodeProto... nodes) {
    return m ->
        m.getGraphBuilder()
            .addAllInitializer(constants)
            .addAllNode(List.of(nodes))
            .setOutput(0, Onnx.ValueInfoProto.newBuilder().setName("z"));
  }

  /** conv(x, w [4, 3, 3, 3]) → h, relu(h) → y, opset 17. */
  static Onnx.ModelProto.Builder model() {
    var graph =
        Onnx.GraphProto.newBuilder()
            .setName("small")
            .addInput(input(Onnx.TensorShapeProto.Dimension.newBuilder().setDimValue(1).build()))
            .addInitializer(weight("w", 4, 3, 3, 3))
            .addNode(node("conv", "Conv", "h", "x", "w"))
            .addNode(node("relu", "Relu", "y", "h"))
            .addOutput(Onnx.ValueInfoProto.newBuilder().setName("y"));
    return Onnx.ModelProto.newBuilder()
        .setIrVersion(8)
        .setGraph(graph)
        .addOpsetImport(Onnx.OperatorSetIdProto.newBuilder().setDomain("").setVersion(17));
  }

  static Path save(Path dir, String name, byte[] bytes) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, bytes);
    return f;
  }

  /**
   * Imports {@code file} into {@code dir/out} with {@code options} after {@code --out}; asserts
   * exit 2, each expected text in the message, no stack trace, and that nothing was written.
   */
  static void refused(Path dir, Path file, List<String> options, String... expected) {
    Path out = dir.resolve("out");
    List<String> args =
        new ArrayList<>(List.of("import", file.toString(), "--out", out.toString()));
    args.addAll(options);
    OnnxRealModelsTest.Run r = OnnxRealModelsTest.devq(args.toArray(String[]::new));
    assertEquals(2, r.code(), r.all());
    for (String text : expected) {
      assertTrue(r.err().contains(text), "expected '" + text + "' in:\n" + r.err());
    }
    assertTrue(r.err().contains("nothing was written"), r.err());
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(out), "nothing may be written");
  }

  /** {@link #model()} with its batch axis dynamic, named {@code batch}, saved as dynamic.onnx. */
  static Path dynamicBatch(Path dir) throws IOException {
    var m = model();
    m.getGraphBuilder()
        .setInput(
            0, input(Onnx.TensorShapeProto.Dimension.newBuilder().setDimParam("batch").build()));
    return save(dir, "dynamic.onnx", m.build().toByteArray());
  }

  /** {@link #model()} changed by {@code change}, saved as a file named after {@code what}. */
  static Path changed(Path dir, String what, Consumer<Onnx.ModelProto.Builder> change)
      throws IOException {
    var m = model();
    change.accept(m);
    return save(dir, what.replace(' ', '_') + ".onnx", m.build().toByteArray());
  }

  /** {@link #model()} changed by {@code change} is refused ({@link #refused}) with each text. */
  static void refusedChanged(
      Path dir, String what, Consumer<Onnx.ModelProto.Builder> change, String... expected)
      throws IOException {
    refused(dir, changed(dir, what, change), List.of(), expected);
  }

  /** The one description an import wrote into {@code out}. */
  static String written(Path out) throws IOException {
    try (var files = Files.list(out.resolve("models"))) {
      return Files.readString(files.findFirst().orElseThrow());
    }
  }

  /**
   * {@link #model()} changed by {@code change} imports into {@code dir/ok}; returns the description
   * it wrote.
   */
  static String importedChanged(Path dir, String what, Consumer<Onnx.ModelProto.Builder> change)
      throws IOException {
    imported(dir, changed(dir, what, change), "ok");
    return written(dir.resolve("ok"));
  }

  /** Imports {@code file} into {@code dir/name}; asserts exit 0 and returns the output. */
  static String imported(Path dir, Path file, String name) {
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq("import", file.toString(), "--out", dir.resolve(name).toString());
    assertEquals(0, r.code(), r.all());
    return r.out();
  }

  /**
   * Writes {@code d} into a new folder under {@code dir}, loads it over {@code kb} and builds it,
   * asserting both succeed: a description the loader or the model rules refuse is the importer's
   * mistake, which the user can only report. Returns the knowledge base that holds it.
   */
  static KnowledgeBase loadsAndBuilds(Path dir, OnnxImport.Described d, KnowledgeBase kb)
      throws IOException {
    Path staged = Files.createTempDirectory(dir, "staged");
    OnnxImport.write(staged, d);
    ProfileLoader.Result loaded = ProfileLoader.overlay(kb, List.of(staged));
    assertTrue(loaded.ok(), () -> "the description does not load: " + loaded.diagnostics());
    KnowledgeBase with = loaded.knowledgeBase();
    ModelBuilder.Result built =
        ModelBuilder.build(with.models().get(d.id()), Map.of(), with.ops().keySet());
    assertTrue(built.ok(), () -> "the description does not build: " + built.diagnostics());
    return with;
  }
}
