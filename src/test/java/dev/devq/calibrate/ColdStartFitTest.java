package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One prediction: a row timed from a cold start is fitted against the latency {@code validate}
 * prints for it (load time included), not against its warm prediction. Rows measured exactly as the
 * constants in force predict them leave nothing to fit: every residual is 1.
 */
class ColdStartFitTest {
  @TempDir Path dir;

  @Test
  void aColdStartRowIsFittedWithItsLoadTime() throws IOException {
    var lines = new StringBuilder("expr,measured_ms\n");
    for (String q :
        List.of(
            "latency(resnet50, iphone_14_pro, start = cold)",
            "latency(mobilenet_v2, iphone_12, start = first)",
            "latency(mobilenet_v3_small, iphone_14_pro, start = cold)")) {
      double ms = DevqAssertions.quantity(q).value() * 1000;
      lines.append('"').append(q).append("\",").append(String.format(Locale.ROOT, "%.9f%n", ms));
    }
    Path csv = Files.writeString(dir.resolve("cold.csv"), lines, StandardCharsets.UTF_8);
    var rows = Validation.run(DevqAssertions.interpreter(), Measurements.read(csv)).results();
    var fit = Calibrator.fit(DevqAssertions.interpreter(), rows, 5, Unmoved.IN_FORCE);
    // Fitted on the warm time, the fit saw each row 30-300 times slower than its prediction.
    assertEquals(1, fit.residualP10(), 0.05);
    assertEquals(1, fit.residualP90(), 0.05);
  }
}
