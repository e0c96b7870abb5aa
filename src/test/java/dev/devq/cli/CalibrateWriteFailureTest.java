package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A calibration the system will not let devq write is an I/O failure (exit 3) said in words, naming
 * the folder the user gave: it printed the path and a Java class name
 * ("(FileAlreadyExistsException)").
 */
class CalibrateWriteFailureTest {
  @TempDir Path dir;

  @Test
  void aFileWhereTheCalibrationFolderGoesIsSaidInWords() throws IOException {
    String q = "latency(mobilenet_v2, iphone_12)";
    double ms = DevqAssertions.quantity(q).value() * 1000 * 1.5;
    Path csv =
        Files.writeString(
            dir.resolve("slow.csv"),
            String.format(Locale.ROOT, "expr,measured_ms,source%n\"%s\",%.6f,paper%n", q, ms),
            StandardCharsets.UTF_8);
    Path out = Files.createDirectories(dir.resolve("profiles"));
    Path inTheWay = Files.writeString(out.resolve("calibration"), "not a folder");
    var run =
        CheckReportsTest.devq(
            "calibrate",
            "--force",
            "--max-iterations",
            "1",
            "--out",
            out.toString(),
            csv.toString());
    assertEquals(3, run.code(), run.out() + run.err());
    assertEquals(
        "devq: cannot write the calibration into "
            + out
            + ": "
            + inTheWay
            + " already exists as a file\n",
        run.err());
  }
}
