package dev.devq;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The files the shipped Core ML fit was fitted on, {@code ../shared/data/calibration.csv} and
 * {@code profiles/calibration/coreml-fitted.csv}, named as the docs' commands name them: relative
 * to the working directory, the project's. Rows read under the same names are the same rows to the
 * engine's memory of held-out folds, so the tests reading these files and the commands the docs
 * show ({@code validate --report}, {@code calibrate --ranges-only}) run each holdout once per test
 * JVM. Without the first file (it lives beside the project) a test using them is skipped and says
 * so.
 */
public final class ShippedFit {
  private ShippedFit() {}

  private static final List<String> FILES =
      List.of("../shared/data/calibration.csv", "profiles/calibration/coreml-fitted.csv");

  /** The files, as the commands name them. */
  public static List<Path> files() {
    Path here = Path.of("").toAbsolutePath();
    List<Path> files =
        FILES.stream()
            .map(f -> here.relativize(DevqAssertions.projectDir().resolve(f).normalize()))
            .toList();
    assumeTrue(
        Files.isRegularFile(files.get(0)),
        "no calibration measurements at " + files.get(0).toAbsolutePath() + "; skipped");
    return files;
  }

  /** {@link #files()} as command-line arguments. */
  public static List<String> arguments() {
    return files().stream().map(Path::toString).toList();
  }
}
