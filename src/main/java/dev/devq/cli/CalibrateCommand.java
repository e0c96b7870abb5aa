package dev.devq.cli;

import dev.devq.Calibration;
import dev.devq.doc.AtomicFile;
import dev.devq.doc.InputPath;
import dev.devq.lang.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code devq calibrate FILE.csv...}: fit the cost model's constants to measurements and write them
 * to {@code DIR/calibration/fit.yaml} of a profiles directory (or {@code runtimes.yaml} when the
 * rows run llama.cpp or ExecuTorch): {@code --out DIR}, else the first {@code --profiles}
 * directory, never the shipped profiles. A fit that is worse on its own rows than the one in force
 * is not written unless {@code --force}.
 */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description =
        "Fit efficiencies and fixed costs to measurements (robust least squares on log latency; "
            + "the rows of every FILE.csv given, together) and write DIR/calibration/fit.yaml (runtimes.yaml for llama_cpp and executorch "
            + "rows; a file mixing them with Core ML rows is refused); exit 1 when the fit is worse than the one in "
            + "force (nothing written), 2 on bad input.")
final class CalibrateCommand extends DevqCommand {
  @Option(
      names = {"--out", "--into"},
      paramLabel = "DIR",
      description =
          "profiles directory to write calibration/fit.yaml (or runtimes.yaml) into (default: the first --profiles"
              + " directory)")
  Path outDir;

  @Option(names = "--force", description = "write the fit even when it is worse than the current")
  boolean force;

  @Option(
      names = "--holdout",
      paramLabel = "COLUMN",
      description =
          "the 80%% range comes from rows predicted by fits without their COLUMN group (default:"
              + " source for Core ML, family for llama_cpp and executorch rows; family without"
              + " such a column groups by the SoC's generation); Core ML's pools them with the"
              + " rows held out by family, each group of either weighing the same; a CSV without"
              + " the column uses the fit's own residuals")
  String holdout;

  @Option(
      names = "--ranges-only",
      description =
          "fit nothing: keep the constants in force and write them with a new 80%% range from the"
              + " rows held out (for a change to the rows or the holdout behind the range, not to"
              + " the fit)")
  boolean rangesOnly;

  // a hundred times the default; a fit that has not converged by then will not
  @Range(min = 1, max = 10_000)
  @Option(
      names = "--max-iterations",
      paramLabel = "N",
      description =
          "stop the fitter after N iterations, from 1 to 10000 (default: ${DEFAULT-VALUE}); a fit"
              + " stopped there"
              + " before converging says so and is written only with --force")
  int maxIterations = Calibration.MAX_ITERATIONS;

  @Parameters(paramLabel = "FILE.csv", arity = "1..*")
  List<Path> files;

  @Override
  int run() throws Loader.Failed {
    String emptyArgument = FolderArgument.emptyArgument("FILE.csv", files);
    if (!emptyArgument.isEmpty()) {
      return fail(emptyArgument);
    }
    List<Diagnostic> unreadable = unreadable(files, InputPath.Kind.FILE);
    if (!unreadable.isEmpty()) {
      return errors(unreadable);
    }
    Path into = outDir != null ? outDir : common.profileDirs().stream().findFirst().orElse(null);
    if (into == null) {
      return fail(
          "calibrate needs a profiles directory to write to: pass --out DIR (or --profiles"
              + " DIR); the shipped profiles are never overwritten");
    }
    String unwritable = FolderArgument.outputProblem(outDir != null ? "--out" : "--profiles", into);
    if (!unwritable.isEmpty()) {
      return fail(unwritable);
    }
    String badHoldout = Calibration.holdoutProblem(files, holdout);
    if (!badHoldout.isEmpty()) {
      return fail(badHoldout);
    }
    Calibration fit =
        rangesOnly
            ? devq().recomputeRanges(files, maxIterations)
            : devq().calibrate(files, maxIterations);
    if (fit.problems().isEmpty() && fit.empty()) {
      return fail(names() + " has no measurement rows to fit");
    }
    if (!fit.problems().isEmpty()) {
      return errors(fit.problems());
    }
    out().println("before: " + fit.before());
    if (!fit.finite()) {
      return fail("the fit did not converge to finite constants; nothing written");
    }
    out().print(fit.constants());
    out().println(fit.comparison());
    out().println("fit " + fit.stopped());
    if (fit.worse() && !force) {
      out().println("not written: the fit is worse than the one in force (--force to write it)");
      return ExitCodes.CHECK_FAILED;
    }
    if (!fit.converged() && !force) {
      out()
          .println(
              "not written: the fit stopped at its iteration cap before converging (--max-iterations"
                  + " to let it run longer, --force to write it)");
      return ExitCodes.CHECK_FAILED;
    }
    if (fit.underdetermined() && !force) {
      out()
          .println(
              "not written: "
                  + fit.underdeterminedWhy()
                  + ", so a measurement does not pin each one (more rows, or --force to write"
                  + " it)");
      return ExitCodes.CHECK_FAILED;
    }
    out().println(fit.heldOutRanges(holdout));
    Path target;
    try {
      target = fit.write(into, names());
    } catch (IOException e) {
      // the folder the user named and why, in words: it printed a path and a Java class name
      return failToWrite("cannot write the calibration into " + into + ": " + AtomicFile.reason(e));
    }
    out().println("wrote " + target + " (fit " + fit.stopped() + ")");
    return ExitCodes.OK;
  }

  /** The files' names as the calibration file's header records them: {@code a.csv + b.csv}. */
  private String names() {
    return String.join(" + ", files.stream().map(f -> String.valueOf(f.getFileName())).toList());
  }
}
