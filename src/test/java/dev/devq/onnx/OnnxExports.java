package dev.devq.onnx;

import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real ONNX files for the import tests: runs {@code src/test/python/export_models.py} once (PyTorch
 * exports of torchvision models and a TransformerEncoder) into {@code target/onnx-models}, and
 * reuses that directory while the script is unchanged. In CI ({@code CI=true}) a missing PyTorch
 * fails the build; elsewhere the tests are skipped with the command that installs it.
 */
final class OnnxExports {
  static final String INSTALL =
      "apt-get update && apt-get install -y python3-torch python3-torchvision python3-onnx";

  private static Path ready;

  private OnnxExports() {}

  static synchronized Path dir() {
    if (ready != null) {
      return ready;
    }
    Path project = DevqAssertions.projectDir();
    Path script = project.resolve("src/test/python/export_models.py");
    Path out = project.resolve("target/onnx-models");
    try {
      Path done = out.resolve("expected.json");
      if (!Files.exists(done)
          || Files.getLastModifiedTime(done).compareTo(Files.getLastModifiedTime(script)) < 0) {
        export(script, out);
      }
    } catch (IOException e) {
      fail("cannot run the export script: " + e.getMessage());
    }
    ready = out;
    return out;
  }

  private static void export(Path script, Path out) throws IOException {
    // Debian's torch installs for its own python, which need not be the first python3 on PATH.
    String python =
        Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    Files.createDirectories(out);
    Path log = out.resolve("export.log");
    Process p =
        new ProcessBuilder(python, script.toString(), out.toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      if (!p.waitFor(30, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        fail("the export script did not finish in 30 minutes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail("interrupted while exporting models");
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    if (p.exitValue() == 0) {
      return;
    }
    boolean missing =
        text.contains("No module named 'torch") || text.contains("No module named 'onnx");
    if (missing && !"true".equals(System.getenv("CI"))) {
      Assumptions.abort(
          "PyTorch / ONNX for " + python + " are missing; install them with: " + INSTALL);
    }
    fail("export_models.py failed (exit " + p.exitValue() + "):\n" + text);
  }
}
