package dev.devq;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A shipped fit and the files it was fitted on, named as the docs' commands name them: relative to
 * the working directory, the project's. Rows read under the same names are the same rows to the
 * engine's memory of held-out folds, so the tests reading these files and the commands the docs
 * show ({@code validate --report}, {@code calibrate --ranges-only}) run each holdout once per test
 * JVM. Without the first file (it lives beside the project) a test using them is skipped and says
 * so.
 *
 * @param written the fitted file {@code devq calibrate} writes, under the profiles directory
 * @param fittedOn the measurement files, in the order the fit read them
 */
public record ShippedFit(String written, List<String> fittedOn) {
  /** Core ML's: {@code calibration/fit.yaml}. */
  public static final ShippedFit CORE_ML =
      new ShippedFit(
          "calibration/fit.yaml",
          List.of("../shared/data/calibration.csv", "profiles/calibration/coreml-fitted.csv"));

  /** llama.cpp's and ExecuTorch's: {@code calibration/runtimes.yaml}. */
  public static final ShippedFit RUNTIMES =
      new ShippedFit(
          "calibration/runtimes.yaml",
          List.of(
              "../shared/data/calibration-runtimes.csv",
              "profiles/calibration/runtimes-cited.csv"));

  /** Core ML's files, as the commands name them. */
  public static List<Path> files() {
    return CORE_ML.paths();
  }

  /** Core ML's files as command-line arguments. */
  public static List<String> arguments() {
    return CORE_ML.args();
  }

  /** This fit's files, as the commands name them. */
  public List<Path> paths() {
    Path here = Path.of("").toAbsolutePath();
    List<Path> files =
        fittedOn.stream()
            .map(f -> here.relativize(DevqAssertions.projectDir().resolve(f).normalize()))
            .toList();
    assumeTrue(
        Files.isRegularFile(files.get(0)),
        "no calibration measurements at " + files.get(0).toAbsolutePath() + "; skipped");
    return files;
  }

  /** {@link #paths()} as command-line arguments. */
  public List<String> args() {
    return paths().stream().map(Path::toString).toList();
  }

  @Override
  public String toString() {
    return written;
  }
}
