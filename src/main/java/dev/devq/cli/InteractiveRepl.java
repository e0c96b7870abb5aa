package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.Run;
import dev.devq.doc.AtomicFile;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive REPL on JLine: line editing, persistent history, highlighting and completion from
 * the engine, input continued over several lines while unfinished, {@code :} commands, and a
 * session whose bindings persist across inputs. A failed input changes nothing.
 */
final class InteractiveRepl {
  static final String PROMPT = "devq> ";
  static final String CONTINUATION = " ...> ";

  /** What Ctrl-C during an input prints: the input stopped, and changed nothing. */
  static final String INTERRUPTED = "interrupted: nothing of this input was kept";

  /** JLine reports history it cannot save through java.util.logging; the REPL says so itself. */
  private static final Logger JLINE_LOG = Logger.getLogger("org.jline");

  private InteractiveRepl() {}

  /** Runs the session on the system terminal; {@code typed} is called at every line read. */
  static int run(
      Devq devq, List<Path> profiles, boolean color, PrintWriter err, ReplWarmUp warmUp) {
    JLINE_LOG.setLevel(Level.OFF);
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      var state = new ReplState(devq, profiles);
      ReplHistory.Location history =
          ReplHistory.prepare(ReplHistory.file(System.getenv(), System.getProperty("user.home")));
      LineReader reader = reader(terminal, state, history.file(), color);
      if (history.file() == null) {
        terminal.writer().println("devq: history is not saved: " + history.problem());
      }
      return loop(state, reader, color, warmUp::stop, warmUp::prepare);
    } catch (IOException e) {
      err.println("devq: cannot open the terminal: " + AtomicFile.reason(e));
      err.flush();
      return ExitCodes.INTERNAL;
    }
  }

  /** A line reader wired to the engine; {@code historyFile} null keeps history in memory only. */
  static LineReader reader(Terminal terminal, ReplState state, Path historyFile, boolean color) {
    LineReaderBuilder builder =
        LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("devq")
            .parser(new ReplParser(new ReplCompletion(state)))
            .completer(new ReplCompleter())
            .completionMatcher(new ReplCompleter.Matcher())
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
            .variable(LineReader.INDENTATION, 2)
            .option(LineReader.Option.CASE_INSENSITIVE, true)
            // '!' is the language's '!=', not a history event.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
            .option(LineReader.Option.INSERT_TAB, false);
    if (color) {
      builder.highlighter(new ReplHighlighter(state));
    }
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, historyFile);
    }
    LineReader reader = builder.build();
    ReplKeys.install(reader);
    return reader;
  }

  /** Reads and runs inputs until {@code :quit} or end of input; exit code 0. */
  static int loop(ReplState state, LineReader reader, boolean color) {
    return loop(state, reader, color, () -> {}, commands -> {});
  }

  /**
   * {@link #loop(ReplState, LineReader, boolean)}, handing the session's commands to {@code made}
   * before the first prompt and calling {@code typed} at every line read.
   */
  static int loop(
      ReplState state,
      LineReader reader,
      boolean color,
      Runnable typed,
      java.util.function.Consumer<ReplCommands> made) {
    PrintWriter out = reader.getTerminal().writer();
    out.println(
        "devq: " + state.devq.contents() + ". Tab completes, :help explains, :quit leaves.");
    var commands = new ReplCommands(state, out);
    made.accept(commands);
    // Ctrl-C while an input runs stops it, and the session goes on; the terminal's default would
    // end the JVM and every binding with it. While a line is read, JLine has its own handler.
    reader.getTerminal().handle(Terminal.Signal.INT, signal -> state.interrupted.set(true));
    while (!state.quit) {
      String line;
      try {
        line = reader.readLine(PROMPT);
      } catch (UserInterruptException e) {
        continue;
      } catch (EndOfFileException e) {
        break;
      }
      if (line.isBlank()) {
        continue;
      }
      typed.run();
      state.interrupted.set(false);
      try {
        String hint = ReplCommands.missingColon(line, state);
        if (line.stripLeading().startsWith(":")) {
          commands.execute(line);
        } else if (!hint.isEmpty()) {
          out.println(hint);
        } else {
          evaluate(state, line, out, color, reader.getTerminal().getWidth());
        }
      } catch (RuntimeException e) {
        Main.internalError(out, e, "input");
      }
      out.flush();
    }
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      // as ReplHistory says it at the start: which file, then why ("not a directory" named none)
      out.println(
          "devq: history is not saved: cannot write "
              + reader.getVariable(LineReader.HISTORY_FILE)
              + ": "
              + AtomicFile.reason(e));
    }
    out.flush();
    return ExitCodes.OK;
  }

  /**
   * Runs one input atomically: on any error the session stays as it was. {@code width} is the
   * terminal's, in columns (0: unknown), for where an error's caret goes.
   */
  static void evaluate(ReplState state, String line, PrintWriter out, boolean color, int width) {
    var source = new SourceText(state.nextInputName(), line);
    Run run = state.devq.runAtomically(source, state.bindings);
    if (run.diagnostics().stream().anyMatch(d -> d.code() == DiagnosticCode.INTERRUPTED)) {
      // on a line of its own: the terminal has echoed ^C where the cursor was
      out.println();
      out.println(INTERRUPTED);
      return;
    }
    if (!run.ok()) {
      out.print(ReplErrors.render(run.diagnostics(), source, PROMPT.length(), color, width));
      return;
    }
    state.bindings = run.bindings();
    ReplCommand.show(run.outcomes(), state.format, out);
  }
}
