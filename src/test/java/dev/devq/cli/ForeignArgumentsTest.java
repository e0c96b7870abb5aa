package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arguments that named the wrong kind of thing and were taken anyway: {@code doc} of a CSV said
 * "results up to date" (exit 0) for a file with no blocks, and an empty {@code --out} (a script's
 * unset variable) wrote into the current folder. Each is bad input now, saying what was expected.
 */
class ForeignArgumentsTest {
  @TempDir Path dir;

  @Test
  void docTakesOnlyMarkdownReviews() throws IOException {
    Path csv = Files.writeString(dir.resolve("m.csv"), "expr,measured_ms\n");
    CheckReportsTest.Run run = CheckReportsTest.devq("doc", csv.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("is not a Markdown review (.md)"), run.err());
    assertEquals("expr,measured_ms\n", Files.readString(csv), "the file is left as it was");
  }

  /** The inputs exist, so that the refusal is the empty --out's, not a missing file's. */
  @Test
  void anEmptyOutNamesNoFolder() throws IOException {
    Files.writeString(dir.resolve("x.onnx"), "");
    Files.writeString(dir.resolve("m.csv"), "expr,measured_ms\n");
    for (List<String> args :
        List.of(
            List.of("import", dir.resolve("x.onnx").toString(), "--out", ""),
            List.of("calibrate", "--out", "", dir.resolve("m.csv").toString()))) {
      CheckReportsTest.Run run = CheckReportsTest.devq(args.toArray(String[]::new));
      assertEquals(2, run.code(), args + ": " + run.out() + run.err());
      assertTrue(run.err().contains("--out: an empty value names no folder"), run.err());
    }
  }
}
