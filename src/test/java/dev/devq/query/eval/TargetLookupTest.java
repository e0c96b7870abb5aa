package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import dev.devq.Run;
import dev.devq.kb.Device;
import org.junit.jupiter.api.Test;

/**
 * The engine's per-device SoC lookup gives what the knowledge base gives, variants included, and a
 * hole over every target answers the same from a fresh engine and asked again.
 */
class TargetLookupTest {
  @Test
  void everyDeviceGetsTheKnowledgeBasesSocAskedOnceOrTwice() throws Exception {
    var engine = DevqAssertions.engine(Devq.load());
    for (Device d : engine.kb().devices().values()) {
      var expected = engine.kb().socOf(d);
      assertSame(expected, engine.socOf(d), d.id());
      assertSame(expected, engine.socOf(d), d.id());
    }
  }

  /** Every outcome's text and JSON: each target with its value and verdict. */
  private static String shown(Run run) {
    var out = new StringBuilder();
    for (var o : run.outcomes()) {
      out.append(o.text(true)).append(o.json()).append('\n');
    }
    return out.toString();
  }

  @Test
  void aHoleAskedAgainAnswersAsAFreshSession() throws Exception {
    String hole = "latency(resnet152, ?, throttled) < 4ms";
    Devq session = Devq.load();
    String first = shown(session.eval(hole));
    assertEquals(first, shown(session.eval(hole)));
    assertEquals(first, shown(Devq.load().eval(hole)));
    assertTrue(first.contains("targets satisfy it"), first);
  }
}
