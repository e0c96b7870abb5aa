package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Session;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Core ML's partition of a graph into segments, worked by hand from the chosen placement: every
 * segment boundary costs {@code switch + 2 × bytes of the tensor handed over / (bandwidth ×
 * bw_eff)}, every Neural Engine segment costs {@code ane_dispatch}, the prediction {@code fixed};
 * Neural Engine layers pay nothing per layer. The constants are set here (the dispatch of iOS 14 to
 * 16 too, for the split model asked under iOS 14), so only the formulas are under test.
 */
class SegmentCostTest {
  private static final double SWITCH = 120e-6;
  private static final double DISPATCH = 70e-6;
  private static final double FIXED = 30e-6;
  private static final double BW_EFF = 0.6;

  private static Prediction estimate(String expr, Map<String, Double> constants) {
    var x =
        DevqAssertions.interpreter()
            .explain(new SourceText("test", "latency(" + expr + ")"), Session.EMPTY);
    Prediction p = (Prediction) x.estimate();
    CostModel model = DevqAssertions.engine().costModel().with(constants);
    return model.estimate(p.model(), p.target(), p.conditions());
  }

  @ParameterizedTest(name = "{0}: {1} segments, {2} on the Neural Engine")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      deeplabv3_mobilenet_v3, iphone_xs, nominal, units = cpu_and_ne, os = "iOS 14" | 6 | 3
      mobilenet_v2, iphone_15_pro                                    | 1  | 1
      resnet50, iphone_12, nominal, units = cpu_only                 | 1  | 0
      efficientformer_l1, iphone_12, nominal, units = cpu_and_ne     | 1  | 1
      """)
  void aSegmentBoundaryCostsWhatTheFormulaSays(String expr, int segments, int aneSegments) {
    Prediction est =
        estimate(
            expr,
            Map.of(
                "switch",
                SWITCH,
                "ane_dispatch",
                DISPATCH,
                "os16.ane_dispatch",
                DISPATCH,
                "fixed",
                FIXED,
                "bw_eff",
                BW_EFF));
    List<Prediction.Segment> parts = est.segments();
    assertEquals(segments, parts.size(), "segments " + parts);
    assertEquals(segments - 1, est.switches(), "a switch ends every segment but the last");
    double bandwidth = est.target().soc().bandwidth().value().value() * BW_EFF;
    double bytesPerElement = est.model().format().activationBytes();
    double switches = 0;
    long onAne = parts.stream().filter(g -> g.unit() == ComputeUnit.ANE).count();
    for (int i = 1; i < est.layers().size(); i++) {
      if (est.layers().get(i).segment() != est.layers().get(i - 1).segment()) {
        double bytes = est.layers().get(i).layer().input().elements() * bytesPerElement;
        switches += SWITCH + 2 * bytes / bandwidth;
      }
    }
    assertEquals(aneSegments, onAne, "Neural Engine segments");
    assertEquals(switches, est.switchTime(), 1e-12, "switch time");
    assertEquals(FIXED + DISPATCH * onAne, est.fixedTime(), 1e-12, "fixed time");
    est.layers().stream()
        .filter(c -> c.unit() == ComputeUnit.ANE)
        .forEach(c -> assertEquals(0, c.overhead(), "no per-layer cost on the Neural Engine"));
    double layers = est.layers().stream().mapToDouble(LayerCost::time).sum();
    assertEquals(layers + switches + FIXED + DISPATCH * onAne, est.warmLatency(), 1e-12);
  }

  @ParameterizedTest(name = "dispatch {0} s")
  @CsvSource({"0.00001", "0.0003", "0.003"})
  void aCostlierDispatchNeverAddsSegments(double dispatch) {
    String expr = "deeplabv3_mobilenet_v3, iphone_xs, nominal, units = cpu_and_ne, os = \"iOS 14\"";
    Prediction cheap = estimate(expr, Map.of("ane_dispatch", 1e-6));
    Prediction dear = estimate(expr, Map.of("ane_dispatch", dispatch));
    assertTrue(
        dear.segments().size() <= cheap.segments().size(),
        dear.segments().size() + " > " + cheap.segments().size());
  }
}
