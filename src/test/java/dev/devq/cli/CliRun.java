package dev.devq.cli;

import dev.devq.DevqAssertions;
import java.io.PrintWriter;
import java.io.StringWriter;

/** One command line run in process, as a user would type it: its exit code and what it printed. */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    DevqAssertions.devq();
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
