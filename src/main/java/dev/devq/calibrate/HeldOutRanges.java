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
 *
 * <p>Core ML's ranges pool the rows of every holdout that ran ({@link #perUnits}): held out by
 * source and held out by chip generation, each group of either weighing the same. A new measurement
 * may come from a publication the fit has not seen or from a device it has not seen; the range
 * built on sources alone held 65% of the rows held out by generation.
 *
 * <p>A runtime's setting measured by one source alone has no spread between sources of its own:
 * with that source held out nothing pins its constants, which fall back to the fitter's neutral
 * start, so its held-out rows say how far an unfitted model lands, not how far the fitted one does
 * from a new source. Its range is the envelope of what the evidence shows: the spread between
 * sources pooled over every setting, its own held-out rows, and the spread within its source when
 * its chips are held out one family at a time ({@link #perRuntime}). Never the narrowest of them.
 */
public final class HeldOutRanges {
  /** Fewer rows than this give no stable 10th and 90th percentile of their own. */
  static final int MIN_ROWS = 8;

  /** Fewer sources than this give no spread between sources of their own. */
  static final int MIN_SOURCES = 2;

  private HeldOutRanges() {}

  /**
   * Rows predicted by fits that left their group out, and the group each belongs to: {@code by}
   * names the holdout ({@code source}, {@code family}), so that groups of two holdouts that share a
   * name stay apart when they are pooled.
   */
  public record HeldOut(
      String by, List<Validation.RowResult> rows, Function<Validation.RowResult, String> group) {
    public HeldOut {
      rows = List.copyOf(rows);
    }
  }

  /** A held-out row and the group of its holdout, named with the holdout ({@code source: …}). */
  private record Grouped(Validation.RowResult result, String group) {}

  /**
   * Range constants per unit setting with enough rows, the rows of every holdout pooled and each
   * held-out group weighing the same; each row counted under the setting whose range its prediction
   * reads ({@link dev.devq.cost.UnitSet#effective}). A row held out by two holdouts counts once
   * toward {@link #MIN_ROWS}: a second prediction of it is no second measurement.
   */
  public static Map<String, Double> perUnits(List<HeldOut> holdouts) {
    Map<String, Double> out = new LinkedHashMap<>();
    Map<String, List<Grouped>> bySetting = new LinkedHashMap<>();
    for (Grouped g : pool(holdouts)) {
      String key = rangeSetting(g.result());
      if (!key.isEmpty()) {
        bySetting.computeIfAbsent(key, k -> new ArrayList<>()).add(g);
      }
    }
    bySetting.forEach(
        (key, rows) -> {
          if (rows.stream().map(g -> g.result().row()).distinct().count() >= MIN_ROWS) {
            put(out, key, weighted(rows));
          }
        });
    return out;
  }

  /**
   * The 10th and 90th percentile of measured ÷ predicted over the rows of every holdout pooled,
   * each held-out group weighing the same: the range of a setting without one of its own.
   */
  public static double[] pooled(List<HeldOut> holdouts) {
    return weighted(pool(holdouts));
  }

  private static List<Grouped> pool(List<HeldOut> holdouts) {
    List<Grouped> out = new ArrayList<>();
    for (HeldOut h : holdouts) {
      h.rows().forEach(r -> out.add(new Grouped(r, h.by() + ": " + h.group().apply(r))));
    }
    return out;
  }

  /**
   * Range constants per runtime and unit setting ({@code range.llama_cpp.cpu_and_gpu.p10}), apart
   * from Core ML's per-units keys: a setting whose held-out rows come from {@link #MIN_SOURCES}
   * sources or more, {@link #MIN_ROWS} rows or more, takes their range; one measured by a single
   * source the envelope of the pooled range of {@code heldOut}, its own held-out rows' and its rows
   * of {@code withinSource} (held out by chip family: the spread across chips inside its source,
   * empty when that holdout did not run). A setting of several sources and too few rows takes the
   * pooled figures when it is read.
   */
  public static Map<String, Double> perRuntime(
      List<Validation.RowResult> heldOut,
      List<Validation.RowResult> withinSource,
      Function<Validation.RowResult, String> source) {
    return perRuntime(heldOut, withinSource, source, HeldOutRanges::runtimeKey);
  }

  static Map<String, Double> perRuntime(
      List<Validation.RowResult> heldOut,
      List<Validation.RowResult> withinSource,
      Function<Validation.RowResult, String> source,
      Function<Validation.RowResult, String> setting) {
    double[] pooled = range(heldOut, source);
    Map<String, List<Validation.RowResult>> within = byKey(withinSource, setting);
    Map<String, Double> out = new LinkedHashMap<>();
    byKey(heldOut, setting)
        .forEach(
            (key, rows) -> {
              long sources = rows.stream().map(source).distinct().count();
              if (sources >= MIN_SOURCES) {
                if (rows.size() >= MIN_ROWS) {
                  put(out, key, range(rows, source));
                }
                return;
              }
              double[] own = range(rows, source);
              double[] spread = envelope(pooled, own);
              List<Validation.RowResult> chips = within.getOrDefault(key, List.of());
              put(out, key, chips.isEmpty() ? spread : envelope(spread, range(chips, source)));
            });
    return out;
  }

  /**
   * The setting whose range the row's prediction reads ({@link dev.devq.cost.UnitSet#effective});
   * the row's own setting where it carries no estimate to read the chip from.
   */
  private static String rangeSetting(Validation.RowResult r) {
    return r.estimate() == null ? r.units() : r.estimate().rangeSetting().key();
  }

  /** The runtime and the unit it ran on, "" for a row without an estimate. */
  private static String runtimeKey(Validation.RowResult r) {
    return r.estimate() == null || r.units().isEmpty()
        ? ""
        : r.estimate().conditions().runtimeRangeKey();
  }

  private static Map<String, List<Validation.RowResult>> byKey(
      List<Validation.RowResult> rows, Function<Validation.RowResult, String> group) {
    Map<String, List<Validation.RowResult>> out = new LinkedHashMap<>();
    for (Validation.RowResult r : rows) {
      String key = group.apply(r);
      if (!key.isEmpty()) {
        out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
      }
    }
    return out;
  }

  private static void put(Map<String, Double> out, String key, double[] range) {
    out.put("range." + key + ".p10", range[0]);
    out.put("range." + key + ".p90", range[1]);
  }

  private static double[] envelope(double[] a, double[] b) {
    return new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
  }

  /**
   * The 10th and 90th percentile of measured ÷ predicted over {@code rows}, each row weighted by
   * one over its source's count of rows.
   */
  public static double[] range(
      List<Validation.RowResult> rows, Function<Validation.RowResult, String> source) {
    return weighted(rows.stream().map(r -> new Grouped(r, source.apply(r))).toList());
  }

  /** The 10th and 90th percentile of measured ÷ predicted, each group weighing the same. */
  private static double[] weighted(List<Grouped> rows) {
    Map<String, Integer> count = new HashMap<>();
    rows.forEach(g -> count.merge(g.group(), 1, Integer::sum));
    double[][] weighted =
        rows.stream()
            .map(g -> new double[] {ratio(g.result()), 1.0 / count.get(g.group())})
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
