package dev.devq.calibrate;

import dev.devq.cost.Coefficients;
import dev.devq.cost.CostModel;
import dev.devq.cost.Prediction;
import dev.devq.cost.Runtime;
import dev.devq.kb.Calibration;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a calibration may be fitted on, and whether a fit is better than the one in force. The fit
 * moves the constants of one prediction per row, so a row must be a bare estimate: its value must
 * be that prediction's latency ({@code latency(m, d) + 10ms} is refused, since the fit would chase
 * a number that validation does not report).
 */
public final class CalibrationCheck {
  /** Relative tolerance between a row's value and its prediction's latency. */
  private static final double SAME = 1e-9;

  private CalibrationCheck() {}

  /**
   * What is wrong with a calibration file as loaded: the fitted constants it lacks ({@link
   * #missing}) and those it sets that no prediction reads ({@link #unread}).
   */
  public static List<Diagnostic> check(Calibration calibration) {
    List<Diagnostic> out = new ArrayList<>(missing(calibration));
    out.addAll(unread(calibration));
    return out;
  }

  /**
   * The constants a calibration file lacks of those the fit produces ({@link
   * Calibrator#parameters()}), as one error at its {@code constants}: a missing {@code bw_eff} must
   * not fall back to a prior silently and change every prediction.
   */
  private static List<Diagnostic> missing(Calibration calibration) {
    if (calibration == Calibration.NONE) {
      return List.of();
    }
    List<String> absent =
        Calibrator.parameters().keySet().stream()
            .filter(k -> !calibration.constants().containsKey(k))
            .toList();
    if (absent.isEmpty()) {
      return List.of();
    }
    return List.of(
        Diagnostic.error(
                DiagnosticCode.PROFILE,
                "the calibration lacks "
                    + (absent.size() == 1 ? "the fitted constant " : "the fitted constants ")
                    + String.join(", ", absent),
                calibration.origin().source(),
                calibration.origin().span())
            .withNote(
                "refit with devq calibrate, or copy the missing constants from the shipped"
                    + " profiles/calibration/fit.yaml"));
  }

  /**
   * The constants a calibration file holds that no prediction reads, as one error at its {@code
   * constants}: a tied constant ({@code overhead.gpu} takes {@code overhead.cpu}) or a name the fit
   * never writes would otherwise be ignored while the file seemed to set it. Ranges ({@code
   * range.all.p10}) are read.
   */
  private static List<Diagnostic> unread(Calibration calibration) {
    var fitted = Calibrator.parameters().keySet();
    var ranges = CostModel.rangeKeys();
    List<String> unread =
        calibration.constants().keySet().stream()
            .filter(k -> !fitted.contains(k) && !ranges.contains(k))
            .sorted()
            .toList();
    if (unread.isEmpty()) {
      return List.of();
    }
    List<String> why =
        unread.stream()
            .map(
                k ->
                    Coefficients.TIED.containsKey(k)
                        ? k + " (tied to " + Coefficients.TIED.get(k) + ")"
                        : k + " (not a constant the fit writes)")
            .toList();
    return List.of(
        Diagnostic.error(
                DiagnosticCode.PROFILE,
                "the calibration sets "
                    + (unread.size() == 1 ? "a constant" : unread.size() + " constants")
                    + " no prediction reads: "
                    + String.join(", ", why),
                calibration.origin().source(),
                calibration.origin().span())
            .withNote(
                "remove "
                    + (unread.size() == 1 ? "it" : "them")
                    + ", or refit with devq calibrate; a tied constant takes the value of the one"
                    + " it is tied to"));
  }

  /** Every row that cannot be fitted, as diagnostics naming the row's expression. */
  public static List<Diagnostic> unfittable(List<Validation.RowResult> rows) {
    List<Diagnostic> out = new ArrayList<>();
    for (Validation.RowResult r : rows) {
      Prediction p = r.estimate();
      String why =
          p == null
              ? "a pipeline or an expression without one model's prediction cannot be fitted"
              : Math.abs(p.latency() * 1000 - r.predictedMs())
                      > SAME * Math.max(1, Math.abs(r.predictedMs()))
                  ? "the value is not the prediction's latency (arithmetic around the estimate)"
                  : "";
      if (!why.isEmpty()) {
        out.add(
            Diagnostic.error(
                    DiagnosticCode.BAD_VALUE,
                    "row " + r.row().line() + " is not a bare estimate: " + why,
                    r.row().exprSource(),
                    r.row().exprSpan())
                .withNote(
                    "calibrate fits rows such as latency(m, d, state, units = …); validate "
                        + "accepts any time-valued expression"));
      }
    }
    return out;
  }

  /**
   * Core ML rows and rows of the runtimes beside it in one file, as one error at the first row that
   * differs from the file's first row: the two are fitted apart ({@code fit.yaml} and {@code
   * runtimes.yaml}), and a mixed fit would write the runtimes' constants where none reads them.
   */
  public static List<Diagnostic> mixed(List<Validation.RowResult> rows) {
    List<Validation.RowResult> fitted = rows.stream().filter(r -> r.estimate() != null).toList();
    if (fitted.isEmpty()) {
      return List.of();
    }
    boolean coreMl = coreMl(fitted.get(0));
    for (Validation.RowResult r : fitted) {
      if (coreMl(r) != coreMl) {
        return List.of(
            Diagnostic.error(
                    DiagnosticCode.BAD_VALUE,
                    "row "
                        + r.row().line()
                        + " runs "
                        + r.estimate().conditions().runtime().key()
                        + " but row "
                        + fitted.get(0).row().line()
                        + " runs "
                        + fitted.get(0).estimate().conditions().runtime().key()
                        + ": Core ML and the runtimes beside it are fitted apart",
                    r.row().exprSource(),
                    r.row().exprSpan())
                .withNote(
                    "calibrate the Core ML rows (written to calibration/"
                        + CalibrationWriter.CORE_ML
                        + ") and the llama_cpp and executorch rows (written to calibration/"
                        + CalibrationWriter.RUNTIMES
                        + ") from separate files"));
      }
    }
    return List.of();
  }

  private static boolean coreMl(Validation.RowResult r) {
    return r.estimate().conditions().runtime() == Runtime.COREML;
  }

  /** The median absolute error of the rows' predictions under other constants. */
  public static double medianError(
      CostModel base, Map<String, Double> constants, List<Validation.RowResult> rows) {
    CostModel model = constants.isEmpty() ? base : base.with(constants);
    double[] ape =
        rows.stream()
            .mapToDouble(
                r -> {
                  double ms = r.reestimate(model).latency() * 1000;
                  return Math.abs(ms - r.row().measuredMs()) / r.row().measuredMs();
                })
            .sorted()
            .toArray();
    return Quantiles.median(ape);
  }

  /** Whether the fit rests on some rows and every fitted figure is a finite number. */
  public static boolean finite(Calibrator.Fit fit) {
    return fit.constants().values().stream().allMatch(Double::isFinite)
        && Double.isFinite(fit.residualP10())
        && Double.isFinite(fit.residualP90())
        && fit.rows() > 0;
  }
}
