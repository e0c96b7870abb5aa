package dev.devq.cli;

import dev.devq.CalibrationWriter;
import dev.devq.Calibrator;
import dev.devq.Devq;
import dev.devq.Measurements;
import dev.devq.Validation;
import dev.devq.lang.DiagnosticRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devq calibrate FILE.csv}: fit the cost model's constants and write them to the profiles.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description =
        "Fit efficiencies and fixed costs to measurements (robust least squares on log latency) "
            + "and write calibration/fit.yaml.")
final class CalibrateCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(
      names = "--into",
      paramLabel = "DIR",
      description =
          "profiles directory to write calibration/fit.yaml into (default: the shipped profiles)")
  Path into;

  @Parameters(paramLabel = "FILE.csv")
  Path file;

  @Override
  public Integer call() throws Loader.Failed {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Devq devq = Loader.load(common, err);
    Measurements m = Measurements.read(file);
    Validation.Report before = Validation.run(devq, m);
    if (!before.diagnostics().isEmpty()) {
      err.print(DiagnosticRenderer.render(before.diagnostics()));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    out.println("before: " + ValidateCommand.summary(before.overall()));
    out.flush();
    Calibrator.Fit fit = Calibrator.fit(devq, before.results());
    Path target;
    try {
      target =
          CalibrationWriter.write(
              into != null ? into : devq.shippedProfiles(), fit, file.getFileName().toString());
    } catch (IOException e) {
      err.println("devq: cannot write the calibration: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL;
    }
    fit.constants()
        .forEach((k, v) -> out.println(String.format(Locale.ROOT, "  %-22s %.4g", k, v)));
    out.println("wrote " + target + " after " + fit.iterations() + " iterations");
    try {
      Devq refit = Devq.load(common.profileDirs());
      out.println("after:  " + ValidateCommand.summary(Validation.run(refit, m).overall()));
    } catch (dev.devq.LoadException e) {
      err.print(DiagnosticRenderer.render(e.diagnostics()));
      return ExitCodes.BAD_INPUT;
    }
    out.flush();
    return ExitCodes.OK;
  }
}
