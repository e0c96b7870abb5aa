package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DevqException;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A prediction keeps its warm latency, summed once where it is made: readers that take the kept
 * total see what summing its parts gives.
 */
class PredictionTotalsTest {
  @Test
  void theKeptWarmLatencyIsTheSumOfLayersSwitchesAndFixedTime() {
    var engine = DevqAssertions.engine();
    var kb = engine.kb();
    var soc = kb.socs().get("a17_pro");
    var target = new Target(soc.name(), soc, kb.deviceOf(soc));
    for (String id : new String[] {"resnet152", "mobilenet_v2"}) {
      Model m = engine.model(kb.models().get(id), Map.of(), new SourceText("<t>", ""), Span.at(0));
      Prediction p = engine.costModel().estimate(m, target, Conditions.DEFAULT);
      double sum = p.switchTime() + p.fixedTime();
      for (LayerCost c : p.layers()) {
        sum += c.time();
      }
      assertTrue(p.layers().size() > 10, id);
      assertEquals(sum, p.warmLatency(), sum * 1e-12, id);
    }
  }

  /**
   * The warm latency is summed by a loop written for the C1 compiler; it must give what {@code
   * DoubleStream.sum} gave before, to the bit, for every zoo model, or answers would move.
   */
  @Test
  void theWarmLatencyIsDoubleStreamsCompensatedSumToTheBit() {
    var engine = DevqAssertions.engine();
    var kb = engine.kb();
    int compared = 0;
    for (String socId : new String[] {"a17_pro", "a14"}) {
      var soc = kb.socs().get(socId);
      var target = new Target(soc.name(), soc, kb.deviceOf(soc));
      for (String id : kb.models().keySet()) {
        Model m =
            engine.model(kb.models().get(id), Map.of(), new SourceText("<t>", ""), Span.at(0));
        Prediction p;
        try {
          p = engine.costModel().estimate(m, target, Conditions.DEFAULT);
        } catch (DevqException cannotPlace) {
          continue;
        }
        double stream =
            p.layers().stream().mapToDouble(LayerCost::time).sum() + p.switchTime() + p.fixedTime();
        assertEquals(Double.doubleToLongBits(stream), Double.doubleToLongBits(p.warmLatency()), id);
        compared++;
      }
    }
    assertTrue(compared > 40, "predictions compared: " + compared);
  }
}
