package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * MobileNetV4's three zoo variants against the published counts. Conv-S matches the paper (3.8M
 * parameters; 0.2G MACs, printed to one significant figure). Conv-M and Hybrid-M follow the
 * released architecture (tensorflow/models' specs), which timm's model cards count at 9.72M and
 * 11.07M parameters; the paper's 9.2M / 1.0G and 10.5M / 1.2G are 4–9% below it, and the third
 * table holds that gap where the notes say it is, so a block dropped to meet the paper shows here.
 */
class MobileNetV4CountsTest {
  private static final double TOLERANCE = 0.03;

  @ParameterizedTest(name = "{0} {1} within 3% of {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mobilenet_v4_conv_s   | params | 3.8e6
          mobilenet_v4_conv_m   | params | 9.72e6
          mobilenet_v4_conv_m   | macs   | 1.1e9
          mobilenet_v4_hybrid_m | params | 11.07e6
          """)
  void countsMatchThePublishedFigures(String id, String what, double published) {
    Model m = ModelZooTest.build(id, Map.of());
    double computed = what.equals("params") ? m.params() : m.macs();
    ModelZooTest.assertWithin(id + " " + what, published, computed, TOLERANCE);
  }

  @ParameterizedTest(name = "{0} MACs round to {1}G")
  @CsvSource({"mobilenet_v4_conv_s, 0.2"})
  void macsRoundToTheOneSignificantFigurePublished(String id, double gmacs) {
    double computed = ModelZooTest.build(id, Map.of()).macs() / 1e9;
    double rounded = Double.parseDouble(String.format(Locale.ROOT, "%.1g", computed));
    assertEquals(gmacs, rounded, 1e-12, id + " computes " + computed + "G");
  }

  @ParameterizedTest(name = "{0}: the paper's figures are 4–9% below the released code")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mobilenet_v4_conv_m   | 9.2e6  | 1.0e9
          mobilenet_v4_hybrid_m | 10.5e6 | 1.2e9
          """)
  void thePapersFiguresSitBelowTheReleasedArchitecture(String id, double params, double macs) {
    Model m = ModelZooTest.build(id, Map.of());
    assertAbove(id + " params", params, m.params());
    assertAbove(id + " MACs", macs, m.macs());
  }

  private static void assertAbove(String what, double paper, double computed) {
    double above = computed / paper - 1;
    assertTrue(
        above >= 0.04 && above <= 0.09,
        String.format(Locale.ROOT, "%s: %.1f%% above the paper", what, above * 100));
  }
}
