package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.SupportRule;
import dev.devq.model.Layer;
import dev.devq.model.Shape;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 2020-era Neural Engine limits (pooling kernel ≤ 13, ×2 upsample, 16384-wide tensors) hold
 * only on the chips and releases their sources tested; elsewhere a layer beyond them is not refused
 * and its support is unknown.
 */
class LimitScopeTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @ParameterizedTest(name = "{0}.{1} on {2} {3} => holds {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      avg_pool2d | max_kernel    | a13     | iOS 14   | true
      avg_pool2d | max_kernel    | a12     | iOS 13   | true
      avg_pool2d | max_kernel    | a13     | iOS 17   | false
      avg_pool2d | max_kernel    | a17_pro | iOS 14   | false
      avg_pool2d | max_kernel    | a13     | any      | false
      upsample   | scale_factors | a12     | iOS 14   | true
      upsample   | scale_factors | m4      | macOS 15 | false
      avg_pool2d | max_dim       | a17_pro | iOS 14   | true
      avg_pool2d | max_dim       | m1      | macOS 11 | true
      avg_pool2d | max_dim       | m1      | macOS 12 | false
      avg_pool2d | max_rank      | a19_pro | any      | true
      """)
  void eachLimitHoldsInsideItsSourcesTestedRange(
      String op, String limit, String soc, String os, boolean holds) {
    assertEquals(
        holds,
        SupportRule.limitHolds(
            KB,
            KB.ops().get(op),
            ComputeUnit.ANE,
            limit,
            KB.socs().get(soc),
            os.equals("any") ? null : OsVersion.parse(os)));
  }

  @ParameterizedTest(name = "28-wide pool on {0} {1} refused: {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a13     | iOS 14 | true
      a13     | iOS 17 | false
      a17_pro | any    | false
      """)
  void placementRefusesOnlyInsideTheRange(String soc, String os, boolean refused) {
    Op pool = KB.ops().get("avg_pool2d");
    Layer layer =
        new Layer(
            "pool",
            pool.id(),
            Shape.of(new long[] {1, 96, 28, 28}),
            Shape.of(new long[] {1, 96, 1, 1}),
            0,
            75264,
            0,
            0,
            Map.of("kernel", "28"));
    OsVersion release = os.equals("any") ? null : OsVersion.parse(os);
    String why = OpSupport.whyNot(KB, KB.socs().get(soc), release, ComputeUnit.ANE, layer);
    assertEquals(refused, why.contains("kernel 28 exceeds"), why);
    if (!refused) {
      String note = OpSupport.unknownNote(KB, KB.socs().get(soc), release, ComputeUnit.ANE, layer);
      assertTrue(note.contains("unknown here (?)") && note.contains("hollance_issue2"), note);
    }
  }
}
