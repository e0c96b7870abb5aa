package dev.devq.calibrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.devq.lang.AtomicReplace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a fit to {@code calibration/fit.yaml}, or {@code calibration/runtimes.yaml} when it fitted
 * the constants of llama.cpp and ExecuTorch, atomically ({@link AtomicReplace}).
 */
public final class CalibrationWriter {
  /** Core ML's fitted constants. */
  public static final String CORE_ML = "fit.yaml";

  /** The fitted constants of llama.cpp and ExecuTorch, fitted on their own measurements. */
  public static final String RUNTIMES = "runtimes.yaml";

  /** Comment lines wrap before this many characters. */
  private static final int WIDTH = 100;

  /**
   * Writes a text as one double-quoted YAML scalar on one line: the YAML library escapes what a
   * file name may hold (quotes, backslashes, line breaks, a colon), which hand escaping missed.
   */
  private static final YAMLMapper SCALAR =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .disable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .disable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
          .build();

  private CalibrationWriter() {}

  /**
   * Writes {@code fit}; a fit of llama.cpp and ExecuTorch also records {@code scope}, what its rows
   * measured ({@link FittedScope}), which a fit of Core ML leaves out.
   */
  public static Path write(
      Path profiles,
      Calibrator.Fit fit,
      String fittedOn,
      Map<String, Map<String, List<String>>> scope)
      throws IOException {
    Path dir = profiles.resolve("calibration");
    Files.createDirectories(dir);
    Path target = dir.resolve(fit.runtimes() ? RUNTIMES : CORE_ML);
    var out = new StringBuilder();
    out.append(
        "# Written by `devq calibrate`: the cost model's fitted constants. Refit rather than edit.\n");
    comment(
        out,
        "residual_p10/p90: measured ÷ predicted at the 10th and 90th percentile of "
            + fit.rangeFrom()
            + (fit.runtimes()
                ? ": the 80% range of every llama.cpp and ExecuTorch prediction"
                    + " (range.<runtime>.<units>.p10/p90 per runtime and compute-unit setting"
                    + " with enough rows from two sources or more; a setting one source alone"
                    + " measures spans the pooled range, its own held-out rows' and those of its"
                    + " chip families left out one at a time; the pooled figures for the others)."
                : " (range.<units>.p10/p90 per compute-unit setting with enough rows, keyed by"
                    + " the setting asked less a Neural Engine the chip does not open to Core ML:"
                    + " an A11's cpu_and_ne reads cpu_only's range, its all cpu_and_gpu's; the"
                    + " pooled figures for the others): the 80% range of every prediction."));
    if (fit.runtimes()) {
      comment(
          out,
          "scope: per runtime and compute-unit setting, each kind of model its rows measured"
              + " (decoder: a language model's step over a KV cache; one_pass: a model that takes"
              + " its input in one pass) and those models: a prediction of a kind its setting"
              + " lacks gets no 80% range from these rows.");
    }
    if (!fit.converged()) {
      // a forced write of a fit the cap stopped: whoever reads the file should know
      comment(
          out,
          "NOT CONVERGED: the fitter stopped at its cap of "
              + fit.iterations()
              + " iterations with the predictions still moving; refit with a higher"
              + " --max-iterations.");
    }
    out.append("fitted_on: ")
        .append(scalar(fittedOn + " (" + fit.rows() + (fit.rows() == 1 ? " row)" : " rows)")))
        .append('\n');
    out.append("fitted_at: ").append(LocalDate.now(java.time.ZoneOffset.UTC)).append('\n');
    out.append("residual_p10: ").append(number(fit.residualP10())).append('\n');
    out.append("residual_p90: ").append(number(fit.residualP90())).append('\n');
    out.append("constants:\n");
    for (Map.Entry<String, Double> e : fit.constants().entrySet()) {
      out.append("  ").append(e.getKey()).append(": ").append(number(e.getValue())).append('\n');
    }
    if (fit.runtimes() && !scope.isEmpty()) {
      out.append("scope:\n");
      scope.forEach(
          (setting, kinds) -> {
            out.append("  ").append(setting).append(":\n");
            kinds.forEach(
                (kind, models) ->
                    out.append("    ")
                        .append(kind)
                        .append(": [")
                        .append(String.join(", ", models))
                        .append("]\n"));
          });
    }
    AtomicReplace.write(target, out.toString().getBytes(StandardCharsets.UTF_8));
    return target;
  }

  /** {@code text} as comment lines of at most {@link #WIDTH} characters. */
  static void comment(StringBuilder out, String text) {
    var line = new StringBuilder("#");
    for (String word : text.split(" ")) {
      if (line.length() > 1 && line.length() + 1 + word.length() > WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder("#");
      }
      line.append(' ').append(word);
    }
    out.append(line).append('\n');
  }

  /** {@code text} as a YAML scalar that reads back as {@code text}. */
  static String scalar(String text) {
    try {
      return SCALAR.writeValueAsString(text).strip();
    } catch (JsonProcessingException e) {
      // a String always serialises; this would be a bug in the YAML library
      throw new IllegalStateException(e);
    }
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.6g", v);
  }
}
