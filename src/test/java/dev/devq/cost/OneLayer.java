package dev.devq.cost;

import dev.devq.DevqAssertions;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Soc;
import dev.devq.model.Layer;
import dev.devq.model.Model;
import dev.devq.model.NumericFormat;
import java.util.List;
import java.util.Map;

/** A synthetic fp16 model of one layer on a SoC's typical device, for formulas worked by hand. */
record OneLayer(Model model, Target target) {
  static OneLayer of(Layer layer, String soc) {
    return of(layer, soc, DevqAssertions.kb());
  }

  /** The same on a knowledge base of the test's own (shipped profiles with an overlay). */
  static OneLayer of(Layer layer, String soc, KnowledgeBase kb) {
    Soc s = kb.socs().get(soc);
    var model =
        new Model(
            "synthetic",
            "synthetic",
            "synthetic",
            Map.of(),
            layer.input(),
            List.of(layer),
            NumericFormat.FP16,
            null,
            layer.input().elements() + layer.output().elements());
    return new OneLayer(model, new Target(soc, s, kb.devices().get(s.typicalDevice())));
  }
}
