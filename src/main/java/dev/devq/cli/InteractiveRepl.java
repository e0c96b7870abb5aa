package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import dev.devq.lang.eval.Interpreter;
import dev.devq.lang.eval.Outcome;
import dev.devq.lang.eval.Session;
import java.io.IOException;
import java.io.PrintWriter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** The interactive REPL on JLine: line editing, and a session whose bindings persist across lines. */
final class InteractiveRepl {
  private InteractiveRepl() {}

  static int run(Devq devq, PrintWriter out, PrintWriter err) {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      LineReader reader = LineReaderBuilder.builder().terminal(terminal).appName("devq").build();
      PrintWriter tout = terminal.writer();
      tout.println("devq — type a query, :help for help, :quit to leave");
      Session session = Session.EMPTY;
      int n = 0;
      while (true) {
        String line;
        try {
          line = reader.readLine("devq> ");
        } catch (UserInterruptException e) {
          continue;
        } catch (EndOfFileException e) {
          return ExitCodes.OK;
        }
        String trimmed = line.strip();
        if (trimmed.isEmpty()) {
          continue;
        }
        if (trimmed.equals(":quit") || trimmed.equals(":q")) {
          return ExitCodes.OK;
        }
        if (trimmed.equals(":help")) {
          tout.println("queries: latency(mobilenet_v2, a16, throttled) < 33ms; let m = quantize(resnet50, w8a8)");
          tout.println("commands: :help, :quit");
          continue;
        }
        var source = new SourceText("<repl:" + (++n) + ">", line);
        Interpreter.Run run = devq.interpreter().run(source, session, true);
        if (!run.ok()) {
          tout.print(DiagnosticRenderer.render(run.diagnostics()));
          continue;
        }
        session = run.session();
        for (Outcome o : run.outcomes()) {
          tout.println(OutcomeText.render(o, source, false));
        }
        tout.flush();
      }
    } catch (IOException e) {
      err.println("devq: cannot open the terminal: " + e.getMessage());
      return ExitCodes.INTERNAL;
    }
  }
}
