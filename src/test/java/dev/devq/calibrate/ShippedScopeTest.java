package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticRenderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scope the shipped fit of llama.cpp and ExecuTorch records ({@code scope:} in {@code
 * calibration/runtimes.yaml}: per runtime and unit setting, the kinds of model its rows measured
 * and those models) is what {@code devq calibrate} computes today from the rows it was fitted on
 * ({@link FittedScope}): a row added to either file, or a model whose kind changes, fails here
 * until the file is written again.
 */
class ShippedScopeTest {
  @Test
  void theShippedScopeIsWhatTheFittedRowsGive() {
    Path shared =
        DevqAssertions.projectDir().resolve("../shared/data/calibration-runtimes.csv").normalize();
    Path cited = DevqAssertions.projectDir().resolve("profiles/calibration/runtimes-cited.csv");
    assumeTrue(Files.isRegularFile(shared), "no runtime measurements at " + shared + "; skipped");
    Measurements m = Measurements.read(List.of(shared, cited));
    Validation.Report r = Validation.run(DevqAssertions.interpreter(), m);
    assertTrue(r.diagnostics().isEmpty(), () -> DiagnosticRenderer.render(r.diagnostics()));
    assertEquals(
        FittedScope.of(r.results()),
        DevqAssertions.kb().runtimeCalibration().scope(),
        "profiles/calibration/runtimes.yaml's scope against the fitted rows; write it again with"
            + " devq calibrate --ranges-only");
  }

  @Test
  void theScopeSaysWhatTheBriefsRowsAre() {
    var scope = DevqAssertions.kb().runtimeCalibration().scope();
    assertEquals(
        List.of("llama_cpp.cpu_and_gpu", "executorch.cpu_only", "llama_cpp.cpu_only"),
        List.copyOf(scope.keySet()));
    scope.forEach(
        (setting, kinds) ->
            assertEquals(
                setting.startsWith("llama_cpp") ? List.of("decoder") : List.of("one_pass"),
                List.copyOf(kinds.keySet()),
                setting));
  }
}
