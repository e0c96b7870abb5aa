package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.ShippedFit;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 80% ranges each shipped fit carries ({@code range.*}, {@code residual_p10} and {@code
 * residual_p90} in {@code profiles/calibration/fit.yaml} for Core ML, {@code runtimes.yaml} for
 * llama.cpp and ExecuTorch) are what {@code devq calibrate --ranges-only} writes today from the
 * files the fit was fitted on, to the digits the file stores, with the constants and the runtimes'
 * {@code scope:} beside them: a change to the cost model, the rows or the holdouts that moves a
 * held-out residual fails here until the ranges are written again (cost-model.md, "Validating and
 * recalibrating"). The command runs on the tests' shared engine, so its folds are the ones {@code
 * DocsTourTest} and {@code ShippedCalibrationTest} read, run once.
 */
class ShippedRangesTest {
  @TempDir Path dir;

  static List<ShippedFit> fits() {
    return List.of(ShippedFit.CORE_ML, ShippedFit.RUNTIMES);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fits")
  void theShippedRangesAreWhatCalibrateRangesOnlyWritesToday(ShippedFit fit) throws IOException {
    List<String> args = new ArrayList<>(List.of("calibrate", "--ranges-only", "--out"));
    args.add(dir.toString());
    args.addAll(fit.args());
    var out = new StringWriter();
    var cmd = Main.commandLine(new Preloading(DevqAssertions.devq()));
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(out));
    int code = Main.execute(cmd, args.toArray(String[]::new));
    assertEquals(0, code, out.toString());
    Path written = dir.resolve(fit.written());
    assertTrue(Files.isRegularFile(written), out.toString());
    Path shipped = DevqAssertions.projectDir().resolve("profiles").resolve(fit.written());
    assertEquals(
        ranges(shipped),
        ranges(written),
        "profiles/"
            + fit.written()
            + "'s ranges against what --ranges-only writes today; write them again: devq"
            + " calibrate --ranges-only --out profiles "
            + String.join(" ", fit.args()));
  }

  /**
   * The file's range lines and the constants kept with them, as written: the date it was written on
   * is left out.
   */
  private static String ranges(Path fit) throws IOException {
    var kept = new StringBuilder();
    for (String line : Files.readAllLines(fit)) {
      String key = line.strip();
      if (key.startsWith("residual_p") || key.startsWith("range.") || line.startsWith("  ")) {
        kept.append(key).append('\n');
      }
    }
    assertTrue(kept.indexOf("range.") >= 0, "no range in " + fit);
    return kept.toString();
  }
}
