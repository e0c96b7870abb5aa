package dev.devq.onnx;

import static org.junit.jupiter.api.Assertions.fail;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Real ONNX files for the import tests: runs a script of {@code src/test/python} once into a folder
 * of {@code target}, and reuses that folder while the script is unchanged (the script writes its
 * {@code expected.json} last). In CI ({@code CI=true}) a missing PyTorch fails the build; elsewhere
 * the tests are skipped with the command that installs it.
 */
final class OnnxExports {
  static final String INSTALL =
      "apt-get update && apt-get install -y python3-torch python3-torchvision python3-onnx";

  private static final Map<String, Path> READY = new HashMap<>();

  private OnnxExports() {}

  /**
   * {@code export_models.py}: PyTorch exports of torchvision models and a TransformerEncoder, in
   * {@code target/onnx-models}.
   */
  static Path dir() {
    return exported("export_models.py", "onnx-models");
  }

  /**
   * {@code export_ops.py}: small modules holding the patterns PyTorch writes for single ops (where,
   * pads, GELU, dynamic axes), in {@code target/onnx-ops}.
   */
  static Path ops() {
    return exported("export_ops.py", "onnx-ops");
  }

  private static synchronized Path exported(String name, String folder) {
    Path ready = READY.get(name);
    if (ready != null) {
      return ready;
    }
    Path project = DevqAssertions.projectDir();
    Path script = project.resolve("src/test/python").resolve(name);
    Path out = project.resolve("target").resolve(folder);
    try {
      Path done = out.resolve("expected.json");
      if (!Files.exists(done)
          || Files.getLastModifiedTime(done).compareTo(Files.getLastModifiedTime(script)) < 0) {
        export(script, out);
      }
    } catch (IOException e) {
      fail("cannot run the export script " + name + ": " + e.getMessage());
    }
    READY.put(name, out);
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
        fail(script.getFileName() + " did not finish in 30 minutes");
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
    fail(script.getFileName() + " failed (exit " + p.exitValue() + "):\n" + text);
  }
}
