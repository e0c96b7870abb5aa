package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cli.CheckReportsTest.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A calibration file that sets a constant no prediction reads is refused, not silently ignored: a
 * tied constant (a fit written before the tie carries it) or a name the fit never writes.
 */
class UnreadConstantTest {
  @TempDir Path dir;

  /** The shipped fit with {@code line} added under {@code constants:} (replacing its own key). */
  private Run evalWith(String line) throws IOException {
    Path shipped = DevqAssertions.projectDir().resolve("profiles/calibration/fit.yaml");
    String key = line.substring(0, line.indexOf(':'));
    String fit =
        Files.readString(shipped, StandardCharsets.UTF_8)
            .lines()
            .filter(l -> !l.strip().startsWith(key + ":"))
            .map(l -> l.equals("constants:") ? l + "\n  " + line : l)
            .reduce("", (a, b) -> a + b + "\n");
    Path overlay = dir.resolve("calibration/fit.yaml");
    Files.createDirectories(overlay.getParent());
    Files.writeString(overlay, fit, StandardCharsets.UTF_8);
    return CheckReportsTest.devq("eval", "--profiles", dir.toString(), "latency(resnet50, a16)");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      overhead.gpu: 0.000145861   | overhead.gpu (tied to overhead.cpu)
      eff.cpu.matmul: 0.9         | eff.cpu.matmul (tied to eff.cpu.conv)
      bogus.constant: 1           | bogus.constant (not a constant the fit writes)
      range.all.p50: 1            | range.all.p50 (not a constant the fit writes)
      """)
  void aConstantNoPredictionReadsIsAnError(String line, String named) throws IOException {
    var run = evalWith(line);
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("no prediction reads: " + named), run.err());
    assertTrue(run.err().contains("fit.yaml:"), run.err());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"range.cpu_and_ne.p10: 0.7", "range.all.p90: 1.4"})
  void aRangeIsRead(String line) throws IOException {
    var run = evalWith(line);
    assertEquals(0, run.code(), run.out() + run.err());
  }
}
