package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A sweep of a million predictions runs in a small, fixed heap: predictions are counted, not kept,
 * and repeated ones are shared. The process has 128 MB of heap (about 130 MB resident in all, well
 * under the 300 MB the issue allows); the budget of 999,999 predictions proves how many were made.
 */
class SweepMemoryTest {
  @Test
  void aMillionPredictionsFitInA128MegabyteHeap() throws Exception {
    var run =
        DevqProcess.run(
            List.of(
                "-Xmx128m",
                "-XX:+UseSerialGC",
                "-Ddevq.max.predictions=999999",
                "-Ddevq.max.steps=1000000000"),
            "eval",
            "all o in ops: all p in ops: all m in models: latency(m, a16) > 0 ms");
    String out = run.output();
    assertFalse(out.contains("OutOfMemoryError"), out);
    assertEquals(2, run.code(), out);
    assertTrue(out.contains("evaluation budget exceeded after 1000000 predictions"), out);
  }
}
