package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Device;
import dev.devq.kb.KnowledgeBase;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Neural Engine segment streams its weights through the whole of it: it takes its layers' own
 * time (each waiting only on its activations) or its DRAM traffic's, whichever is longer, and a
 * stall is shared among the layers by the traffic each brings. Worked from the timer's per-layer
 * terms for networks on both sides of the line.
 */
class NeuralEngineStreamTest {
  @ParameterizedTest(name = "{0} on {1}: {2} engine segments, stream-bound {3}")
  @CsvSource({
    // 62.6 MB of fp16 weights against the A15's 34 GB/s: the stream is longer
    "efficientformer_l3, iphone_14, 1, true",
    "resnet50, iphone_14, 1, true",
    // a few MB that stay in the cache: the layers are longer
    "mobilenet_v2, iphone_15_pro, 1, false",
    "mobilenet_v3_small, iphone_14_pro, 1, false",
  })
  void aSegmentTakesItsLayersOrItsStreamWhicheverIsLonger(
      String id, String deviceId, int engineSegments, boolean streamBound) {
    var engine = DevqAssertions.engine();
    KnowledgeBase kb = engine.kb();
    Model model =
        engine.model(kb.models().get(id), Map.of(), new SourceText("<t>", ""), Span.at(0));
    Device device = kb.devices().get(deviceId);
    var target = new Target(deviceId, kb.socOf(device), device);
    // an engine at its peak with activations on chip at 20x DRAM's rate, whatever the shipped fit
    // says: which side of the line a segment falls on is then the weights' doing alone
    CostModel cost =
        engine
            .costModel()
            .with(
                Map.of(
                    "eff.ane.conv", 1.0,
                    "eff.ane.matmul", 1.0,
                    "output.ane", 1.0,
                    "act_bw_factor", 20.0));
    Prediction p = cost.estimate(model, target, Conditions.DEFAULT);
    List<LayerCost> layers = p.layers();

    var k = LayerTimer.Constants.of(cost.coefficients());
    var facts = new LayerFacts(kb, model);
    var moves = new DataMovement(facts, k, target.soc(), model, 1, 1, ComputeUnit.values());
    var timer = new LayerTimer(facts, k, target.soc(), model, 1, 1, moves, true);
    // by segment id: the layers' own time, the stream's, and what the prediction charged
    Map<Integer, double[]> segments = new TreeMap<>();
    for (int i = 0; i < layers.size(); i++) {
      LayerCost l = layers.get(i);
      if (l.unit() != ComputeUnit.ANE) {
        continue;
      }
      double[] s = segments.computeIfAbsent(l.segment(), x -> new double[3]);
      double activations = l.folded() ? 0 : timer.activationTime(i, ComputeUnit.ANE);
      s[0] += Math.max(l.computeTime(), activations) + l.outputTime();
      s[1] += l.folded() ? 0 : timer.streamTime(i, ComputeUnit.ANE);
      s[2] += l.time();
    }
    assertEquals(engineSegments, segments.size(), "engine segments");
    boolean anyStreamBound = false;
    for (double[] s : segments.values()) {
      assertEquals(Math.max(s[0], s[1]), s[2], 1e-12 * s[2]);
      anyStreamBound |= s[1] > s[0];
    }
    assertEquals(streamBound, anyStreamBound, "a segment bound by its stream");
    if (streamBound) {
      // the stall lands on the layers that bring weights, in proportion to them
      LayerCost heaviest =
          layers.stream().max((a, b) -> Double.compare(a.dramBytes(), b.dramBytes())).get();
      assertTrue(heaviest.memoryTime() > heaviest.computeTime(), heaviest.toString());
    }
  }
}
