package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A bound of a plot's range that is unknown (an end of an 80% range the estimate does not have)
 * says why it is unknown: before, it was "the end of the range is not finite", which blamed the
 * arithmetic for what is missing evidence.
 */
class PlotUnknownBoundTest {
  @Test
  void anUnknownBoundGivesTheRangeReason() {
    CheckReportsTest.Run r =
        CheckReportsTest.devq(
            "plot",
            "latency(resnet50, a16, batch = b)",
            "--over",
            "b in 1..latency(resnet50, m4_max, runtime = llama_cpp).high / 1 ms");
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("error[UNKNOWN_FACT]: the end of the range is unknown"), r.err());
    assertTrue(r.err().contains("no 80% range: llama.cpp's measurements"), r.err());
    assertFalse(r.err().contains("not finite"), r.err());
  }
}
