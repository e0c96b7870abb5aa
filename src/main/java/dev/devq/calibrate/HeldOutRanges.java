package dev.devq.calibrate;

import java.util.ArrayList;
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
 */
public final class HeldOutRanges {
  /** Fewer rows than this give no stable 10th and 90th percentile of their own. */
  static final int MIN_ROWS = 8;

  private HeldOutRanges() {}

  /** Range constants per unit setting with enough rows. */
  public static Map<String, Double> perUnits(List<Validation.RowResult> heldOut) {
    return per(heldOut, Validation.RowResult::units);
  }

  /**
   * Range constants per runtime and unit setting with enough rows ({@code
   * range.llama_cpp.cpu_and_gpu.p10}), apart from Core ML's per-units keys.
   */
  public static Map<String, Double> perRuntime(List<Validation.RowResult> heldOut) {
    return per(
        heldOut,
        r ->
            r.estimate() == null || r.units().isEmpty()
                ? ""
                : r.estimate().conditions().runtime().key() + "." + r.units());
  }

  private static Map<String, Double> per(
      List<Validation.RowResult> heldOut, Function<Validation.RowResult, String> group) {
    Map<String, List<Double>> ratios = new LinkedHashMap<>();
    for (Validation.RowResult r : heldOut) {
      String key = group.apply(r);
      if (!key.isEmpty()) {
        ratios.computeIfAbsent(key, k -> new ArrayList<>()).add(ratio(r));
      }
    }
    Map<String, Double> out = new LinkedHashMap<>();
    ratios.forEach(
        (key, list) -> {
          if (list.size() >= MIN_ROWS) {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.put("range." + key + ".p10", quantile(sorted, 0.10));
            out.put("range." + key + ".p90", quantile(sorted, 0.90));
          }
        });
    return out;
  }

  /** The pooled 10th and 90th percentile of measured ÷ predicted over all rows. */
  public static double[] pooled(List<Validation.RowResult> heldOut) {
    double[] sorted = heldOut.stream().mapToDouble(HeldOutRanges::ratio).sorted().toArray();
    return new double[] {quantile(sorted, 0.10), quantile(sorted, 0.90)};
  }

  private static double ratio(Validation.RowResult r) {
    return r.row().measuredMs() / r.predictedMs();
  }

  static double quantile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 1;
    }
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
