package dev.devq.calibrate;

import dev.devq.cost.RuntimeConstants;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a fit to {@code calibration/fit.yaml}, or {@code calibration/runtimes.yaml} when it fitted
 * the constants of llama.cpp and ExecuTorch: to a temporary file first, then moved into place.
 */
public final class CalibrationWriter {
  private CalibrationWriter() {}

  public static Path write(Path profiles, Calibrator.Fit fit, String fittedOn) throws IOException {
    Path dir = profiles.resolve("calibration");
    Files.createDirectories(dir);
    boolean runtimes =
        fit.constants().keySet().stream().allMatch(RuntimeConstants::isRuntimeConstant);
    Path target = dir.resolve(runtimes ? "runtimes.yaml" : "fit.yaml");
    var out = new StringBuilder();
    out.append(
        "# Written by `devq calibrate`: the cost model's fitted constants. Refit rather than edit.\n");
    out.append(
        "# residual_p10/p90: measured ÷ predicted at the 10th and 90th percentile of held-out rows\n");
    out.append(
        "# (range.<units>.p10/p90 per compute-unit setting): the 80% range of every prediction.\n");
    out.append("fitted_on: \"")
        .append(fittedOn.replace("\"", "'"))
        .append(" (")
        .append(fit.rows())
        .append(" rows)\"\n");
    out.append("fitted_at: ").append(LocalDate.now(java.time.ZoneOffset.UTC)).append('\n');
    out.append("residual_p10: ").append(number(fit.residualP10())).append('\n');
    out.append("residual_p90: ").append(number(fit.residualP90())).append('\n');
    out.append("constants:\n");
    for (Map.Entry<String, Double> e : fit.constants().entrySet()) {
      out.append("  ").append(e.getKey()).append(": ").append(number(e.getValue())).append('\n');
    }
    Path temp = Files.createTempFile(dir, ".fit", ".yaml.tmp");
    try {
      Files.writeString(temp, out, StandardCharsets.UTF_8);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
