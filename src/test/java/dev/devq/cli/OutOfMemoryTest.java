package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqProcess;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Running out of memory ends devq with one line and exit 3, never a Java stack trace. The query
 * keeps a prediction of ResNet-152 for every device, more than an 8 MB heap holds beside the
 * knowledge base, whichever path the command line takes.
 */
class OutOfMemoryTest {
  @Test
  void outOfMemoryIsOneLineAndExitThree() throws Exception {
    String query = "[latency(resnet152, d) for d in devices]";
    // queries only (run without picocli) and with an option (through picocli)
    for (List<String> args :
        List.of(List.of("eval", query), List.of("eval", "--format", "text", query))) {
      var run =
          DevqProcess.run(
              List.of("-Xmx8m", "-XX:-UseGCOverheadLimit"), args.toArray(String[]::new));
      String out = run.output();
      assertEquals(3, run.code(), out);
      assertTrue(out.contains("devq: internal error: java.lang.OutOfMemoryError"), out);
      assertFalse(out.contains("\tat "), "no stack trace: " + out);
    }
  }
}
