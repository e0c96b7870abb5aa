package dev.devq.cli;

import dev.devq.Devq;
import dev.devq.LoadException;
import dev.devq.Outcome;
import dev.devq.Run;
import dev.devq.doc.AtomicFile;
import dev.devq.doc.FrontMatter;
import dev.devq.doc.OutputFiles;
import dev.devq.doc.QueryFiles;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.Suggestions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The commands only the REPL has; each works on the session's {@link ReplState}. */
abstract class ReplCommand implements Callable<Integer> {
  ReplState state;
  @Spec CommandSpec spec;

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** How {@code :load} and {@code :save} word an I/O failure: {@code devq: cannot read F: why}. */
  static String cannot(String verb, Path file, IOException e) {
    return "devq: cannot " + verb + " " + file + ": " + AtomicFile.reason(e);
  }

  /**
   * The refusal of {@code :load ""} or {@code :save ""}, or empty when {@code file} names
   * something: an empty name read as the current folder ("cannot read : it is a directory") or as a
   * name not ending in .devq ("found " and nothing), which named neither the command nor what was
   * missing.
   */
  static String emptyFileName(String command, Path file, String example) {
    return file.toString().isBlank()
        ? "devq: :"
            + command
            + " needs a file name, found an empty one, e.g. :"
            + command
            + " "
            + example
        : "";
  }

  /** Prints statement outcomes in the session's format. */
  static void show(List<Outcome> outcomes, Format format, PrintWriter out) {
    OutcomePrinter.print(outcomes, format, out);
  }

  @Command(
      name = "help",
      aliases = {"h", "?"},
      mixinStandardHelpOptions = true,
      description =
          "How to write queries; :help TOPIC for a function, a command, functions, units, states or keys.")
  static final class Help extends ReplCommand {
    @Parameters(arity = "0..1", paramLabel = "TOPIC")
    String topic;

    @Override
    public Integer call() {
      String text = ReplHelp.text(topic);
      out().print(text);
      return text.startsWith("devq: ") ? ExitCodes.BAD_INPUT : ExitCodes.OK;
    }
  }

  @Command(
      name = "load",
      mixinStandardHelpOptions = true,
      description =
          "Run a query file, or the devq blocks of a review document, in this session and keep its"
              + " bindings; on any error nothing of it is kept. A document's front matter"
              + " overlays (devq: {profiles: [dir]}) are loaded as devq check loads them.")
  static final class Load extends ReplCommand {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Override
    public Integer call() {
      String empty = emptyFileName("load", file, "queries/quickstart.devq");
      if (!empty.isEmpty()) {
        out().println(empty);
        return ExitCodes.BAD_INPUT;
      }
      FrontMatter front = FrontMatter.read(file, null);
      if (!front.diagnostics().isEmpty()) {
        return refuse(front.diagnostics());
      }
      Devq devq = state.devq;
      if (!front.profiles().isEmpty() && !front.profiles().equals(state.documentProfiles)) {
        try {
          devq = state.stoppable(Devq.load(Loader.documentFirst(front.profiles(), state.profiles)));
        } catch (LoadException e) {
          return refuse(e.diagnostics());
        }
      }
      // as devq check runs it; the session keeps the bindings only when nothing failed
      Run run = QueryFiles.run(devq, file, null, state.bindings);
      if (!run.ok()) {
        return refuse(run.diagnostics());
      }
      if (devq != state.devq) {
        state.devq = devq;
        state.documentProfiles = front.profiles();
        out().println(profilesNote(front.profiles()));
      }
      int before = state.bindings.history().size();
      state.bindings = run.bindings();
      show(run.outcomes(), state.format, out());
      int added = state.bindings.history().size() - before;
      out()
          .println(
              "loaded " + added + (added == 1 ? " statement" : " statements") + " from " + file);
      return ExitCodes.OK;
    }

    private String profilesNote(List<Path> profiles) {
      return "profiles of "
          + file
          + "'s front matter are in the session from now on: "
          + String.join(", ", profiles.stream().map(Path::toString).toList());
    }

    private int refuse(List<Diagnostic> diagnostics) {
      out().print(DiagnosticRenderer.render(diagnostics));
      out().println("devq: nothing of " + file + " was loaded");
      return ExitCodes.BAD_INPUT;
    }
  }

  @Command(
      name = "save",
      mixinStandardHelpOptions = true,
      description =
          "Write the session's successful statements to a new .devq file (--force: replace one"
              + " that exists); the file is written whole or not at all.")
  static final class Save extends ReplCommand {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(
        names = {"-f", "--force"},
        description = "replace FILE if it exists")
    boolean force;

    @Override
    public Integer call() {
      String empty = emptyFileName("save", file, "session.devq");
      if (!empty.isEmpty()) {
        out().println(empty);
        return ExitCodes.BAD_INPUT;
      }
      if (!file.toString().endsWith(".devq")) {
        // :save review.md once replaced a document with the session's statements
        out().println("devq: :save writes a query file, named FILE.devq, found " + file);
        return ExitCodes.BAD_INPUT;
      }
      List<String> statements = state.bindings.history();
      if (statements.isEmpty()) {
        out().println("devq: nothing to save: no statement has succeeded yet");
        return ExitCodes.BAD_INPUT;
      }
      // a session saved over last week's file lost it without a word; a directory is refused below
      if (!force && Files.exists(file) && !Files.isDirectory(file)) {
        out().println("devq: " + file + " exists; ':save --force " + file + "' replaces it");
        return ExitCodes.BAD_INPUT;
      }
      try {
        OutputFiles.write(file, String.join("\n", statements) + "\n");
      } catch (IOException e) {
        out().println(cannot("write", file, e));
        return ExitCodes.INTERNAL;
      }
      out()
          .println(
              "saved "
                  + statements.size()
                  + (statements.size() == 1 ? " statement" : " statements")
                  + " to "
                  + file);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "format",
      mixinStandardHelpOptions = true,
      description =
          "Show results as text, json, csv or markdown from now on (without an argument: the"
              + " current format). csv and markdown show a table as such and any other result as"
              + " a one-row table.")
  static final class FormatCmd extends ReplCommand {
    @Parameters(arity = "0..1", paramLabel = "text|json|csv|markdown")
    String value;

    @Override
    public Integer call() {
      if (value == null) {
        out().println("format: " + state.format);
        return ExitCodes.OK;
      }
      List<String> formats = List.of("text", "json", "csv", "markdown");
      if (!formats.contains(value)) {
        String hint = Suggestions.didYouMean(value, formats);
        out()
            .println(
                "devq: the format is text, json, csv or markdown, found '"
                    + value
                    + "'"
                    + (hint.isEmpty() ? "" : "; " + hint));
        return ExitCodes.BAD_INPUT;
      }
      state.format = Format.valueOf(value);
      out().println("format: " + state.format);
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "quit",
      aliases = {"q", "exit"},
      mixinStandardHelpOptions = true,
      description = "Leave the REPL (Ctrl-D on an empty line also does).")
  static final class Quit extends ReplCommand {
    @Override
    public Integer call() {
      state.quit = true;
      return ExitCodes.OK;
    }
  }
}
