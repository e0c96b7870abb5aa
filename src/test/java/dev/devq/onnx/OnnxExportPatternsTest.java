package dev.devq.onnx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Imports small real PyTorch exports ({@link OnnxExports#ops}) of the patterns single ops become in
 * ONNX, and holds the description to what the module computes: each imports, loads and is costed.
 */
class OnnxExportPatternsTest {
  @TempDir Path dir;

  private static Path file(String name) {
    return OnnxExports.ops().resolve(name + ".onnx");
  }

  /** {@code devq import} of an exported module into {@code dir/out}, with more options. */
  private OnnxRealModelsTest.Run importing(String name, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("import", file(name).toString(), "--out", dir.resolve("out").toString()));
    args.addAll(List.of(more));
    return OnnxRealModelsTest.devq(args.toArray(String[]::new));
  }

  private String yaml(String id) throws IOException {
    return Files.readString(dir.resolve("out/models/" + id + ".yaml"));
  }

  /** {@code explain} of the imported model on an iPhone 12, with more options. */
  private OnnxRealModelsTest.Run explain(String id, String... options) {
    List<String> args = new ArrayList<>(List.of("--profiles", dir.resolve("out").toString()));
    args.add("explain");
    args.addAll(List.of(options));
    args.add("latency(" + id + ", iphone_12)");
    return OnnxRealModelsTest.devq(args.toArray(String[]::new));
  }

  /**
   * where and argmax are catalog ops and words of the query language: written bare as an explicit
   * layer's op ({@code op: where}) they were read as a formula, and the description did not load.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "where, where_onnx, /Where, where",
    "hardshrink, hardshrink, /Where, where",
    "argmax, argmax_onnx, /ArgMax, argmax"
  })
  void opsNamedLikeWordsOfTheLanguageImportAndLoad(String name, String id, String node, String op)
      throws IOException {
    OnnxRealModelsTest.Run r = importing(name);
    assertEquals(0, r.code(), r.all());
    assertTrue(yaml(id).contains("op: '\"" + op + "\"'"), yaml(id));
    OnnxRealModelsTest.Run explain = explain(id);
    assertEquals(0, explain.code(), explain.all());
    String line =
        explain.out().lines().filter(l -> l.startsWith(node + " ")).findFirst().orElse("");
    assertTrue(line.contains(" " + op + " "), explain.out());
  }

  /**
   * PyTorch writes the pads of every {@code F.pad} as a constant chain ending in a Cast, which did
   * not fold: "input 1 must be a constant devq can read". The image is 16 × 16; the convolution
   * after the pad has a 3 × 3 kernel, 8 outputs and no padding of its own (its width was padded as
   * if it had its kernel's 'same' padding: 17 × 19 outputs for 17 × 17).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "pad, pad_onnx, 3 19 19, 62424",
    "zero_pad, zero_pad_onnx, 3 18 18, 55296",
    "reflect_pad, reflect_pad, 3 18 18, 55296"
  })
  void padsWrittenAsAConstantChainAreRead(String name, String id, String shape, long macs)
      throws IOException {
    OnnxRealModelsTest.Run r = importing(name);
    assertEquals(0, r.code(), r.all());
    assertTrue(yaml(id).contains("explicit: {op: '\"pad\"', shape: '\"" + shape + "\"'"), yaml(id));
    assertEquals(0, explain(id).code(), explain(id).all());
    holds(id + ".macs == " + macs);
  }

  /** A check of the query language against the imported profiles: exit 0 when it holds. */
  private void holds(String check) {
    OnnxRealModelsTest.Run r =
        OnnxRealModelsTest.devq("--profiles", dir.resolve("out").toString(), "eval", check);
    assertEquals(0, r.code(), check + ": " + r.all());
  }

  /**
   * PyTorch writes GELU below opset 20 as five nodes (exact) or nine (tanh approximation); Core
   * ML's converter fuses them into one gelu, as the import folds x · sigmoid(x) into silu. It was
   * five or nine element-wise layers, each paying its own pass.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"gelu, gelu_onnx, /then/Div", "gelu_tanh, gelu_tanh, /then/Mul"})
  void geluWrittenOutIsOneGeluLayer(String name, String id, String node) throws IOException {
    OnnxRealModelsTest.Run r = importing(name);
    assertEquals(0, r.code(), r.all());
    assertTrue(r.out().contains("ops          linear ×2, gelu ×1\n"), r.out());
    assertTrue(yaml(id).contains("  - gelu: {}\n    name: \"" + node + "\"\n"), yaml(id));
    holds(id + ".params == 1072 and " + id + ".macs == 10240");
  }

  /** An intermediate value read elsewhere (the erf, added to the result) keeps the chain apart. */
  @Test
  void aChainWhoseValuesAreReadElsewhereStaysApart() {
    OnnxRealModelsTest.Run r = importing("gelu_reusing_erf");
    assertEquals(0, r.code(), r.all());
    assertTrue(
        r.out().contains("ops          add ×2, linear ×2, mul ×2, div ×1, erf ×1\n"), r.out());
  }

  /**
   * Each import named only the next dynamic dimension to bind: three axes took three failed runs.
   * All are named at once, with the command that binds every one.
   */
  @Test
  void everyUnboundDimensionIsNamedInOneErrorWithOneCommand() {
    Path out = dir.resolve("out");
    OnnxRealModelsTest.Run r = importing("dynamic", "--dim", "height=16");
    assertEquals(2, r.code(), r.all());
    assertTrue(
        r.err()
            .contains(
                "error[IMPORT]: input 'x' has 2 dynamic dimensions that are not bound: 'batch'"
                    + " (axis 0), 'width' (axis 3)\n"),
        r.err());
    String command =
        "devq import " + file("dynamic") + " --out " + out + " --dim batch=1 --dim height=16";
    assertTrue(
        r.err().contains("VALUE: the size to describe): " + command + " --dim width=VALUE\n"),
        r.err());
    String[] again = (command + " --dim width=20").split(" ");
    OnnxRealModelsTest.Run bound =
        OnnxRealModelsTest.devq(java.util.Arrays.copyOfRange(again, 1, again.length));
    assertEquals(0, bound.code(), bound.all());
    holds("dynamic.macs == 8 * 27 * 16 * 20");
  }

  /**
   * A batch norm after a convolution (a 3x3, a depthwise and a transposed one) folds into it, as
   * Core ML's converter folds it (coremltools' fuse_conv_batchnorm): the export that keeps its
   * batch norms is the network its folded export is, and costs the same on every unit setting. It
   * was charged the batch norms' element-wise work on the CPU and GPU, 1.4 to 1.7 times the folded
   * export's latency.
   */
  @Test
  void batchNormsAfterConvolutionsFoldAsTheConverterFoldsThem() throws IOException {
    for (String name : List.of("conv_bn", "conv_bn_folded")) {
      OnnxRealModelsTest.Run r = importing(name);
      assertEquals(0, r.code(), r.all());
      assertTrue(
          r.out()
              .contains(
                  "ops          conv2d ×1, conv_transpose2d ×1, depthwise_conv2d ×1, relu ×1,"
                      + " relu6 ×1\n"),
          r.out());
    }
    assertTrue(
        yaml("conv_bn")
            .contains(
                " 3 batch norms are folded into the convolutions before them, as the Core ML"
                    + " converter folds them."),
        yaml("conv_bn"));
    List<String> same = new ArrayList<>(List.of("conv_bn.params == conv_bn_folded.params"));
    for (String target : List.of("iphone_12", "a17_pro", "m1")) {
      for (String units : List.of("all", "cpu_only", "cpu_and_gpu", "cpu_and_ne")) {
        String at = ", " + target + ", units = " + units + ")";
        same.add("0.999 < latency(conv_bn" + at + " / latency(conv_bn_folded" + at + " < 1.001");
      }
    }
    holds(String.join(" and ", same));
  }

  /** A convolution whose output an add reads too keeps its batch norm, as the converter does. */
  @Test
  void aBatchNormStaysWhereTheConvolutionsOutputIsAlsoReadElsewhere() {
    OnnxRealModelsTest.Run r = importing("conv_read_twice");
    assertEquals(0, r.code(), r.all());
    assertTrue(r.out().contains("ops          add ×1, batch_norm ×1, conv2d ×1\n"), r.out());
  }

  /**
   * A softmax after a Div (the attention's scale) cost nothing on the Neural Engine, folded into
   * the Div's pass as a pointwise activation is, while one after the scores' matmul paid its pass.
   * It works across its axis, so it costs the same compute whatever comes before it.
   */
  @Test
  void aSoftmaxCostsTheSameAfterADivAsAfterAMatmul() throws IOException {
    JsonNode scaled = softmaxLayer("one_head_scaled", "/Div");
    JsonNode plain = softmaxLayer("one_head", "/MatMul");
    assertEquals("ane", scaled.get("unit").asText(), scaled.toString());
    assertEquals("ane", plain.get("unit").asText(), plain.toString());
    double compute = plain.get("compute_s").asDouble();
    assertTrue(compute > 0, plain.toString());
    assertEquals(compute, scaled.get("compute_s").asDouble(), compute * 1e-9, scaled.toString());
  }

  /**
   * The /Softmax layer of an imported attention module in {@code explain --format json} on an
   * iPhone 12, checked to follow the layer named {@code before}.
   */
  private JsonNode softmaxLayer(String name, String before) throws IOException {
    OnnxRealModelsTest.Run imported = importing(name);
    assertEquals(0, imported.code(), imported.all());
    OnnxRealModelsTest.Run r = explain(name, "--format", "json");
    assertEquals(0, r.code(), r.all());
    JsonNode layers = new ObjectMapper().readTree(r.out()).get("layers");
    for (int i = 1; i < layers.size(); i++) {
      if (layers.get(i).get("layer").asText().equals("/Softmax")) {
        assertEquals(before, layers.get(i - 1).get("layer").asText(), r.out());
        return layers.get(i);
      }
    }
    throw new AssertionError("no /Softmax layer in " + r.out());
  }
}
