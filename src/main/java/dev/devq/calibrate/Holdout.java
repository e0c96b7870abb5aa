package dev.devq.calibrate;

import dev.devq.cost.CostModel;
import dev.devq.cost.Prediction;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Remembered;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.lang.Suggestions;
import dev.devq.query.eval.Interpreter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Out-of-sample validation: the rows are grouped by a CSV column (a publication's table, a device),
 * and each group is predicted by a fit on all the other groups. The error it reports is what to
 * expect for a measurement the calibration has not seen.
 */
public final class Holdout {
  /**
   * The grouping by chip generation ({@link dev.devq.kb.Soc#generation()}: M1, M2, …, A19), taken
   * from the knowledge base when the CSV has no column of this name.
   */
  public static final String FAMILY = "family";

  private Holdout() {}

  /**
   * Folds already run. A refit per group takes a minute or two, and one engine may be asked for the
   * same folds again: the accuracy report ({@code Devq.accuracy}, {@code validate --report}) and
   * the 80% ranges of a calibration ({@code Devq.calibrate}, {@code --ranges-only}) run the same
   * holdouts of the same rows, and the tests of the shipped fit share one engine. Folds are a
   * function of the engine's cost model (by identity: its knowledge base and constants), the rows
   * as read, the holdout and the cap; a few are kept per engine, for as long as the engine is.
   */
  private static final Map<CostModel, Remembered<FoldsKey, Folds>> RUN =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Per engine (its cost model), so that folds run on other engines do not push them out. */
  private static final int KEPT_PER_ENGINE = 4;

  private record FoldsKey(List<RowKey> rows, String column, int maxIterations) {}

  /** A row as read: its file and line, expression, measurement and cells. */
  private record RowKey(
      String file, int line, String expr, double measuredMs, Map<String, String> columns) {
    static RowKey of(Measurements.Row r) {
      return new RowKey(r.exprSource().name(), r.line(), r.expr(), r.measuredMs(), r.columns());
    }
  }

  /**
   * Validates every row with the calibration refitted without its group. Rows whose column is empty
   * form one group of their own. {@link #FAMILY} without such a column groups by the SoC's
   * generation.
   */
  public static Validation.Report run(Interpreter devq, Measurements m, String column) {
    return folds(devq, m, column, Calibrator.MAX_ITERATIONS).report();
  }

  /**
   * The held-out rows and the groups whose fit stopped at the iteration cap before converging
   * ({@link Calibrator.Stop#CAP}): their rows were predicted by constants the fitter was still
   * moving.
   */
  public record Folds(Validation.Report report, int groups, List<String> stoppedAtCap) {
    public Folds {
      stoppedAtCap = List.copyOf(stoppedAtCap);
    }
  }

  /**
   * {@link #run}, each group's fit taking at most {@code maxIterations}; folds run before on the
   * same engine, rows, holdout and cap are not run again ({@link #RUN}).
   */
  public static Folds folds(Interpreter devq, Measurements m, String column, int maxIterations) {
    if (!m.diagnostics().isEmpty()) {
      return compute(devq, m, column, maxIterations);
    }
    var key = new FoldsKey(m.rows().stream().map(RowKey::of).toList(), column, maxIterations);
    var kept =
        RUN.computeIfAbsent(devq.engine().costModel(), e -> new Remembered<>(KEPT_PER_ENGINE));
    return kept.get(key, k -> compute(devq, m, column, maxIterations));
  }

  private static Folds compute(Interpreter devq, Measurements m, String column, int maxIterations) {
    Validation.Report inSample = Validation.run(devq, m);
    List<Diagnostic> problems = new ArrayList<>(inSample.diagnostics());
    boolean byGeneration = byGeneration(m, column);
    if (!byGeneration && !m.rows().isEmpty() && !m.rows().get(0).columns().containsKey(column)) {
      // the row's columns leave out expr and measured_ms, which cannot group rows: with nothing
      // else, say what to add rather than list nothing
      Set<String> others = m.rows().get(0).columns().keySet();
      problems.add(
          Diagnostic.error(
                  DiagnosticCode.BAD_VALUE,
                  "the CSV has no column '" + column + "' to group rows by",
                  new SourceText(m.file(), ""),
                  Span.at(0))
              .withNote(Suggestions.didYouMean(column, others))
              .withNote(
                  others.isEmpty()
                      ? "it has only expr and measured_ms: add a column such as source, or use"
                          + " --holdout "
                          + FAMILY
                      : "columns to group by: " + String.join(", ", others)));
      return new Folds(
          new Validation.Report(
              List.of(), problems, Validation.Summary.of(List.of()), Map.of(), Map.of()),
          0,
          List.of());
    }
    Map<String, List<Validation.RowResult>> groups = new LinkedHashMap<>();
    for (Validation.RowResult r : inSample.results()) {
      groups.computeIfAbsent(group(r, column, byGeneration), k -> new ArrayList<>()).add(r);
    }
    List<Validation.RowResult> results = new ArrayList<>();
    List<String> stoppedAtCap = new ArrayList<>();
    for (Map.Entry<String, List<Validation.RowResult>> group : groups.entrySet()) {
      List<Validation.RowResult> held = group.getValue();
      List<Validation.RowResult> train = new ArrayList<>(inSample.results());
      train.removeAll(held);
      CostModel refit = devq.engine().costModel();
      if (!train.isEmpty()) {
        Calibrator.Fit fit = Calibrator.fit(devq, train, maxIterations, Unmoved.NEUTRAL);
        if (!fit.converged()) {
          stoppedAtCap.add(group.getKey());
        }
        refit = refit.with(fit.constants());
      }
      for (Validation.RowResult r : held) {
        results.add(repredict(r, refit));
      }
    }
    return new Folds(Validation.report(results, problems), groups.size(), stoppedAtCap);
  }

  /** How many groups {@code column} makes of the rows: with one, nothing can be held out. */
  public static long groups(Measurements m, List<Validation.RowResult> rows, String column) {
    boolean byGeneration = byGeneration(m, column);
    return rows.stream().map(r -> group(r, column, byGeneration)).distinct().count();
  }

  /** The held-out group of a row: its value of {@code column}, or its SoC's generation. */
  public static String group(Validation.RowResult r, String column, boolean byGeneration) {
    if (byGeneration) {
      return r.estimate() == null ? "" : r.estimate().target().soc().generation();
    }
    return r.row().columns().getOrDefault(column, "");
  }

  /**
   * Whether {@code column} groups by the SoC's generation: {@link #FAMILY}, absent from the CSV.
   */
  public static boolean byGeneration(Measurements m, String column) {
    return FAMILY.equals(column)
        && (m.rows().isEmpty() || !m.rows().get(0).columns().containsKey(column));
  }

  /**
   * The row's prediction with another cost model: the estimate inside the expression is replaced,
   * anything added around it ({@code latency(m, d) + 2ms}) is kept.
   */
  private static Validation.RowResult repredict(Validation.RowResult r, CostModel refit) {
    Prediction e = r.estimate();
    if (e == null) {
      return r;
    }
    double before = e.warmLatency() * 1000;
    double after = r.reestimate(refit).warmLatency() * 1000;
    double predicted = r.predictedMs() - before + after;
    double measured = r.row().measuredMs();
    return new Validation.RowResult(
        r.row(), predicted, (predicted - measured) / measured, e, r.units(), r.os());
  }
}
