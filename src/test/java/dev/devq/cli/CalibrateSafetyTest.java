package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.calibrate.*;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devq calibrate} never replaces a fit with a worse one, and never empty-handed. */
class CalibrateSafetyTest {
  @TempDir Path dir;

  /**
   * Measurements equal to today's predictions: the fit in force is exact on them, so any fit the
   * solver returns is worse and must not be written.
   */
  @Test
  void aFitWorseThanTheOneInForceIsNotWritten() throws IOException {
    var lines = new StringBuilder("expr,measured_ms,source\n");
    for (String q :
        List.of("latency(resnet50, iphone_14_pro)", "latency(mobilenet_v2, iphone_12)")) {
      double ms = DevqAssertions.quantity(q).value() * 1000;
      lines.append('"').append(q).append("\",").append(String.format(Locale.ROOT, "%.9f", ms));
      lines.append(",exact\n");
    }
    Path csv = Files.writeString(dir.resolve("exact.csv"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("profiles");
    var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("not written: the fit is worse"), run.out());
    assertFalse(Files.exists(out.resolve("calibration/fit.yaml")));
  }

  @Test
  void aHeaderOnlyFileIsRefusedAndNothingIsWritten() throws IOException {
    Path csv = Files.writeString(dir.resolve("empty.csv"), "expr,measured_ms\n");
    Path out = dir.resolve("profiles");
    var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertFalse(Files.exists(out.resolve("calibration/fit.yaml")));
  }

  /** Issue #13: an Infinity row once wrote residual_p10: NaN; a binary file fitted 0 rows. */
  @Test
  void anInfiniteRowOrABinaryFileIsRefusedAndNothingIsWritten() throws IOException {
    Path infinite =
        Files.writeString(
            dir.resolve("inf.csv"),
            "expr,measured_ms\n\"latency(mobilenet_v2, a16)\",0.6\n\"latency(resnet50, a16)\","
                + "Infinity\n");
    Path binary = Files.write(dir.resolve("bin.csv"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 7});
    for (Path csv : java.util.List.of(infinite, binary)) {
      Path out = dir.resolve("profiles-" + csv.getFileName());
      var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
      assertEquals(2, run.code(), run.out() + run.err());
      assertFalse(Files.exists(out.resolve("calibration/fit.yaml")), run.out());
    }
  }
}
