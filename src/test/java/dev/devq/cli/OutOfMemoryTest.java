package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Running out of memory ends devq with one line and exit 3, never a Java stack trace. */
class OutOfMemoryTest {
  @Test
  void outOfMemoryIsOneLineAndExitThree() throws Exception {
    var run =
        DevqProcess.run(
            List.of("-Xmx8m", "-XX:-UseGCOverheadLimit"), "eval", "latency(resnet50, a16)");
    String out = run.output();
    assertEquals(3, run.code(), out);
    assertTrue(out.contains("devq: internal error: java.lang.OutOfMemoryError"), out);
    assertFalse(out.contains("\tat "), "no stack trace: " + out);
  }
}
