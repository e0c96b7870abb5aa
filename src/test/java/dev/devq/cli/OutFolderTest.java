package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code import --out} and {@code calibrate --out} name a profiles directory to write into, and
 * refuse one they cannot use in the same words, with exit 2, before any work: an empty value, a
 * file, a folder below a file. calibrate once found a folder below a file only when it wrote the
 * fit, as an I/O failure (exit 3).
 */
class OutFolderTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"import", "calibrate"})
  void refusesAnOutItCannotWriteInto(String command) throws IOException {
    Path file = Files.writeString(dir.resolve("notes.txt"), "x");
    Files.writeString(dir.resolve(command.equals("import") ? "m.onnx" : "m.csv"), "");
    String below = file.resolve("sub").toString();
    assertRefused(
        command, "", "devq: --out: an empty value names no folder (write . for the current one)\n");
    assertRefused(
        command,
        file.toString(),
        "devq: --out must be a profiles directory, found a file: " + file + "\n");
    assertRefused(
        command,
        below,
        "devq: cannot write into --out " + below + ": " + file + " is a file, not a directory\n");
  }

  private void assertRefused(String command, String out, String err) {
    String input = dir.resolve(command.equals("import") ? "m.onnx" : "m.csv").toString();
    var run = CheckReportsTest.devq(command, "--out", out, input);
    assertEquals(2, run.code(), run.out() + run.err());
    assertEquals(err, run.err());
  }
}
