package dev.devq.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.Soc;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.model.Model;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The support a model's layers get on a SoC is remembered per (model, SoC, release): what the
 * remembered refusals and unknown-support notes say is what asking {@link OpSupport} afresh says.
 */
class SupportCacheTest {
  @Test
  void rememberedSupportIsWhatOpSupportSays() {
    var engine = DevqAssertions.engine();
    var kb = engine.kb();
    int notes = 0;
    for (String id :
        new String[] {"mobilenet_v2", "bert_base", "convnext_tiny", "deeplabv3_mobilenet_v3"}) {
      Model m = engine.model(kb.models().get(id), Map.of(), new SourceText("<t>", ""), Span.at(0));
      var facts = new LayerFacts(kb, m);
      for (Soc soc : kb.socs().values()) {
        LayerFacts.Support support = facts.support(kb, soc, null);
        assertSame(support, facts.support(kb, soc, null), "asked again: " + soc.id());
        for (int i = 0; i < facts.size(); i++) {
          for (ComputeUnit u : ComputeUnit.values()) {
            var layer = facts.layers.get(i);
            String where = id + " " + layer.name() + " on " + soc.id() + " " + u;
            assertEquals(
                OpSupport.check(kb, soc, null, u, layer),
                support.refusals[i * ComputeUnit.values().length + u.ordinal()],
                where);
            String fresh = OpSupport.unknownNote(kb, soc, null, u, layer);
            assertEquals(fresh, support.unknownNote(i, u), where);
            assertEquals(fresh, support.unknownNote(i, u), "read again: " + where);
            notes += fresh.isEmpty() ? 0 : 1;
          }
        }
      }
    }
    // The comparison must have seen notes to mean anything.
    assertTrue(notes > 0, "no layer had an unknown-support note");
  }
}
