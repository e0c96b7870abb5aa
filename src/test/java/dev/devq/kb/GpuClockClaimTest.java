package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GPU peaks of the A18 and M4 generations rest on a clock no cited source gives (the audit
 * found them cited to pages that do not contain the clock): they must stay estimates that say the
 * clock is assumed, so no one reads them as vendor or measured figures.
 */
class GpuClockClaimTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @ParameterizedTest
  @ValueSource(strings = {"a18", "a18_pro", "m4", "m4_pro", "m4_max"})
  void aGpuPeakRestingOnAnAssumedClockIsAnEstimateThatSaysSo(String id) {
    Provenance peak = KB.socs().get(id).gpu().peakFp32().provenance();
    assertEquals(Confidence.ESTIMATE, peak.confidence(), id);
    assertTrue(peak.note().contains("clock is our assumption"), id + ": " + peak.note());
  }
}
