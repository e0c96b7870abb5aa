package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code :help} (and {@code devq help}, which shares its text) knows every name the checker accepts
 * outside the knowledge base: every built-in, member, thermal state, compute-unit set, start,
 * runtime, OS form, precision, quantize scheme and unit.
 */
class HelpCoverageTest {
  @Test
  void everyNameTheCheckerAcceptsHasHelp() {
    List<String> names = Language.acceptedNames();
    assertTrue(names.size() > 100, "the list is built from the checker's tables: " + names);
    for (String name : names) {
      String help = ReplHelp.text(name);
      assertFalse(help.startsWith("devq: no help"), ":help " + name + " → " + help);
      assertTrue(help.strip().length() > name.length() + 10, ":help " + name + " → " + help);
    }
  }

  @Test
  void thermalStatesAndAfterAreExplained() {
    assertTrue(ReplHelp.text("sustained").contains("plateau"), ReplHelp.text("sustained"));
    assertTrue(ReplHelp.text("sustained").contains("after(10min)"));
    assertTrue(ReplHelp.text("after").contains("after("), ReplHelp.text("after"));
    assertTrue(ReplHelp.text("states").contains("after(TIME)"), ReplHelp.text("states"));
    assertTrue(ReplHelp.text("q4_k_m").contains("GGUF"));
    assertTrue(ReplHelp.text("ms").contains("a unit of Time"), ReplHelp.text("ms"));
  }

  @Test
  void anUnknownWordStillSaysSo() {
    assertTrue(ReplHelp.text("sustaind").startsWith("devq: no help on 'sustaind'"));
  }
}
