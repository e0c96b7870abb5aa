package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Families held to the counts their papers print for every variant (parameters in millions, GMACs,
 * as printed), each within 3%: a wrong width, depth or block in any stage moves them. The zoo-wide
 * check reads one reference per model, which may be devq's own count where a paper counts
 * otherwise; this table keeps the printed figures.
 *
 * <p>A row marked {@code folded} is a paper that counts parameters with the batch norms folded into
 * the convolutions before them (EfficientFormerV2's README): the variant's count without the batch
 * norms' scale and shift must then round to the printed figure at its one decimal. S0's zoo
 * reference is devq's own count (3.6M against the printed 3.5M), so this row is what holds S0 to
 * the paper. A row marked {@code no_batch_norm} is a family the zoo describes after its batch norms
 * are folded, as its paper counts it (RepViT's README, {@code utils.replace_batchnorm}): it has no
 * batch-norm layer and both counts round to the printed figures (RepViT-M1.1's 1.34G MACs is 2.9%
 * above the printed 1.3G, inside its rounding).
 */
class PublishedCountsTest {
  private static final double TOLERANCE = 0.03;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "efficientformerv2_s0, 3.5, 0.40, folded",
    "efficientformerv2_s1, 6.1, 0.65, folded",
    "efficientformerv2_s2, 12.6, 1.25, folded",
    "efficientformerv2_l, 26.1, 2.56, folded",
    "swiftformer_xs, 3.5, 0.6, as_built",
    "swiftformer_s, 6.1, 1.0, as_built",
    "swiftformer_l1, 12.1, 1.6, as_built",
    "swiftformer_l3, 28.5, 4.0, as_built",
    "repvit_m0_9, 5.1, 0.8, no_batch_norm",
    "repvit_m1_0, 6.8, 1.1, no_batch_norm",
    "repvit_m1_1, 8.2, 1.3, no_batch_norm",
    "repvit_m1_5, 14.0, 2.3, no_batch_norm",
    "repvit_m2_3, 22.9, 4.5, no_batch_norm",
  })
  void countsMatchThePaper(String id, double paramsMillions, double gmacs, String batchNorms) {
    Model m = ModelZooTest.build(id, Map.of());
    ModelZooTest.assertWithin(id + " params", paramsMillions * 1e6, m.params(), TOLERANCE);
    ModelZooTest.assertWithin(id + " MACs", gmacs * 1e9, m.macs(), TOLERANCE);
    if (batchNorms.equals("folded")) {
      long batchNorm =
          m.layers().stream()
              .filter(l -> l.op().equals("batch_norm"))
              .mapToLong(Layer::params)
              .sum();
      assertTrue(batchNorm > 0, id + " keeps its batch norms as layers");
      double folded = Math.round((m.params() - batchNorm) / 1e5) / 10.0;
      assertEquals(paramsMillions, folded, 1e-9, id + " without batch norms, in millions");
    }
    if (batchNorms.equals("no_batch_norm")) {
      assertTrue(
          m.layers().stream().noneMatch(l -> l.op().equals("batch_norm")),
          id + " is the folded inference form");
      assertEquals(paramsMillions, Math.round(m.params() / 1e5) / 10.0, 1e-9, id + " params, M");
      assertEquals(gmacs, Math.round(m.macs() / 1e8) / 10.0, 1e-9, id + " MACs, in G");
    }
  }
}
