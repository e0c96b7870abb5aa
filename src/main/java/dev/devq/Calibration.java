package dev.devq;

import dev.devq.calibrate.CalibrationCheck;
import dev.devq.calibrate.CalibrationWriter;
import dev.devq.calibrate.Calibrator;
import dev.devq.calibrate.FittedScope;
import dev.devq.calibrate.HeldOutRanges;
import dev.devq.calibrate.Holdout;
import dev.devq.calibrate.Measurements;
import dev.devq.calibrate.Unmoved;
import dev.devq.calibrate.Validation;
import dev.devq.cost.CostModel;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.Suggestions;
import dev.devq.query.eval.Interpreter;
import dev.devq.view.ValidationView;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A fit of the cost model's constants to measurements ({@code devq calibrate}), not yet written:
 * the rows it refuses, the error before, the fitted constants, and the median error of the
 * constants in force and of the fit on the same rows, so the caller can refuse a worse fit.
 *
 * <pre>{@code
 * Calibration c = devq.calibrate(List.of(Path.of("mine.csv")), Calibration.MAX_ITERATIONS);
 * if (c.problems().isEmpty() && c.finite() && c.converged() && !c.worse()) c.write(Path.of("my-profiles"), "mine.csv");
 * }</pre>
 */
public final class Calibration {
  /** The iterations a fit may take unless the caller says otherwise. */
  public static final int MAX_ITERATIONS = Calibrator.MAX_ITERATIONS;

  private final Validation.Report before;
  private final List<Diagnostic> problems;
  private final Interpreter interpreter;
  private final Measurements measurements;
  private Calibrator.Fit fit;
  private final double inForce;
  private final double fitted;
  private final int maxIterations;

  /**
   * A fit of {@code csv}'s rows, or with {@code keepConstants} the constants in force kept as they
   * are ({@link Calibrator#inForce}), whose 80% range {@link #heldOutRanges} recomputes.
   */
  Calibration(
      Interpreter interpreter,
      CostModel model,
      List<Path> csv,
      int maxIterations,
      boolean keepConstants) {
    this.interpreter = interpreter;
    this.maxIterations = maxIterations;
    this.measurements = Measurements.read(csv);
    before = Validation.run(interpreter, measurements);
    List<Diagnostic> all = new ArrayList<>(before.diagnostics());
    all.addAll(CalibrationCheck.unfittable(before.results()));
    all.addAll(CalibrationCheck.mixed(before.results()));
    problems = List.copyOf(all);
    if (problems.isEmpty() && !before.results().isEmpty()) {
      fit =
          keepConstants
              ? Calibrator.inForce(interpreter, before.results())
              : Calibrator.fit(interpreter, before.results(), maxIterations, Unmoved.IN_FORCE);
      boolean finite = CalibrationCheck.finite(fit);
      inForce = finite ? CalibrationCheck.medianError(model, Map.of(), before.results()) : 0;
      fitted = finite ? CalibrationCheck.medianError(model, fit.constants(), before.results()) : 0;
    } else {
      fit = null;
      inForce = 0;
      fitted = 0;
    }
  }

  /**
   * What is wrong with {@code --holdout COLUMN} for these CSVs, or empty: a column their header
   * lacks (other than {@code family}, the SoC's generation without one) gave the fit's own,
   * in-sample residuals as its 80% range, said only after the fit had run. Checked before fitting;
   * files that cannot be read are left to the fit's own errors.
   */
  public static String holdoutProblem(List<Path> csv, String column) {
    if (column == null) {
      return "";
    }
    List<String> columns = Measurements.read(csv).columns();
    if (columns.isEmpty() || columns.contains(column) || Holdout.FAMILY.equals(column)) {
      return "";
    }
    List<String> choices = new ArrayList<>(columns);
    choices.add(Holdout.FAMILY);
    String near = Suggestions.closest(column, choices);
    return "--holdout names no column of the CSV, found '"
        + column
        + "'; its columns are "
        + String.join(", ", columns)
        + " ("
        + Holdout.FAMILY
        + " without a column groups by the SoC's generation)"
        + (near.isEmpty() ? "" : "; " + Suggestions.meant(near));
  }

  /** Rows that cannot be read, predicted or fitted (not a bare estimate), by line. */
  public List<Diagnostic> problems() {
    return problems;
  }

  /** Whether the CSV holds no measurement row at all. */
  public boolean empty() {
    return before.results().isEmpty();
  }

  /** The validation summary line with the constants in force. */
  public String before() {
    return ValidationView.summary(before.overall());
  }

  /** Whether the fit reached finite constants (only then is there anything to write). */
  public boolean finite() {
    return fit != null && CalibrationCheck.finite(fit);
  }

  /**
   * Whether the fit converged: its last ten iterations moved no prediction by more than 0.1%, or no
   * step lowered the objective. False when it stopped at the iteration cap with the predictions
   * still moving: its constants are not the minimum.
   */
  public boolean converged() {
    return fit != null && fit.converged();
  }

  /** How the fit stopped, as a line: after how many iterations, and whether it converged. */
  public String stopped() {
    return stopped(fit.stop(), fit.iterations());
  }

  /** The line of {@link #stopped()}: each way a fit stops said as what it is. */
  static String stopped(Calibrator.Stop stop, int iterations) {
    return switch (stop) {
      case CONVERGED -> "converged after " + iterations(iterations);
      case NO_DESCENT ->
          "stopped after "
              + iterations(iterations)
              + ": no step lowers the objective, however damped (a minimum to the precision of"
              + " the numerical Jacobian)";
      case CAP ->
          "stopped at the cap of "
              + iterations(iterations)
              + " before converging: the predictions were still moving, so these"
              + " constants are not the fit's minimum";
      case KEPT -> "not run: the constants in force are kept, and only their 80% range is new";
    };
  }

  /** One line per fitted constant: its name and value, and whether the rows moved it. */
  public String constants() {
    var out = new StringBuilder();
    fit.constants()
        .forEach(
            (k, v) ->
                out.append(String.format(Locale.ROOT, "  %-22s %.4g", k, v))
                    .append(
                        fit.moved().contains(k) || fit.stop() == Calibrator.Stop.KEPT
                            ? ""
                            : "  (kept: no row moves it)")
                    .append('\n'));
    return out.toString();
  }

  /**
   * Whether the rows are fewer than the constants they move: the fit then rests on its prior as
   * much as on them, and each constant is not pinned by a measurement.
   */
  public boolean underdetermined() {
    // kept constants were pinned by the fit that wrote them, not by these rows alone
    return fit != null && fit.stop() != Calibrator.Stop.KEPT && fit.rows() < fit.moved().size();
  }

  /** "2 rows move 6 constants (eff.ane.other, bw_eff, …)", for the refusal of such a fit. */
  public String underdeterminedWhy() {
    return fit.rows()
        + (fit.rows() == 1 ? " row moves " : " rows move ")
        + fit.moved().size()
        + " constants ("
        + String.join(", ", fit.moved())
        + ")";
  }

  /** Median absolute error on these rows of the constants in force and of the fit, as a line. */
  public String comparison() {
    if (fit.stop() == Calibrator.Stop.KEPT) {
      return String.format(
          Locale.ROOT,
          "median abs error on these rows: %.1f%% (the constants in force)",
          inForce * 100);
    }
    return String.format(
        Locale.ROOT,
        "median abs error on these rows: %.1f%% in force, %.1f%% fitted",
        inForce * 100,
        fitted * 100);
  }

  /** Whether the fit is worse on its own rows than the constants in force. */
  public boolean worse() {
    return fitted > inForce;
  }

  /**
   * Gives the fit its 80% range from held-out residuals: each group of {@code column} predicted by
   * a fit on the others, as a new measurement would be; a null column holds out by source (for
   * llama.cpp and ExecuTorch rows without a source column, by chip family). Held out by another
   * column than chip family ({@code family}: the SoC's generation, from the knowledge base), the
   * rows are held out by chip family too. Core ML's ranges pool the two, each group of either
   * weighing the same: a new measurement may come from a publication or from a device the fit has
   * not seen ({@link HeldOutRanges#perUnits}). For llama.cpp and ExecuTorch, held out by source, a
   * runtime setting that one source alone measures has no spread between sources of its own, and
   * its range reaches as far as its chips' spread too ({@link HeldOutRanges#perRuntime}). Returns a
   * line saying which residuals the range rests on (the fit's own when the CSV has no such column
   * or the holdout cannot run).
   */
  public String heldOutRanges(String column) {
    String by =
        column != null
            ? column
            : fit.runtimes() && !hasColumn("source") ? Holdout.FAMILY : "source";
    boolean byGeneration = Holdout.byGeneration(measurements, by);
    if (measurements.rows().isEmpty()
        || (!byGeneration && !measurements.rows().get(0).columns().containsKey(by))) {
      return "80% range: the fit's own residuals (no '" + by + "' column)";
    }
    if (Holdout.groups(measurements, before.results(), by) < 2) {
      // one group: its "held-out" fit would be the one in force, which may have seen these rows
      return "80% range: the fit's own residuals (every row is in one '" + by + "' group)";
    }
    Holdout.Folds folds = Holdout.folds(interpreter, measurements, by, maxIterations);
    Validation.Report held = folds.report();
    List<String> foldsAtCap = new ArrayList<>(folds.stoppedAtCap());
    int groups = folds.groups();
    if (!held.diagnostics().isEmpty() || held.results().isEmpty()) {
      return "80% range: the fit's own residuals (the holdout did not run)";
    }
    String from =
        "rows held out by "
            + (byGeneration ? "chip family (the SoC's generation: M1, M2, …, A19)" : "'" + by + "'")
            + ", each group predicted by a fit on the others";
    HeldOutRanges.HeldOut byFamily = null;
    Validation.Report chipsHeld = null;
    if (!Holdout.FAMILY.equals(by) && (!fit.runtimes() || "source".equals(by))) {
      Holdout.Folds chips = Holdout.folds(interpreter, measurements, Holdout.FAMILY, maxIterations);
      if (chips.report().diagnostics().isEmpty() && chips.groups() >= 2) {
        boolean chipGeneration = Holdout.byGeneration(measurements, Holdout.FAMILY);
        chipsHeld = chips.report();
        foldsAtCap.addAll(chips.stoppedAtCap());
        groups += chips.groups();
        byFamily =
            new HeldOutRanges.HeldOut(
                Holdout.FAMILY,
                chipsHeld.results(),
                r -> Holdout.group(r, Holdout.FAMILY, chipGeneration));
        from +=
            fit.runtimes()
                ? "; a setting one source alone measures, by chip family too"
                : "; pooled with the rows held out by chip family, each group of either weighing"
                    + " the same";
      }
    }
    fit =
        fit.withHeldOutRanges(
            new HeldOutRanges.HeldOut(by, held.results(), r -> Holdout.group(r, by, byGeneration)),
            byFamily,
            from);
    StringBuilder out =
        new StringBuilder("80% range: residuals of ")
            .append(from)
            .append(" (")
            .append(ValidationView.summary(held.overall()))
            .append(")");
    // the held-out figure is the one to quote, so say it per fidelity too
    held.byFidelity()
        .forEach(
            (fidelity, s) ->
                out.append("\n  held out, ")
                    .append(fidelity)
                    .append(": ")
                    .append(ValidationView.summary(s)));
    if (chipsHeld != null && !fit.runtimes()) {
      out.append("\n  held out by chip family: ")
          .append(ValidationView.summary(chipsHeld.overall()));
    }
    if (!foldsAtCap.isEmpty()) {
      out.append("\n  ")
          .append(foldsAtCap.size())
          .append(" of ")
          .append(groups)
          .append(" held-out fits stopped at the cap of ")
          .append(iterations(maxIterations))
          .append(" before converging: ")
          .append(String.join(", ", foldsAtCap));
    }
    return out.toString();
  }

  private boolean hasColumn(String column) {
    return !measurements.rows().isEmpty()
        && measurements.rows().get(0).columns().containsKey(column);
  }

  public int iterations() {
    return fit.iterations();
  }

  private static String iterations(int n) {
    return n + (n == 1 ? " iteration" : " iterations");
  }

  /**
   * Writes {@code profiles/calibration/fit.yaml}, or {@code runtimes.yaml} for a fit of llama.cpp
   * and ExecuTorch rows; returns the file written.
   */
  public Path write(Path profiles, String fittedOn) throws IOException {
    return CalibrationWriter.write(profiles, fit, fittedOn, FittedScope.of(before.results()));
  }
}
