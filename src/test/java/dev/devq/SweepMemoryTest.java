package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep that asks for millions of predictions runs in a small, fixed heap: estimates are counted,
 * not kept, and repeated ones are shared. The process has 128 MB of heap (about 130 MB resident in
 * all, well under the 300 MB the issue allows). The sweep asks for 184 × 184 × 80 = 2,708,480
 * latencies of 80 distinct predictions; the budget counts the predictions made, so it holds, and
 * with a budget of 79 the 80th made stops it. The target is a chip one of whose devices has room
 * for every model of the zoo (a 192 GB M2 Ultra Mac), so every latency is a figure and the check
 * passes.
 */
class SweepMemoryTest {
  private static final String SWEEP =
      "all o in ops: all p in ops: all m in models: latency(m, m2_ultra) > 0 ms";

  @Test
  void millionsOfPredictionsAskedFitInA128MegabyteHeap() throws Exception {
    var run =
        DevqProcess.run(
            List.of("-Xmx128m", "-XX:+UseSerialGC", "-Ddevq.max.steps=1000000000"), "eval", SWEEP);
    String out = run.output();
    assertFalse(out.contains("OutOfMemoryError"), out);
    assertEquals(0, run.code(), out);
    assertTrue(out.contains("PASS"), out);
    var budget =
        DevqProcess.run(
            List.of("-Xmx128m", "-Ddevq.max.predictions=79", "-Ddevq.max.steps=1000000000"),
            "eval",
            SWEEP);
    assertEquals(2, budget.code(), budget.output());
    assertTrue(
        budget.output().contains("evaluation budget exceeded after 80 predictions"),
        budget.output());
  }
}
