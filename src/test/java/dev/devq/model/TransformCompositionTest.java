package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Transforms compose in the order written: each row applies its steps to ResNet-50 (fp16) and
 * states the weight bytes relative to fp16, the compute precision and the bytes per activation.
 * FLOPs never change: compressed weights are decompressed on the fly.
 */
class TransformCompositionTest {
  /** Palette tables: 2^bits fp16 entries for each layer that has weights. */
  private static double palettes(Model m, int bits) {
    return m.layers().stream().filter(l -> l.params() > 0).count() * (1 << bits) * 2.0;
  }

  @ParameterizedTest(name = "{0}  =>  ×{1}, {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      precision fp32                     | 2.0      | fp32 | 4
      precision fp16                     | 1.0      | fp16 | 2
      quantize w8                        | 0.5      | fp16 | 2
      quantize w8a8                      | 0.5      | int8 | 1
      quantize w4                        | 0.28125  | fp16 | 2
      prune 0.5                          | 0.5625   | fp16 | 2
      precision fp32, quantize w8        | 0.5      | fp32 | 4
      quantize w8a8, precision fp32      | 2.0      | fp32 | 4
      quantize w8a8, palettize 4         | 0.25     | int8 | 1
      palettize 4, prune 0.5             | 0.1875   | fp16 | 2
      prune 0.5, palettize 4             | 0.1875   | fp16 | 2
      prune 0.75, quantize w8            | 0.1875   | fp16 | 2
      precision fp32, prune 0.5          | 1.0625   | fp32 | 4
      quantize w4, prune 0.5             | 0.203125 | fp16 | 2
      """)
  void composes(String steps, double ratio, String compute, double activationBytes) {
    Model base = ModelZooTest.build("resnet50", Map.of());
    Model m = base;
    int paletteBits = 0;
    for (String step : steps.split(",\\s*")) {
      String[] s = step.trim().split(" ");
      m =
          switch (s[0]) {
            case "precision" -> Transforms.precision(m, s[1]);
            case "quantize" -> Transforms.quantize(m, s[1]);
            case "palettize" -> Transforms.palettize(m, Integer.parseInt(s[1]));
            case "prune" -> Transforms.prune(m, Double.parseDouble(s[1]));
            default -> throw new IllegalArgumentException(step);
          };
      paletteBits = "palettize".equals(s[0]) ? Integer.parseInt(s[1]) : paletteBits;
    }
    double expected =
        base.weightBytes() * ratio + (paletteBits > 0 ? palettes(base, paletteBits) : 0);
    assertEquals(expected, m.weightBytes(), expected * 1e-9, steps);
    assertEquals(compute, m.format().compute(), steps);
    assertEquals(activationBytes, m.format().activationBytes(), steps);
    assertEquals(base.flops(), m.flops(), steps);
  }

  /** A pruned model's label keeps the sparsity as given: models compare equal by their labels. */
  @ParameterizedTest(name = "prune {0} → {1}")
  @CsvSource({"0.5, 50%", "0.125, 12.5%", "0.3, 30%", "0.004, 0.4%", "0, 0%"})
  void aPrunedModelIsLabelledWithItsSparsity(double sparsity, String percent) {
    Model m = Transforms.prune(ModelZooTest.build("resnet50", Map.of()), sparsity);
    assertEquals("prune(resnet50, " + percent + ")", m.label());
  }
}
