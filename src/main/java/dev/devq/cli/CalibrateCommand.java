package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.calibrate.CalibrationCheck;
import dev.devq.calibrate.CalibrationWriter;
import dev.devq.calibrate.Calibrator;
import dev.devq.calibrate.Holdout;
import dev.devq.calibrate.Measurements;
import dev.devq.calibrate.Validation;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq calibrate FILE.csv}: fit the cost model's constants to measurements and write them to
 * {@code DIR/calibration/fit.yaml} of a profiles directory: {@code --out DIR}, else the first
 * {@code --profiles} directory, never the shipped profiles. A fit that is worse on its own rows
 * than the one in force is not written unless {@code --force}.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description =
        "Fit efficiencies and fixed costs to measurements (robust least squares on log latency) "
            + "and write DIR/calibration/fit.yaml; exit 1 when the fit is worse than the one in "
            + "force (nothing written), 2 on bad input.")
final class CalibrateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = {"--out", "--into"},
      paramLabel = "DIR",
      description =
          "profiles directory to write calibration/fit.yaml into (default: the first --profiles"
              + " directory)")
  Path out;

  @Option(names = "--force", description = "write the fit even when it is worse than the current")
  boolean force;

  @Option(
      names = "--holdout",
      paramLabel = "COLUMN",
      defaultValue = "source",
      description =
          "the 80% range comes from rows predicted by fits without their COLUMN group (default:"
              + " source); a CSV without the column uses the fit's own residuals")
  String holdout;

  @Parameters(paramLabel = "FILE.csv")
  Path file;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Path into = out != null ? out : common.profileDirs().stream().findFirst().orElse(null);
    if (into == null) {
      err.println(
          "devq: calibrate needs a profiles directory to write to: pass --out DIR (or --profiles"
              + " DIR); the shipped profiles are never overwritten");
      return ExitCodes.BAD_INPUT;
    }
    Devq devq = Loader.load(common, err);
    Measurements m = Measurements.read(file);
    Validation.Report before = Validation.run(devq.interpreter(), m);
    List<Diagnostic> problems = new ArrayList<>(before.diagnostics());
    problems.addAll(CalibrationCheck.unfittable(before.results()));
    if (problems.isEmpty() && before.results().isEmpty()) {
      err.println("devq: " + file + " has no measurement rows to fit");
      return ExitCodes.BAD_INPUT;
    }
    if (!problems.isEmpty()) {
      err.print(DiagnosticRenderer.render(problems));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    stdout.println("before: " + ValidateCommand.summary(before.overall()));
    Calibrator.Fit fit = Calibrator.fit(devq.interpreter(), before.results());
    if (!CalibrationCheck.finite(fit)) {
      err.println("devq: the fit did not converge to finite constants; nothing written");
      return ExitCodes.BAD_INPUT;
    }
    var model = devq.engine().costModel();
    double was = CalibrationCheck.medianError(model, Map.of(), before.results());
    double now = CalibrationCheck.medianError(model, fit.constants(), before.results());
    fit.constants()
        .forEach((k, v) -> stdout.println(String.format(Locale.ROOT, "  %-22s %.4g", k, v)));
    stdout.println(
        String.format(
            Locale.ROOT,
            "median abs error on these rows: %.1f%% in force, %.1f%% fitted",
            was * 100,
            now * 100));
    if (now > was && !force) {
      stdout.println("not written: the fit is worse than the one in force (--force to write it)");
      stdout.flush();
      return ExitCodes.CHECK_FAILED;
    }
    fit = withRanges(devq, m, fit, stdout);
    Path target;
    try {
      target = CalibrationWriter.write(into, fit, file.getFileName().toString());
    } catch (IOException e) {
      err.println("devq: cannot write the calibration: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL;
    }
    stdout.println("wrote " + target + " after " + fit.iterations() + " iterations");
    stdout.flush();
    return ExitCodes.OK;
  }

  /**
   * The fit with its 80% range from held-out residuals: each group of the holdout column predicted
   * by a fit on the others, as a new measurement would be.
   */
  private Calibrator.Fit withRanges(
      Devq devq, Measurements m, Calibrator.Fit fit, PrintWriter stdout) {
    if (m.rows().isEmpty() || !m.rows().get(0).columns().containsKey(holdout)) {
      stdout.println("80% range: the fit's own residuals (no '" + holdout + "' column)");
      return fit;
    }
    Validation.Report held = Holdout.run(devq.interpreter(), m, holdout);
    if (!held.diagnostics().isEmpty() || held.results().isEmpty()) {
      stdout.println("80% range: the fit's own residuals (the holdout did not run)");
      return fit;
    }
    stdout.println(
        "80% range: residuals of rows held out by '"
            + holdout
            + "' ("
            + ValidateCommand.summary(held.overall())
            + ")");
    return fit.withHeldOutRanges(held.results());
  }
}
