package dev.devq.onnx;

import static dev.devq.onnx.OnnxFixtures.after;
import static dev.devq.onnx.OnnxFixtures.floats;
import static dev.devq.onnx.OnnxFixtures.int64;
import static dev.devq.onnx.OnnxFixtures.node;
import static dev.devq.onnx.OnnxFixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.Language;
import dev.devq.cost.OpSupport;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.OsVersion;
import dev.devq.model.Layer;
import dev.devq.model.ModelBuilder;
import dev.devq.onnx.proto.Onnx;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Resize names the catalog op Core ML's converters lower it to, each with its own Neural Engine
 * rules: whole factors on height and width are an {@code upsample} (Core ML's {@code
 * upsample_nearest_neighbor} or {@code upsample_bilinear}), other sizes a {@code resize_nearest} or
 * {@code resize_bilinear}, a cubic one an unknown op. Every Resize used to be a bilinear resize
 * whatever its mode. Each row resizes the small model's [1, 4, 6, 6] activation; the description it
 * writes must load and build, and its last layer run the op of the row.
 */
class OnnxResizeOpTest {
  @TempDir Path dir;

  private static final KnowledgeBase KB = DevqAssertions.kb();

  @ParameterizedTest(name = "{0} {1} to {2} × {3}: {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      # node and what it gives (scales, or sizes) | mode | height | width | catalog op |
      # the upsample's arguments (empty: an explicit layer) | output height and width |
      # input elements each output reads
      Resize by scales | nearest | 2   | 2   | upsample        | scale: 2, mode: nearest              | 12 12 | 1
      Resize by scales | nearest | 3   | 3   | upsample        | scale: 3, mode: nearest              | 18 18 | 1
      Resize by scales | nearest | 2   | 3   | upsample        | scale_h: 2, scale_w: 3, mode: nearest | 12 18 | 1
      Resize by scales | linear  | 3   | 2   | upsample        | scale_h: 3, scale_w: 2, mode: bilinear | 18 12 | 4
      Resize by scales | nearest | 1.5 | 1.5 | resize_nearest  |                                      | 9 9   | 1
      Resize by scales | nearest | 0.5 | 0.5 | resize_nearest  |                                      | 3 3   | 1
      Resize by scales | linear  | 2   | 2   | upsample        | scale: 2, mode: bilinear             | 12 12 | 4
      Resize by scales | linear  | 4   | 4   | upsample        | scale: 4, mode: bilinear             | 24 24 | 4
      Resize by scales | linear  | 1.5 | 1.5 | resize_bilinear |                                      | 9 9   | 4
      Resize by scales | linear  | 0.5 | 0.5 | resize_bilinear |                                      | 3 3   | 4
      Resize by scales | cubic   | 2   | 2   | custom_layer    |                                      | 12 12 | 1
      # a Resize to sizes is judged by the sizes: 6 to 12 is a whole factor of 2
      Resize to sizes  | nearest | 12  | 12  | upsample        | scale: 2, mode: nearest              | 12 12 | 1
      Resize to sizes  | nearest | 8   | 8   | resize_nearest  |                                      | 8 8   | 1
      Resize to sizes  | linear  | 8   | 12  | resize_bilinear |                                      | 8 12  | 4
      """)
  void aResizeRunsTheOpItsModeAndScaleLowerTo(
      String form,
      String mode,
      float h,
      float w,
      String op,
      String upsample,
      String size,
      long reads)
      throws Exception {
    OnnxImport.Described d = described(form, mode, h, w);
    String layer =
        upsample != null ? "upsample: {" + upsample + "}" : "explicit: {op: '\"" + op + "\"'";
    assertTrue(d.yaml().contains(layer), d.yaml());
    Layer last = lastLayer(d);
    assertEquals(op, last.op(), d.yaml());
    assertEquals(size, last.output().dim(-2) + " " + last.output().dim(-1), d.yaml());
    // the factors the Neural Engine's scale-factor limit is checked against: one, or one per axis
    Map<String, String> written = new java.util.HashMap<>();
    for (String arg : upsample == null ? new String[0] : upsample.split(", ")) {
      written.put(arg.substring(0, arg.indexOf(':')), arg.substring(arg.indexOf(':') + 2));
    }
    for (String key : List.of("scale", "scale_h", "scale_w", "mode")) {
      assertEquals(written.getOrDefault(key, ""), last.attribute(key, ""), key);
    }
    // the work the cost model charges: a bilinear output reads its 2 × 2 neighbours
    assertEquals(reads * last.output().elements(), last.flops(), d.yaml());
  }

  /**
   * A ×3 nearest upsample is refused on the Neural Engine where its source saw only ×2 work (an A12
   * on iOS 14); as a bilinear resize without a scale it was never checked. A 2 × 3 one is refused
   * by its larger factor: as an explicit layer it carried no factor to check.
   */
  @ParameterizedTest(name = "{0} × {1}")
  @CsvSource({"3, 3", "2, 3"})
  void anUpsampleMeetsTheOlderNeuralEnginesLimitByEachFactor(float h, float w) throws Exception {
    Layer last = lastLayer(described("Resize by scales", "nearest", h, w));
    String why =
        OpSupport.whyNot(
            KB, KB.socs().get("a12"), OsVersion.parse("iOS 14"), ComputeUnit.ANE, last);
    assertTrue(why.contains("scale factor 3 is not one of [2]"), why);
  }

  /** The small model's activation y resized by {@code h} and {@code w} in {@code form}. */
  private OnnxImport.Described described(String form, String mode, float h, float w)
      throws Exception {
    Onnx.TensorProto by =
        form.endsWith("sizes") ? int64("by", 1, 4, (long) h, (long) w) : floats("by", 1, 1, h, w);
    Onnx.NodeProto n =
        switch (form) {
          case "Resize to sizes" -> node("rs", "Resize", "z", "y", "", "", "by");
          default -> node("rs", "Resize", "z", "y", "", "by");
        };
    n = n.toBuilder().addAttribute(text("mode", mode)).build();
    String what = (form + " " + mode + " " + h + " " + w).replace('.', '_');
    Path file = OnnxFixtures.changed(dir, what, after(List.of(by), n));
    OnnxImport.Checked c = OnnxImport.check(file, new OnnxImport.Options("", Map.of()));
    return OnnxImport.describe(c, KB, Language.reservedWords());
  }

  /** The last layer of {@code d} as the model rules build it, once it loads and builds. */
  private Layer lastLayer(OnnxImport.Described d) throws Exception {
    KnowledgeBase with = OnnxFixtures.loadsAndBuilds(dir, d, KB);
    List<Layer> layers =
        ModelBuilder.build(with.models().get(d.id()), Map.of(), with.ops().keySet())
            .model()
            .layers();
    return layers.get(layers.size() - 1);
  }
}
