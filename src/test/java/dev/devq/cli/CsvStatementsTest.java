package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * Several statements in CSV: each its own table, a blank record between, CRLF like every record.
 */
class CsvStatementsTest {
  @Test
  void theBlankRecordBetweenTablesEndsInCrlf() {
    var out = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(new StringWriter()));
    assertEquals(0, cmd.execute("eval", "--format", "csv", "table x in [1, 2]: x", "3"));
    assertEquals("x\r\n1\r\n2\r\n\r\n3\r\n3\r\n", out.toString());
  }
}
