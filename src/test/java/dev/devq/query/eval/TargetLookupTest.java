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
 * The knowledge base's per-device SoC, resolved once when it is made, is the part a fresh lookup of
 * the device's variant gives (keeping only the device's own OS line), and a hole over every target
 * answers the same from a fresh engine and asked again.
 */
class TargetLookupTest {
  @Test
  void everyDeviceGetsTheKnowledgeBasesSocAskedOnceOrTwice() throws Exception {
    var engine = DevqAssertions.engine(Devq.load());
    var kb = engine.kb();
    for (Device d : kb.devices().values()) {
      var part = kb.soc(d.soc(), d.socVariant()).orElse(kb.socs().get(d.soc()));
      var first = kb.socOf(d);
      assertSame(first, kb.socOf(d), d.id());
      // the same part, with only the last release of the device's own OS (an iPhone XS: iOS 18)
      assertEquals(part.id(), first.id(), d.id());
      assertEquals(part.variant(), first.variant(), d.id());
      assertEquals(part.ane(), first.ane(), d.id());
      assertTrue(part.lastOs().entrySet().containsAll(first.lastOs().entrySet()), d.id());
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

  /**
   * A named check must be able to fail; a hole lists targets and never does. (It passed as 0
   * checks.)
   */
  @Test
  void aNamedCheckWithAHoleIsRefused() {
    String shown =
        DevqAssertions.assertFails(
            "check \"fits\": battery(mobilenet_v2, ?, 30fps) < 1%",
            dev.devq.lang.DiagnosticCode.TYPE_MISMATCH);
    assertTrue(shown.contains("a named check cannot hold '?'"), shown);
    assertTrue(shown.contains("all d in devices"), shown);
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
