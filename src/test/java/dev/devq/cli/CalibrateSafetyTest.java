package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.calibrate.*;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code devq calibrate} never replaces a fit with a worse one, and never empty-handed. */
class CalibrateSafetyTest {
  @TempDir Path dir;

  /**
   * Measurements equal to today's predictions: the fit in force is exact on them, so any fit the
   * solver returns is worse and must not be written.
   */
  @Test
  void aFitWorseThanTheOneInForceIsNotWritten() throws IOException {
    var lines = new StringBuilder("expr,measured_ms,source\n");
    for (String q :
        List.of("latency(resnet50, iphone_14_pro)", "latency(mobilenet_v2, iphone_12)")) {
      double ms = DevqAssertions.quantity(q).value() * 1000;
      lines.append('"').append(q).append("\",").append(String.format(Locale.ROOT, "%.9f", ms));
      lines.append(",exact\n");
    }
    Path csv = Files.writeString(dir.resolve("exact.csv"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("profiles");
    var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("not written: the fit is worse"), run.out());
    assertFalse(Files.exists(out.resolve("calibration/fit.yaml")));
  }

  /**
   * Issue #15: a fit that its iteration cap stopped says so, in the output and in the file a forced
   * write leaves, and is not written without --force.
   */
  @Test
  void aFitStoppedByItsIterationCapSaysSoAndIsNotWrittenUnlessForced() throws IOException {
    var lines = new StringBuilder("expr,measured_ms,source\n");
    List<String> queries =
        List.of("latency(resnet50, iphone_14_pro)", "latency(mobilenet_v2, iphone_12)");
    for (int i = 0; i < queries.size(); i++) {
      // half again as slow as predicted: the first step moves the constants a long way
      double ms = DevqAssertions.quantity(queries.get(i)).value() * 1000 * 1.5;
      lines.append('"').append(queries.get(i)).append("\",");
      lines.append(String.format(Locale.ROOT, "%.6f,paper%d%n", ms, i));
    }
    Path csv = Files.writeString(dir.resolve("slow.csv"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("capped");
    var capped =
        CheckReportsTest.devq(
            "calibrate", "--max-iterations", "1", "--out", out.toString(), csv.toString());
    assertEquals(1, capped.code(), capped.out() + capped.err());
    assertTrue(
        capped.out().contains("fit stopped at the cap of 1 iteration before converging"),
        capped.out());
    assertTrue(capped.out().contains("not written: the fit stopped at its iteration cap"));
    assertFalse(Files.exists(out.resolve("calibration/fit.yaml")));

    var forced =
        CheckReportsTest.devq(
            "calibrate",
            "--max-iterations",
            "1",
            "--force",
            "--out",
            out.toString(),
            csv.toString());
    assertEquals(0, forced.code(), forced.out() + forced.err());
    // the two papers held out in turn, and the two chip generations the range pools with them
    assertTrue(
        forced
            .out()
            .contains(
                "4 of 4 held-out fits stopped at the cap of 1 iteration before converging:"
                    + " paper0, paper1, a16, a14"),
        forced.out());
    String yaml = Files.readString(out.resolve("calibration/fit.yaml"));
    assertTrue(yaml.contains("# NOT CONVERGED: the fitter stopped at its cap of 1 iterations"));
  }

  /**
   * One row moves several constants, so no measurement pins each: the fit is not written without
   * --force, and a forced one keeps every constant the row does not move at its value in force (it
   * once wrote their neutral 0.3 over the shipped fit).
   */
  @Test
  void aFitOfFewerRowsThanTheConstantsTheyMoveIsNotWrittenAndKeepsTheRest() throws IOException {
    Path csv = oneRow();
    Path out = dir.resolve("few");
    var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("not written: 1 row moves "), run.out());
    assertTrue(run.out().contains("eff.gpu.conv") && run.out().contains("(kept: no row moves it)"));
    assertFalse(Files.exists(out.resolve("calibration/fit.yaml")));
    var forced =
        CheckReportsTest.devq("calibrate", "--force", "--out", out.toString(), csv.toString());
    assertEquals(0, forced.code(), forced.out() + forced.err());
    String yaml = Files.readString(out.resolve("calibration/fit.yaml"));
    var inForce = DevqAssertions.interpreter().engine().costModel().coefficients();
    for (String kept : List.of("eff.gpu.conv", "eff.cpu.depthwise", "os13.ane_factor")) {
      double written =
          Double.parseDouble(
              yaml.lines()
                  .filter(l -> l.strip().startsWith(kept + ":"))
                  .findFirst()
                  .orElseThrow()
                  .split(":")[1]
                  .strip());
      assertEquals(inForce.get(kept), written, inForce.get(kept) * 1e-5, kept);
    }
    assertTrue(yaml.contains("(1 row)"), yaml);
  }

  /** A measurement file of one row: one latency on an A16. */
  private Path oneRow() throws IOException {
    return Files.writeString(
        dir.resolve("one.csv"), "expr,measured_ms\n\"latency(mobilenet_v2, a16)\",1\n");
  }

  /** A written fit was rw------- (its temporary file's), unreadable by the rest of a team. */
  @Test
  void aWrittenFitIsReadableByAll() throws IOException {
    Path csv = oneRow();
    Path out = dir.resolve("readable");
    var run =
        CheckReportsTest.devq("calibrate", "--force", "--out", out.toString(), csv.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertEquals(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"),
        Files.getPosixFilePermissions(out.resolve("calibration/fit.yaml")));
  }

  @Test
  void aCapBelowOneIsRefused() {
    var run = CheckReportsTest.devq("calibrate", "--max-iterations", "0", "--out", "x", "y.csv");
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(
        run.err().contains("--max-iterations takes a whole number from 1 to 10000, found '0'"),
        run.err());
  }

  @Test
  void aHeaderOnlyFileIsRefusedAndNothingIsWritten() throws IOException {
    Path csv = Files.writeString(dir.resolve("empty.csv"), "expr,measured_ms\n");
    Path out = dir.resolve("profiles");
    var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertFalse(Files.exists(out.resolve("calibration/fit.yaml")));
  }

  /** Issue #13: an Infinity row once wrote residual_p10: NaN; a binary file fitted 0 rows. */
  @Test
  void anInfiniteRowOrABinaryFileIsRefusedAndNothingIsWritten() throws IOException {
    Path infinite =
        Files.writeString(
            dir.resolve("inf.csv"),
            "expr,measured_ms\n\"latency(mobilenet_v2, a16)\",0.6\n\"latency(resnet50, a16)\","
                + "Infinity\n");
    Path binary = Files.write(dir.resolve("bin.csv"), new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 7});
    for (Path csv : java.util.List.of(infinite, binary)) {
      Path out = dir.resolve("profiles-" + csv.getFileName());
      var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
      assertEquals(2, run.code(), run.out() + run.err());
      assertFalse(Files.exists(out.resolve("calibration/fit.yaml")), run.out());
    }
  }

  /**
   * Issue #16: a runtimes-only CSV with a {@code source} column once wrote Core ML's fit.yaml (the
   * held-out ranges made its constants look like Core ML's); it belongs in runtimes.yaml.
   */
  @Test
  void aFitOfRuntimeRowsIsWrittenToRuntimesYaml() throws IOException {
    var lines = new StringBuilder("expr,measured_ms,source\n");
    String gpu = "m1_max, nominal, units = cpu_and_gpu, runtime = llama_cpp)";
    List<String> queries =
        List.of(
            "latency(quantize(llama_2_7b(phase = decode, context = 64), q4_0), " + gpu,
            "latency(llama_2_7b(phase = decode, context = 64), " + gpu,
            "latency(quantize(llama_2_7b(phase = prefill, context = 512), q8_0), " + gpu,
            "latency(llama_2_7b(phase = prefill, context = 512), " + gpu);
    for (int i = 0; i < queries.size(); i++) {
      // 30% slower than predicted: the fit in force is off, so the refit improves and is written
      double ms = DevqAssertions.quantity(queries.get(i)).value() * 1000 * 1.3;
      lines.append('"').append(queries.get(i)).append("\",");
      lines.append(String.format(Locale.ROOT, "%.3f,one-source%n", ms));
    }
    Path csv = Files.writeString(dir.resolve("runtimes.csv"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("profiles");
    // four rows move six constants: written only when forced
    var run =
        CheckReportsTest.devq("calibrate", "--force", "--out", out.toString(), csv.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    Path written = out.resolve("calibration/runtimes.yaml");
    assertTrue(run.out().contains("wrote " + written), run.out());
    assertFalse(Files.exists(out.resolve("calibration/fit.yaml")), run.out());
    String yaml = Files.readString(written);
    assertTrue(yaml.contains("llama_cpp.bw_eff.gpu:"), yaml);
    assertFalse(yaml.contains("\n  range."), "one source: no held-out range: " + yaml);
    // every row comes from one source: none to hold out, and the header says so
    assertTrue(run.out().contains("every row is in one 'source' group"), run.out());
    assertTrue(yaml.replace("\n# ", " ").contains("the fit's own rows (in sample"), yaml);
  }

  /**
   * Issue #16: a runtime CSV without a source column takes its 80% range from rows of one chip
   * family (the SoC's generation, from the knowledge base) predicted by a fit on the other
   * families, and the file says so.
   */
  @Test
  void aRuntimeFitTakesItsRangeFromChipFamiliesHeldOut() throws IOException {
    var lines = new StringBuilder("expr,measured_ms\n");
    for (String soc : List.of("m1_max", "m2_max")) {
      String gpu = soc + ", nominal, units = cpu_and_gpu, runtime = llama_cpp)";
      for (String phase : List.of("phase = decode, context = 64", "phase = prefill")) {
        for (String scheme : List.of("q4_0", "q8_0")) {
          String q = "latency(quantize(llama_2_7b(" + phase + "), " + scheme + "), " + gpu;
          double ms = DevqAssertions.quantity(q).value() * 1000 * 1.3;
          lines.append('"').append(q).append("\",");
          lines.append(String.format(Locale.ROOT, "%.3f%n", ms));
        }
      }
    }
    Path csv = Files.writeString(dir.resolve("families.csv"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("profiles");
    var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(
        run.out().contains("80% range: residuals of rows held out by chip family"), run.out());
    String yaml = Files.readString(out.resolve("calibration/runtimes.yaml"));
    assertTrue(
        yaml.replace("\n# ", " ").contains("percentile of rows held out by chip family"), yaml);
    assertTrue(yaml.contains("\n  range.llama_cpp.cpu_and_gpu.p10: "), yaml);
    assertTrue(yaml.contains("\n  range.llama_cpp.cpu_and_gpu.p90: "), yaml);
  }

  /**
   * {@code --ranges-only} fits nothing: the file it writes holds the constants in force as they
   * were, with an 80% range from the rows held out by source pooled with those held out by chip
   * generation, and says so.
   */
  @Test
  void rangesOnlyKeepsTheConstantsInForceAndPoolsBothHoldouts() throws IOException {
    var lines = new StringBuilder("expr,measured_ms,source\n");
    int i = 0;
    for (String device : List.of("iphone_12", "iphone_14_pro")) {
      for (String model :
          List.of("mobilenet_v2", "resnet50", "mobilenet_v3_small", "densenet121")) {
        String q = "latency(" + model + ", " + device + ", nominal, units = all)";
        double ms = DevqAssertions.quantity(q).value() * 1000 * (0.8 + 0.05 * i);
        lines.append('"').append(q).append("\",");
        lines.append(String.format(Locale.ROOT, "%.6f,paper%d%n", ms, i++ % 2));
      }
    }
    Path csv = Files.writeString(dir.resolve("mine.csv"), lines, StandardCharsets.UTF_8);
    Path out = dir.resolve("profiles");
    var run =
        CheckReportsTest.devq(
            "calibrate", "--ranges-only", "--out", out.toString(), csv.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("fit not run: the constants in force are kept"), run.out());
    String yaml = Files.readString(out.resolve("calibration/fit.yaml"));
    assertTrue(
        yaml.replace("\n# ", " ").contains("pooled with the rows held out by chip family"), yaml);
    assertTrue(yaml.contains("\n  range.all.p10: "), yaml);
    List<String> shipped =
        Files.readAllLines(DevqAssertions.projectDir().resolve("profiles/calibration/fit.yaml"));
    assertEquals(
        constants(shipped), constants(yaml.lines().toList()), "the constants in force, unfitted");
  }

  /** A calibration file's constants other than the ranges, as written. */
  private static List<String> constants(List<String> yaml) {
    return yaml.stream().filter(l -> l.startsWith("  ") && !l.startsWith("  range.")).toList();
  }

  @Test
  void aFileMixingCoreMlAndRuntimeRowsIsRefused() throws IOException {
    Path csv =
        Files.writeString(
            dir.resolve("mixed.csv"),
            "expr,measured_ms\n\"latency(mobilenet_v2, iphone_12)\",2.0\n"
                + "\"latency(quantize(llama_2_7b(phase = decode), q4_0), m1_max, nominal,"
                + " units = cpu_and_gpu, runtime = llama_cpp)\",20\n");
    Path out = dir.resolve("profiles");
    var run = CheckReportsTest.devq("calibrate", "--out", out.toString(), csv.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("row 3 runs llama_cpp but row 2 runs coreml"), run.err());
    assertTrue(run.err().contains("runtimes.yaml"), run.err());
    assertFalse(Files.exists(out.resolve("calibration")), run.out());
  }
}
