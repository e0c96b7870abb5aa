package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.weight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.devq.onnx.proto.Onnx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
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
 * Weights in {@code GraphProto.sparse_initializer} (non-zero values and their positions) are
 * described by their dense shape, as a converter runs them, with the header saying how sparse they
 * were. Before, the conv whose weight was sparse was refused: "'w', which no node, initializer or
 * graph input provides".
 */
class OnnxSparseInitializerTest {
  @TempDir Path dir;

  /** fp32 values, one list. */
  private static Onnx.TensorProto.Builder values(String name, int n) {
    ByteBuffer b = ByteBuffer.allocate(n * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      b.putFloat(i + 1);
    }
    return Onnx.TensorProto.newBuilder()
        .setName(name)
        .setDataType(TensorData.FLOAT)
        .addDims(n)
        .setRawData(ByteString.copyFrom(b.array()));
  }

  /** int64 indices of these dims holding {@code positions}. */
  private static Onnx.TensorProto.Builder indices(long[] dims, long... positions) {
    var t = Onnx.TensorProto.newBuilder().setDataType(TensorData.INT64);
    for (long d : dims) {
      t.addDims(d);
    }
    for (long p : positions) {
      t.addInt64Data(p);
    }
    return t;
  }

  /** The conv weight w [4, 3, 3, 3] (108 elements) as 10 non-zero values at 0, 11, 22, … */
  private static Onnx.SparseTensorProto.Builder sparseW() {
    long[] at = new long[10];
    for (int i = 0; i < at.length; i++) {
      at[i] = 11L * i;
    }
    return Onnx.SparseTensorProto.newBuilder()
        .setValues(values("w", 10))
        .setIndices(indices(new long[] {10}, at))
        .addAllDims(List.of(4L, 3L, 3L, 3L));
  }

  /** The fixture model with its dense w replaced by {@code sparse}. */
  private Path withSparse(String what, Onnx.SparseTensorProto.Builder sparse) throws IOException {
    return OnnxFixtures.changed(
        dir,
        what,
        m -> m.getGraphBuilder().clearInitializer().addSparseInitializer(sparse.build()));
  }

  @Test
  void aSparseWeightIsDescribedAsTheDenseOneIs() throws IOException {
    Path dense = OnnxFixtures.changed(dir, "dense", m -> {});
    Path sparse = withSparse("sparse", sparseW());
    OnnxFixtures.imported(dir, dense, "a");
    OnnxFixtures.imported(dir, sparse, "b");
    String denseYaml = description("a");
    String sparseYaml = description("b");
    assertTrue(
        sparseYaml.contains(
            "1 weight tensor is stored sparse in the file, 9% of its 108 values non-zero;"
                + " devq describes it dense"),
        sparseYaml);
    // the layers are the same: only the header's provenance differs
    assertEquals(layers(denseYaml), layers(sparseYaml));
  }

  @Test
  void coordinatesReadAsPositionsDo() throws IOException {
    var byCoordinates =
        sparseW()
            .setIndices(indices(new long[] {2, 4}, 0, 0, 0, 0, /* position 107: */ 3, 2, 2, 2))
            .setValues(values("w", 2));
    OnnxFixtures.imported(dir, withSparse("coordinates", byCoordinates), "c");
    assertTrue(description("c").contains("2% of its 108"));
  }

  /** The one description imported into {@code dir/out/models}. */
  private String description(String out) throws IOException {
    try (Stream<Path> files = Files.list(dir.resolve(out).resolve("models"))) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), all::toString);
      return Files.readString(all.get(0));
    }
  }

  private static String layers(String yaml) {
    return yaml.substring(yaml.indexOf("\nlayers:"));
  }

  static Stream<Arguments> broken() {
    return Stream.of(
        Arguments.of(
            "indices short of the values",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.setIndices(indices(new long[] {9}, 0, 1, 2, 3, 4, 5, 6, 7, 8)),
            "sparse initializer 'w' has indices of dims [9] for 10 values of a rank-4 tensor"),
        Arguments.of(
            "an index past the end",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.setIndices(indices(new long[] {10}, 0, 1, 2, 3, 4, 5, 6, 7, 8, 108)),
            "sparse initializer 'w' has an index out of its dims [4,3,3,3]"),
        Arguments.of(
            "more values than elements",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.clearDims().addAllDims(List.of(2L, 2L)),
            "sparse initializer 'w' holds 10 values, more than its 4 elements"),
        Arguments.of(
            "values of rank 2",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.getValuesBuilder().clearDims().addDims(2).addDims(5),
            "they must be one list (rank 1)"),
        Arguments.of(
            "int32 indices",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.getIndicesBuilder().setDataType(TensorData.INT32),
            "has indices of data type 6; they must be int64"),
        Arguments.of(
            "no name",
            (Consumer<Onnx.SparseTensorProto.Builder>) s -> s.getValuesBuilder().clearName(),
            "a sparse initializer has no name"),
        Arguments.of(
            "values the raw data does not hold",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.getValuesBuilder().setRawData(ByteString.copyFrom(new byte[12])),
            "sparse initializer 'w' (its values) declares dims [10]"),
        Arguments.of(
            "an axis past the limit (a sparse weight carries no bytes to hold its size to)",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.clearDims().addAllDims(List.of(1L << 25, 1L << 25)),
            "sparse initializer 'w' has an axis of 33554432"),
        Arguments.of(
            "more than 2^40 elements",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.clearDims().addAllDims(List.of(1L << 24, 1L << 24, 1L << 24)),
            "more than 1099511627776 elements (2^40), the limit"),
        Arguments.of(
            "values without indices",
            (Consumer<Onnx.SparseTensorProto.Builder>) s -> s.clearIndices(),
            "sparse initializer 'w' holds 10 values but no indices"),
        Arguments.of(
            "a negative dimension",
            (Consumer<Onnx.SparseTensorProto.Builder>)
                s -> s.clearDims().addAllDims(List.of(4L, -3L, 3L, 3L)),
            "sparse initializer 'w' has a negative dimension -3"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("broken")
  void aBrokenSparseInitializerIsRefusedByName(
      String what, Consumer<Onnx.SparseTensorProto.Builder> breaking, String expected)
      throws IOException {
    var s = sparseW();
    breaking.accept(s);
    OnnxFixtures.refused(dir, withSparse(what, s), List.of(), expected);
  }

  @Test
  void aNameGivenDenseAndSparseIsRefused() throws IOException {
    Path both =
        OnnxFixtures.changed(
            dir,
            "both",
            m ->
                m.getGraphBuilder()
                    .addInitializer(weight("b", 4))
                    .addSparseInitializer(sparseW().build()));
    OnnxFixtures.refused(dir, both, List.of(), "sparse initializer 'w' is given twice", "unique");
  }
}
