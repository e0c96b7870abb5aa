package dev.devq.cli;

import dev.devq.Bindings;
import dev.devq.Devq;
import dev.devq.Outcome;
import dev.devq.Run;
import dev.devq.doc.AtomicFile;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.lang.UserFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;

/**
 * {@code devq} with no arguments. On a terminal: the interactive REPL. With stdin redirected: read
 * statements from stdin and behave like {@code devq check} (PASS/FAIL lines, exit codes).
 */
final class Repl {
  private Repl() {}

  static int run(CommonOptions common, PrintWriter out, PrintWriter err) {
    Devq devq;
    try {
      devq = Loader.load(common, err);
    } catch (Loader.Failed e) {
      return e.exitCode();
    }
    if (System.console() == null) {
      return fromStdin(devq, System.in, out, err);
    }
    // The user types for a second or more before a first search: open Lucene and run the search
    // path meanwhile, until the first line.
    ReplWarmUp warmUp = ReplWarmUp.start(devq);
    return InteractiveRepl.run(devq, common.profileDirs(), common.color(), err, warmUp);
  }

  static int fromStdin(Devq devq, InputStream in, PrintWriter out, PrintWriter err) {
    String text;
    try {
      // as a query file is read: bytes that are not UTF-8 were read as U+FFFD and reported as a
      // character nobody typed, and input that never ended was read until memory ran out
      text = UserFile.text(in, UserFile.MAX_BYTES);
    } catch (UserFile.Refused e) {
      err.println("devq: standard input " + e.getMessage());
      err.flush();
      return ExitCodes.BAD_INPUT;
    } catch (IOException e) {
      err.println("devq: cannot read standard input: " + AtomicFile.reason(e));
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    var source = new SourceText("<stdin>", text);
    // read as a query file is read by check: a list of booleans, or a let of a boolean that
    // nothing reads, is refused, not shown as passing
    Run run = devq.runFile(source, Bindings.EMPTY).ended();
    err.print(DiagnosticRenderer.render(run.warnings()));
    for (Outcome o : run.outcomes()) {
      // Checks print as devq check prints them, with their line; other values as the REPL shows
      // them.
      out.println(o.text(o.isCheck()));
    }
    out.flush();
    if (!run.ok()) {
      err.print(DiagnosticRenderer.render(run.diagnostics()));
      if (text.lines().anyMatch(line -> line.matches("\\s*:[A-Za-z].*"))) {
        // ':load f' piped in was only "unexpected ':'": the commands are the terminal REPL's
        err.println(
            "devq: standard input is read as a query file; ':' commands such as :load run only"
                + " in the REPL on a terminal");
      }
      err.flush();
      return ExitCodes.BAD_INPUT;
    }
    return run.failedChecks() > 0 ? ExitCodes.CHECK_FAILED : ExitCodes.OK;
  }
}
