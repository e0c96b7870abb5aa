package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import org.junit.jupiter.api.Test;

/**
 * A source points at what it is: devq's own rules and data never borrow another project's page (the
 * audit found {@code devq_rules_of_thumb}, {@code calibration_csv} and an unused paraphrase
 * pointing at coremltools and Apple pages that do not contain them).
 */
class SourceUrlTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @Test
  void devqsOwnSourcesPointAtDevq() {
    for (String id : new String[] {"devq_rules_of_thumb", "calibration_csv"}) {
      String url = KB.sources().get(id).url();
      assertFalse(url.startsWith("http"), id + " borrows " + url);
      assertTrue(url.contains("devq"), id + ": " + url);
    }
    assertFalse(KB.sources().containsKey("ane_alignment_paraphrase"), "no claim cites it");
  }
}
