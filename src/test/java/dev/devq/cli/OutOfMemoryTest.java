package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Running out of memory ends devq with one line and exit 3, never a Java stack trace. */
class OutOfMemoryTest {
  @Test
  void outOfMemoryIsOneLineAndExitThree() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx8m",
                "-XX:-UseGCOverheadLimit",
                "-cp",
                System.getProperty("java.class.path"),
                "dev.devq.cli.Main",
                "eval",
                "latency(resnet50, a16)")
            .redirectErrorStream(true)
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(3, p.exitValue(), out);
    assertTrue(out.contains("devq: internal error: java.lang.OutOfMemoryError"), out);
    assertFalse(out.contains("\tat "), "no stack trace: " + out);
  }
}
