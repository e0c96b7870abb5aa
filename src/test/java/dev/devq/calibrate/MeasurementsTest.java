package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.Diagnostic;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a CSV of measurements: every per-row problem points at its cell ({@code
 * file:line:column}), an expression's position is the file's, a byte-order mark before the header
 * is accepted, and a FIFO or an oversized file is refused without blocking or reading it.
 */
class MeasurementsTest {
  @TempDir Path dir;

  private Measurements read(String text) throws IOException {
    Path csv = dir.resolve("m.csv");
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    return Measurements.read(csv);
  }

  private static List<String> positions(Measurements m) {
    return m.diagnostics().stream().map(d -> d.position() + " " + d.message()).toList();
  }

  @Test
  void aBadMeasurementPointsAtItsCell() throws IOException {
    Measurements m =
        read(
            "expr,measured_ms,source\n"
                + "\"latency(mobilenet_v2, a16)\",0.6,x\n"
                + "\"latency(resnet50, a16)\",abc,x\n"
                + "\"latency(resnet50, a15)\", -2 ,x\n"
                + "\"latency(resnet50, a14)\",Infinity,x\n"
                + "\"latency(resnet50, a14)\",0x1p3,x\n"
                + "\"latency(resnet50, a14)\",1e-307,x\n");
    String file = dir.resolve("m.csv").toString();
    assertEquals(
        List.of(
            file + ":3:26 measured_ms must be a number, found 'abc'",
            file
                + ":4:27 measured_ms must be a latency from 1 ns (0.000001) to a day (86400000)"
                + " in milliseconds, found -2",
            file + ":5:26 measured_ms must be a number, found 'Infinity'",
            file + ":6:26 measured_ms must be a number, found '0x1p3'",
            file
                + ":7:26 measured_ms must be a latency from 1 ns (0.000001) to a day (86400000)"
                + " in milliseconds, found 1e-307"),
        positions(m));
    assertEquals(1, m.rows().size());
    assertEquals(2, m.rows().get(0).line());
  }

  @Test
  void anExpressionKeepsTheFilesLineAndColumn() throws IOException {
    Measurements m = read("measured_ms,expr\n1.5,\"latncy(mobilenet_v2, a16)\"\n");
    Measurements.Row row = m.rows().get(0);
    assertEquals("latncy(mobilenet_v2, a16)", row.expr());
    assertEquals("latncy(mobilenet_v2, a16)", row.exprSource().slice(row.exprSpan()));
    // the expression starts after `1.5,"`: column 6 of line 2
    assertEquals(dir.resolve("m.csv") + ":2:6", row.exprSource().position(row.exprSpan().start()));
  }

  @Test
  void aShortRowAndAMalformedRowArePositioned() throws IOException {
    Measurements m = read("expr,measured_ms\n\"latency(mobilenet_v2, a16)\"\n");
    assertEquals(
        List.of(dir.resolve("m.csv") + ":2:1 the row has no measured_ms cell"), positions(m));
    Measurements extra = read("expr,measured_ms\n\"latency(mobilenet_v2, a16)\",1,2\n");
    Diagnostic d = extra.diagnostics().get(0);
    // the parser's "Too many entries: expected at most 2 (value #2 (1 chars) "2")" said nothing
    // of the usual cause, an expression's commas left unquoted
    assertTrue(d.message().startsWith("this row has more cells than the header"), d.message());
    assertTrue(d.message().contains("quote a cell that contains commas"), d.message());
    assertEquals(dir.resolve("m.csv") + ":2:1", d.position());
  }

  @Test
  void aByteOrderMarkBeforeTheHeaderIsAccepted() throws IOException {
    Measurements m = read("\uFEFFexpr,measured_ms\n\"latency(mobilenet_v2, a16)\",0.6\n");
    assertEquals(List.of(), m.diagnostics());
    assertEquals(0.6, m.rows().get(0).measuredMs());
  }

  @Test
  void aFifoIsRefusedAtOnce() throws Exception {
    Path fifo = dir.resolve("pipe.csv");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Measurements m =
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Measurements.read(fifo));
    assertEquals(
        List.of(
            fifo
                + ":1:1 cannot read "
                + fifo
                + ": it is not a regular file (a FIFO, socket or device is never read)"),
        positions(m));
  }

  private Path file(String name, String text) throws IOException {
    Path csv = dir.resolve(name);
    Files.writeString(csv, text, StandardCharsets.UTF_8);
    return csv;
  }

  @Test
  void severalFilesAreOneSetOfRowsEachKeepingItsPositions() throws IOException {
    Path a = file("a.csv", "expr,measured_ms,source\n\"latency(mobilenet_v2, a16)\",0.6,x\n");
    Path b =
        file(
            "b.csv",
            "expr,measured_ms,source\n\"latency(resnet50, a16)\",1.5,y\n\"latency(resnet50, a15)\",abc,y\n");
    Measurements m = Measurements.read(List.of(a, b));
    assertEquals(a + " + " + b, m.file());
    assertEquals(2, m.rows().size());
    assertEquals(List.of(b + ":3:26 measured_ms must be a number, found 'abc'"), positions(m));
    assertEquals(b.toString(), m.rows().get(1).exprSource().name());
  }

  /** A column named twice was shown at 1:1; it is shown at its second name (quoted or not). */
  @Test
  void aColumnNamedTwiceIsShownAtItsSecondName() throws IOException {
    Path f =
        file(
            "dup.csv",
            "\"expr\",source,measured_ms,\"source\",expr\n\"latency(x, a16)\",y,1,y,z\n");
    assertEquals(
        List.of(
            f + ":1:28 the header names the column 'source' twice: which one to read is unclear"),
        positions(Measurements.read(List.of(f))));
  }

  @Test
  void filesReadTogetherMustShareTheirHeaderAndNoneComesTwice() throws IOException {
    Path a = file("a.csv", "expr,measured_ms,source\n\"latency(mobilenet_v2, a16)\",0.6,x\n");
    Path b = file("b.csv", "expr,measured_ms\n\"latency(resnet50, a16)\",1.5\n");
    Measurements mixed = Measurements.read(List.of(a, b));
    assertTrue(mixed.rows().isEmpty(), "no rows from a set whose headers differ");
    assertTrue(
        positions(mixed).get(0).contains("must share their header"), positions(mixed).toString());
    Measurements twice = Measurements.read(List.of(a, dir.resolve(".").resolve("a.csv")));
    assertTrue(twice.rows().isEmpty(), "a file given twice is refused, not counted twice");
    assertTrue(positions(twice).get(0).contains("is given twice"), positions(twice).toString());
    Measurements missing = Measurements.read(List.of(a, dir.resolve("none.csv")));
    assertTrue(missing.rows().isEmpty(), "an unreadable file fails the set");
    // the header is compared, not a first row that leaves its last cell out
    Path shortRow =
        file("c.csv", "expr,measured_ms,source,notes\n\"latency(mobilenet_v2, a16)\",0.6,x\n");
    Path full =
        file("d.csv", "expr,measured_ms,source,notes\n\"latency(resnet50, a16)\",1.5,y,n\n");
    Measurements same = Measurements.read(List.of(shortRow, full));
    assertEquals(2, same.rows().size(), positions(same).toString());
  }
}
