package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import dev.devq.model.Transforms;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Placement's table ({@link LayerTimer#column}) spells out the per-layer arithmetic over arrays for
 * speed: every cell must be, to the bit, the {@link LayerTimer#ownTime} it stands for, folded after
 * the same unit and unfolded after another, on every SoC, unit, thermal factor and batch.
 */
class LayerTimerTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"mobilenet_v2", "efficientnet_b0", "bert_base", "convnext_tiny", "resnet50"})
  void aColumnIsEveryLayersOwnTime(String id) {
    var engine = DevqAssertions.engine();
    var kb = engine.kb();
    var k = LayerTimer.Constants.of(engine.costModel().coefficients());
    Model built =
        engine.model(kb.models().get(id), Map.of(), new SourceText("<t>", ""), Span.at(0));
    int folds = 0;
    for (Model model : List.of(built, Transforms.quantize(built, "w8a8"))) {
      var facts = new LayerFacts(kb, model);
      int n = facts.size();
      for (Soc soc : kb.socs().values()) {
        for (int batch : new int[] {1, 4}) {
          var moves = new DataMovement(facts, k, soc, model, batch, 1, ComputeUnit.values());
          for (double thermal : new double[] {1, 0.62}) {
            var timer = new LayerTimer(facts, k, soc, model, batch, thermal, moves, true);
            for (ComputeUnit unit : ComputeUnit.values()) {
              double[] own = new double[n * 2];
              double[] alone = new double[n * 2];
              timer.column(unit, own, alone, 1, 2);
              for (int i = 0; i < n; i++) {
                String where = model.label() + " layer " + i + " on " + soc.id() + " " + unit;
                boolean folded = timer.folded(i, unit, unit);
                folds += folded ? 1 : 0;
                assertEquals(timer.ownTime(i, unit, folded), own[1 + 2 * i], where);
                assertEquals(timer.ownTime(i, unit, false), alone[1 + 2 * i], where);
              }
            }
          }
        }
      }
    }
    // the folded cells are the ones the column works out apart
    assertTrue(folds > 0, "no layer folded");
  }
}
