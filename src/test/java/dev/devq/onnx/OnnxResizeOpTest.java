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
import org.junit.jupiter.api.Test;
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
  @CsvSource({
    // node and what it gives (scales, or sizes), mode, height, width, catalog op,
    // the upsample's scale (0: written as an explicit layer), output height and width
    "Resize by scales, nearest, 2, 2, upsample, 2, 12 12",
    "Resize by scales, nearest, 3, 3, upsample, 3, 18 18",
    "Resize by scales, nearest, 2, 3, upsample, 0, 12 18",
    "Resize by scales, nearest, 1.5, 1.5, resize_nearest, 0, 9 9",
    "Resize by scales, nearest, 0.5, 0.5, resize_nearest, 0, 3 3",
    "Resize by scales, linear, 2, 2, upsample, 2, 12 12",
    "Resize by scales, linear, 4, 4, upsample, 4, 24 24",
    "Resize by scales, linear, 1.5, 1.5, resize_bilinear, 0, 9 9",
    "Resize by scales, linear, 0.5, 0.5, resize_bilinear, 0, 3 3",
    "Resize by scales, cubic, 2, 2, custom_layer, 0, 12 12",
    // a Resize to sizes is judged by the sizes: 6 to 12 is a whole factor of 2
    "Resize to sizes, nearest, 12, 12, upsample, 2, 12 12",
    "Resize to sizes, nearest, 8, 8, resize_nearest, 0, 8 8",
    "Resize to sizes, linear, 8, 12, resize_bilinear, 0, 8 12"
  })
  void aResizeRunsTheOpItsModeAndScaleLowerTo(
      String form, String mode, float h, float w, String op, int scale, String size)
      throws Exception {
    OnnxImport.Described d = described(form, mode, h, w);
    String layer =
        scale > 0 ? "upsample: {scale: " + scale + "}" : "explicit: {op: '\"" + op + "\"'";
    assertTrue(d.yaml().contains(layer), d.yaml());
    Layer last = lastLayer(d);
    assertEquals(op, last.op(), d.yaml());
    assertEquals(size, last.output().dim(-2) + " " + last.output().dim(-1), d.yaml());
    // the scale the Neural Engine's scale-factor limit is checked against
    assertEquals(scale > 0 ? Integer.toString(scale) : "", last.attribute("scale", ""));
  }

  /**
   * A ×3 nearest upsample is refused on the Neural Engine where its source saw only ×2 work (an A12
   * on iOS 14); as a bilinear resize without a scale it was never checked.
   */
  @Test
  void aTripleUpsampleMeetsTheOlderNeuralEnginesLimit() throws Exception {
    Layer last = lastLayer(described("Resize by scales", "nearest", 3, 3));
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
