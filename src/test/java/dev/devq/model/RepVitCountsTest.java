package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RepViT's five variants against the README's Models table, which counts the network after its
 * batch norms are folded, the form the zoo describes. The table prints parameters to 0.1M and MACs
 * to 0.1G, so each computed count must round to the printed figure and stay within 3% of it (M1.1's
 * 1.34G MACs is 2.9% above the printed 1.3G, inside its rounding). A variant with the wrong block
 * list, squeeze width or channel-mixer width moves at least one of the two figures out.
 */
class RepVitCountsTest {
  private static final double TOLERANCE = 0.03;

  @ParameterizedTest(name = "{0}: {1}M params, {2}G MACs")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          repvit_m0_9 |  5.1 | 0.8
          repvit_m1_0 |  6.8 | 1.1
          repvit_m1_1 |  8.2 | 1.3
          repvit_m1_5 | 14.0 | 2.3
          repvit_m2_3 | 22.9 | 4.5
          """)
  void countsMatchTheReadme(String id, double paramsMillions, double gmacs) {
    Model m = ModelZooTest.build(id, Map.of());
    assertEquals(paramsMillions, Math.round(m.params() / 1e5) / 10.0, 1e-9, id + " params, in M");
    assertEquals(gmacs, Math.round(m.macs() / 1e8) / 10.0, 1e-9, id + " MACs, in G");
    ModelZooTest.assertWithin(id + " params", paramsMillions * 1e6, m.params(), TOLERANCE);
    ModelZooTest.assertWithin(id + " MACs", gmacs * 1e9, m.macs(), TOLERANCE);
    assertTrue(
        m.layers().stream().noneMatch(l -> l.op().equals("batch_norm")),
        id + " is the folded inference form");
  }
}
