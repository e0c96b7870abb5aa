package dev.devq.calibrate;

import dev.devq.lang.Diagnostic;
import dev.devq.query.eval.Interpreter;
import java.util.List;
import java.util.Map;

/**
 * How well the cost model predicts measurements it was not fitted on: leave one group out (by
 * default one {@code source}, a publication), refit on the rest, predict the group; then the
 * held-out errors overall, by fidelity, per source, per compute-unit setting and per model family,
 * next to the in-sample figure (reported, never the bar). {@code devq validate --report} prints it.
 *
 * @param column the CSV column whose groups were held out in turn
 * @param inSample errors of the calibration in force on every row (it has seen them all)
 * @param heldOut errors of each row predicted by a fit that never saw its group
 * @param rangeCoverage share of held-out rows whose measurement lies in the prediction's 80% range
 */
public record AccuracyReport(
    String column,
    Validation.Summary inSample,
    Validation.Summary heldOut,
    Map<String, Validation.Summary> byFidelity,
    Map<String, Validation.Summary> bySource,
    Map<String, Validation.Summary> byUnits,
    Map<String, Validation.Summary> byFamily,
    double rangeCoverage,
    List<Validation.RowResult> rows,
    List<Diagnostic> diagnostics) {
  public AccuracyReport {
    rows = List.copyOf(rows);
    diagnostics = List.copyOf(diagnostics);
  }

  /** Runs the in-sample validation and the leave-one-group-out validation by {@code column}. */
  public static AccuracyReport run(Interpreter devq, Measurements m, String column) {
    Validation.Report inSample = Validation.run(devq, m);
    Validation.Report held = Holdout.run(devq, m, column);
    List<Validation.RowResult> rows = held.results();
    boolean byGeneration = Holdout.byGeneration(m, column);
    return new AccuracyReport(
        column,
        inSample.overall(),
        held.overall(),
        held.byFidelity(),
        // the groups held out, as the folds made them: --holdout family without such a column
        // groups by the SoC's generation, which no row's columns hold
        Validation.groupBy(rows, r -> Holdout.group(r, column, byGeneration)),
        held.byUnits(),
        Validation.groupBy(rows, r -> r.estimate() == null ? "" : r.estimate().model().id()),
        coverage(rows),
        rows,
        held.diagnostics());
  }

  /**
   * The share of rows whose measurement lies within the 80% range around the (held-out) prediction:
   * near 80% when the ranges mean what they say.
   */
  static double coverage(List<Validation.RowResult> rows) {
    return Validation.rangeHits(rows).share();
  }
}
