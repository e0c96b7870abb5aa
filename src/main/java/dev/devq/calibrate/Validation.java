package dev.devq.calibrate;

import dev.devq.cost.CannotRun;
import dev.devq.cost.CostModel;
import dev.devq.cost.Prediction;
import dev.devq.kb.OsVersion;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.Dimensions;
import dev.devq.lang.unit.QuantityFormat;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Predictions against measurements: every row's prediction and signed error, and summaries of the
 * absolute errors overall, by {@code fidelity} and by compute units when the CSV has them.
 */
public final class Validation {
  private Validation() {}

  /**
   * One row: what devq predicts, what was measured, and {@code (predicted - measured) / measured}.
   */
  public record RowResult(
      Measurements.Row row,
      double predictedMs,
      double error,
      Prediction estimate,
      String units,
      OsVersion os) {
    /**
     * Whether the row's prediction has an 80% range ({@link Prediction#hasRange}): a pipeline's row
     * has no estimate and none.
     */
    public boolean hasRange() {
      return estimate != null && estimate.hasRange();
    }

    /**
     * The low end of the row's 80% range, in ms, as {@link Prediction#latencyLow} makes it: the
     * warm part spread ({@link Prediction#rangeEnd}), and a load's ranged parts (a generic storage
     * read, a first launch's compile) at their own low ends.
     */
    public double lowMs() {
      return Prediction.rangeEnd(predictedMs, warmMs(), estimate.rangeLow())
          + estimate.loadLowShift() * 1000;
    }

    /** The high end of the row's 80% range, in ms ({@link #lowMs}). */
    public double highMs() {
      return Prediction.rangeEnd(predictedMs, warmMs(), estimate.rangeHigh())
          + estimate.loadHighShift() * 1000;
    }

    /**
     * The part of the row's prediction the range spreads: all of it but the load time a cold or
     * first start adds, which the prediction keeps as it is.
     */
    private double warmMs() {
      return predictedMs - (estimate.latency() - estimate.warmLatency()) * 1000;
    }

    /** This row's estimate under another cost model, on the OS it was measured on. */
    public Prediction reestimate(CostModel model) {
      return model.estimate(estimate.model(), estimate.target(), estimate.conditions(), os);
    }
  }

  /** {@code rows}, median absolute error and the shares within ±10/25/50%, as fractions. */
  public record Summary(
      int rows, double medianApe, double within10, double within25, double within50) {
    static Summary of(List<RowResult> results) {
      double[] ape = results.stream().mapToDouble(r -> Math.abs(r.error())).sorted().toArray();
      if (ape.length == 0) {
        return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
      }
      return new Summary(
          ape.length, Quantiles.median(ape), share(ape, 0.10), share(ape, 0.25), share(ape, 0.50));
    }

    private static double share(double[] ape, double limit) {
      return Arrays.stream(ape).filter(a -> a <= limit + 1e-12).count() / (double) ape.length;
    }
  }

  /**
   * How many rows' measurements lie within the 80% range around their prediction, of the rows with
   * a range ({@link RowResult#hasRange}).
   */
  public record RangeHits(int inside, int counted) {
    /**
     * The share inside, NaN without a row to count: near 80% when the ranges mean what they say.
     */
    public double share() {
      return counted == 0 ? Double.NaN : inside / (double) counted;
    }
  }

  public static RangeHits rangeHits(List<RowResult> rows) {
    int counted = 0;
    int inside = 0;
    for (RowResult r : rows) {
      if (!r.hasRange()) {
        continue;
      }
      counted++;
      double measured = r.row().measuredMs();
      // an end met to the last bits is inside: the ends are sums that round
      if (measured >= r.lowMs() * (1 - 1e-12) && measured <= r.highMs() * (1 + 1e-12)) {
        inside++;
      }
    }
    return new RangeHits(inside, counted);
  }

  public record Report(
      List<RowResult> results,
      List<Diagnostic> diagnostics,
      Summary overall,
      Map<String, Summary> byFidelity,
      Map<String, Summary> byUnits) {
    public Report {
      results = List.copyOf(results);
      diagnostics = List.copyOf(diagnostics);
    }
  }

  public static Report run(Interpreter devq, Measurements m) {
    List<RowResult> results = new ArrayList<>();
    List<Diagnostic> problems = new ArrayList<>(m.diagnostics());
    for (Measurements.Row row : m.rows()) {
      try {
        RowResult r = predict(devq, row);
        if (r != null) {
          results.add(r);
        }
      } catch (RowError e) {
        problems.add(e.diagnostic);
      }
    }
    return report(results, problems);
  }

  /** A report of row results with its summaries. */
  static Report report(List<RowResult> results, List<Diagnostic> problems) {
    return new Report(
        results, problems, Summary.of(results), group(results, "fidelity"), byUnits(results));
  }

  static RowResult predict(Interpreter devq, Measurements.Row row) {
    Interpreter.Explained x = devq.evaluate(row.exprSource(), Session.EMPTY);
    if (!x.diagnostics().isEmpty()) {
      throw new RowError(x.diagnostics().get(0));
    }
    if (x.value() instanceof Value.CannotRunV refused) {
      // a measurement of a model that cannot run on its target is a wrong row, not a prediction;
      // a release its target never runs is pointed at where the row asks for it
      throw new RowError(
          Diagnostic.error(
              DiagnosticCode.UNSUPPORTED,
              "cannot run: " + refused.why().reason(),
              row.exprSource(),
              refused.why() instanceof CannotRun.Release ? refused.at() : row.exprSpan()));
    }
    if (!(x.value() instanceof Value.QuantityV q)
        || !q.quantity().dimension().equals(Dimensions.TIME)) {
      throw new RowError(
          Diagnostic.error(
              DiagnosticCode.TYPE_MISMATCH,
              "expr must be one expression that yields a time",
              row.exprSource(),
              row.exprSpan()));
    }
    double predicted = q.quantity().value() * 1000;
    // Only single-model rows can be re-estimated by the calibration fit; pipelines are validated
    // only.
    Prediction est = x.estimate() instanceof Prediction e ? e : null;
    String units = x.estimate() == null ? "" : x.estimate().conditions().units().key();
    // a macOS row is placed under its macOS release with its iOS counterpart's constants
    OsVersion os = row.measuredOn();
    if (est != null && os != null) {
      // the row was measured on a named release: the estimate inside the expression is redone for
      // it
      Prediction onOs =
          devq.engine().costModel().estimate(est.model(), est.target(), est.conditions(), os);
      predicted += (onOs.warmLatency() - est.warmLatency()) * 1000;
      est = onOs;
    }
    double error = (predicted - row.measuredMs()) / row.measuredMs();
    if (!Double.isFinite(error)) {
      // a prediction a double cannot divide by the measurement (1e305 ms against 1 ns): its error
      // is no number, and one infinite error would make the median and the shares meaningless
      throw new RowError(
          Diagnostic.error(
              DiagnosticCode.NOT_FINITE,
              "the prediction, "
                  + QuantityFormat.number(predicted)
                  + " ms, is too large to compare with the measured "
                  + QuantityFormat.number(row.measuredMs())
                  + " ms",
              row.exprSource(),
              row.exprSpan()));
    }
    return new RowResult(row, predicted, error, est, units, os);
  }

  private static Map<String, Summary> group(List<RowResult> results, String column) {
    return groupBy(results, r -> r.row().columns().getOrDefault(column, ""));
  }

  private static Map<String, Summary> byUnits(List<RowResult> results) {
    return groupBy(results, RowResult::units);
  }

  /** Summaries of the rows grouped by a key, in first-seen order; rows with an empty key skip. */
  static Map<String, Summary> groupBy(List<RowResult> results, Function<RowResult, String> key) {
    Map<String, List<RowResult>> groups = new LinkedHashMap<>();
    for (RowResult r : results) {
      String k = key.apply(r);
      if (!k.isEmpty()) {
        groups.computeIfAbsent(k, x -> new ArrayList<>()).add(r);
      }
    }
    Map<String, Summary> out = new LinkedHashMap<>();
    groups.forEach((k, v) -> out.put(k, Summary.of(v)));
    return out;
  }

  /** A row that cannot be predicted; reported with its position, the other rows go on. */
  static final class RowError extends RuntimeException {
    final transient Diagnostic diagnostic;

    RowError(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }
}
