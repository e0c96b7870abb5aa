package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate --format json} gives a row's other CSV columns after its own figures, and a
 * column named like one of them (the {@code error} of an earlier run kept in the file) never
 * replaces devq's number with the file's text.
 */
class ValidateJsonColumnsTest {
  @TempDir Path dir;

  @Test
  void aCsvColumnNeverReplacesAFigure() throws Exception {
    Path csv =
        Files.writeString(
            dir.resolve("rows.csv"),
            "expr,measured_ms,error,predicted_ms,low_ms,source\n"
                + "\"latency(mobilenet_v2, iphone_14_pro)\",0.48,+2%,0.49,x,paper\n");
    var out = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(new StringWriter()));
    assertEquals(0, cmd.execute("validate", "--format", "json", csv.toString()));
    JsonNode row = new ObjectMapper().readTree(out.toString()).get("results").get(0);
    assertEquals(true, row.get("error").isNumber(), row.toString());
    assertEquals(true, row.get("predicted_ms").isNumber(), row.toString());
    assertEquals(true, row.get("low_ms").isNumber(), row.toString());
    assertEquals(0.48, row.get("measured_ms").asDouble(), 1e-12);
    assertEquals("paper", row.get("source").asText());
  }
}
