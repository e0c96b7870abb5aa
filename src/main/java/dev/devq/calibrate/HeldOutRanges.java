package dev.devq.calibrate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The 80% range of a prediction, from held-out residuals: measured ÷ predicted of rows that a fit
 * without their group predicted, at the 10th and 90th percentile, per compute-unit setting.
 * In-sample residuals are narrower than the error a new measurement meets, so ranges built on them
 * would hold less often than they say.
 *
 * <p>The constants are {@code range.<units>.p10} and {@code range.<units>.p90} for Core ML, {@code
 * range.<runtime>.<units>.p10} and {@code .p90} for llama.cpp and ExecuTorch; a setting with fewer
 * than {@link #MIN_ROWS} held-out rows takes the pooled figures, which the calibration file keeps
 * as {@code residual_p10} and {@code residual_p90}.
 *
 * <p>Each held-out group (a source, by default) weighs the same in the percentiles, however many
 * rows it brings: the range is for a measurement from a source the fit has not seen, and what such
 * a source meets is the spread between sources. Counted row by row, one precise source of thirty
 * rows (Apple's own tables, within 5%) would narrow the range every other source falls outside of.
 */
public final class HeldOutRanges {
  /** Fewer rows than this give no stable 10th and 90th percentile of their own. */
  static final int MIN_ROWS = 8;

  private HeldOutRanges() {}

  /** Range constants per unit setting with enough rows. */
  public static Map<String, Double> perUnits(
      List<Validation.RowResult> heldOut, Function<Validation.RowResult, String> source) {
    return per(heldOut, Validation.RowResult::units, source);
  }

  /**
   * Range constants per runtime and unit setting with enough rows ({@code
   * range.llama_cpp.cpu_and_gpu.p10}), apart from Core ML's per-units keys.
   */
  public static Map<String, Double> perRuntime(
      List<Validation.RowResult> heldOut, Function<Validation.RowResult, String> source) {
    return per(
        heldOut,
        r ->
            r.estimate() == null || r.units().isEmpty()
                ? ""
                : r.estimate().conditions().runtimeRangeKey(),
        source);
  }

  private static Map<String, Double> per(
      List<Validation.RowResult> heldOut,
      Function<Validation.RowResult, String> group,
      Function<Validation.RowResult, String> source) {
    Map<String, List<Validation.RowResult>> rows = new LinkedHashMap<>();
    for (Validation.RowResult r : heldOut) {
      String key = group.apply(r);
      if (!key.isEmpty()) {
        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    rows.forEach(
        (key, list) -> {
          if (list.size() >= MIN_ROWS) {
            double[] range = range(list, source);
            out.put("range." + key + ".p10", range[0]);
            out.put("range." + key + ".p90", range[1]);
          }
        });
    return out;
  }

  /**
   * The 10th and 90th percentile of measured ÷ predicted over {@code rows}, each row weighted by
   * one over its source's count of rows.
   */
  public static double[] range(
      List<Validation.RowResult> rows, Function<Validation.RowResult, String> source) {
    Map<String, Integer> count = new HashMap<>();
    rows.forEach(r -> count.merge(source.apply(r), 1, Integer::sum));
    double[][] weighted =
        rows.stream()
            .map(r -> new double[] {ratio(r), 1.0 / count.get(source.apply(r))})
            .sorted(Comparator.comparingDouble(w -> w[0]))
            .toArray(double[][]::new);
    return containing(Quantiles.weighted(weighted, 0.10), Quantiles.weighted(weighted, 0.90));
  }

  /**
   * An 80% range as the profiles take one ({@code CalibrationReader}): around its estimate (a low
   * end at most 1, a high end at least 1, which rows all on one side of their predictions would not
   * give) and within two orders of magnitude of it.
   */
  static double[] containing(double low, double high) {
    return new double[] {Math.max(0.01, Math.min(1, low)), Math.min(100, Math.max(1, high))};
  }

  private static double ratio(Validation.RowResult r) {
    return r.row().measuredMs() / r.predictedMs();
  }
}
