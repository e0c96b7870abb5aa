package dev.devq.cli;

import dev.devq.Answer;
import dev.devq.Devq;
import dev.devq.Json;
import dev.devq.ShellWords;
import dev.devq.doc.FrontMatter;
import dev.devq.doc.InputPath;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.Span;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every devq command shares: the common options ({@code --profiles}, {@code --no-color}), its
 * output and error writers, loading the knowledge base, rendering errors, and the exit codes of
 * DESIGN.md. A command implements only {@link #run()}:
 *
 * <pre>{@code
 * @Command(name = "info", mixinStandardHelpOptions = true, description = "…")
 * final class InfoCommand extends DevqCommand {
 *   @Mixin OutputFormat format;
 *   @Parameters(paramLabel = "ID") String id;
 *
 *   @Override
 *   int run() throws Loader.Failed {
 *     return answer(devq().info(id));
 *   }
 * }
 * }</pre>
 */
abstract class DevqCommand implements Callable<Integer> {
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  /** Does the command's work and returns its exit code; writers are flushed afterwards. */
  abstract int run() throws Loader.Failed;

  @Override
  public final Integer call() throws Loader.Failed {
    if (spec != null) {
      // a command run without picocli (PlainCommand) has no options, so nothing out of range
      UsageErrors.checkRanges(spec);
    }
    try {
      return run();
    } finally {
      out().flush();
      err().flush();
    }
  }

  /** Set when the command runs as a REPL {@code :} command, whose help is {@code :help NAME}. */
  boolean inRepl;

  /**
   * How to ask for this command's help where it runs: {@code devq plot --help} or {@code :help
   * plot}.
   */
  String helpCommand() {
    return inRepl ? ":help " + spec.name() : spec.qualifiedName() + " --help";
  }

  /**
   * A command line to suggest, written as it is typed where this command runs: {@code devq explain
   * 'latency(m, a16)'} in a shell, {@code :explain latency(m, a16)} in the REPL, which reads a
   * query as typed (quotes would make it a string) and other words as a shell would.
   */
  String example(String command, String... args) {
    if (inRepl) {
      return ":" + command + (args.length == 0 ? "" : " " + String.join(" ", args));
    }
    var line = new StringBuilder("devq ").append(command);
    for (String arg : args) {
      line.append(' ').append(ShellWords.word(arg));
    }
    return line.toString();
  }

  /**
   * The refusal of a blank query among {@code queries}, or empty: {@code devq eval "$QUERY"} with
   * the variable unset would otherwise read as a syntax error at 1:1, or print nothing. Said alike
   * by every command that takes a query; {@code example} is the arguments of a command line of
   * {@code command} that has a query ({@link #example}).
   */
  String emptyQuery(List<String> queries, String command, String... example) {
    for (int i = 0; i < queries.size(); i++) {
      if (queries.get(i).isBlank()) {
        return (queries.size() == 1 ? "the query" : "query " + (i + 1))
            + " is empty: nothing to evaluate, e.g. "
            + example(command, example);
      }
    }
    return "";
  }

  /**
   * The paths among {@code paths}, given to this command, that name nothing readable of {@code
   * kind}, each as an {@code INPUT_FILE} diagnostic at its argument; empty when all can be read.
   * Said before any profile loads, so a typo in a file name costs no wait.
   */
  List<Diagnostic> unreadable(List<Path> paths, InputPath.Kind kind) {
    List<Diagnostic> problems = new ArrayList<>();
    for (Path path : paths) {
      InputPath.problem(path, kind)
          .ifPresent(p -> problems.add(ArgumentsText.at(spec, inRepl, path, p)));
    }
    return problems;
  }

  /** Writers given without picocli ({@link PlainCommand}); null: the command line's. */
  private PrintWriter out;

  private PrintWriter err;

  void writeTo(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  PrintWriter out() {
    return out != null ? out : spec.commandLine().getOut();
  }

  PrintWriter err() {
    return err != null ? err : spec.commandLine().getErr();
  }

  /** Knowledge bases loaded for review documents' front matter, by overlay list. */
  private final Map<List<Path>, Devq> documentBases = new HashMap<>();

  /** The knowledge base; profile errors are printed and end the command with exit code 2. */
  Devq devq() throws Loader.Failed {
    try {
      return Loader.load(common, err());
    } catch (Loader.Failed f) {
      throw asJsonToo(f);
    }
  }

  /** A failed load under {@link #json()}: its errors also as the JSON {@code errors} object. */
  private Loader.Failed asJsonToo(Loader.Failed f) {
    if (json()) {
      printAsJson(f.diagnostics());
    }
    return f;
  }

  /**
   * The knowledge base a review document asks for in its front matter, on top of {@code base}
   * ({@link Loader#forDocument}).
   */
  Devq devq(Devq base, FrontMatter frontMatter) throws Loader.Failed {
    try {
      return Loader.forDocument(common, base, frontMatter.profiles(), documentBases, err());
    } catch (Loader.Failed f) {
      throw asJsonToo(f);
    }
  }

  /**
   * Whether the command was asked for JSON ({@code --format json}); its errors then also go to the
   * output as one JSON {@code errors} object, the same shape from every command.
   */
  boolean json() {
    return false;
  }

  /**
   * Prints diagnostics to the error stream, and with {@link #json()} as a JSON {@code errors}
   * object ({@code {"kind": "errors", "errors": [...]}}) to the output: bad input, exit code 2.
   */
  /**
   * Prints warnings on standard error, where they never mix into a report on standard output; they
   * change no exit code.
   */
  void warnings(List<Diagnostic> warnings) {
    err().print(DiagnosticRenderer.render(warnings));
  }

  int errors(List<Diagnostic> diagnostics) {
    return errors(diagnostics, json());
  }

  /**
   * {@link #errors(List)}, the JSON object only when {@code asJson}: a command that printed a JSON
   * report of its own (validate's rows) prints no second document.
   */
  int errors(List<Diagnostic> diagnostics, boolean asJson) {
    if (asJson) {
      printAsJson(diagnostics);
    }
    err().print(DiagnosticRenderer.render(diagnostics));
    return ExitCodes.BAD_INPUT;
  }

  /**
   * Prints {@code devq: message} to the error stream, and with {@link #json()} the same message as
   * a JSON {@code errors} object to the output: bad input, exit code 2.
   */
  int fail(String message) {
    return refuse(DiagnosticCode.BAD_VALUE, message, ExitCodes.BAD_INPUT);
  }

  /**
   * {@link #fail} for an I/O failure (the system refused a file the command must write): the JSON
   * error's code is {@code IO}, and the exit code 3.
   */
  int failToWrite(String message) {
    return refuse(DiagnosticCode.IO, message, ExitCodes.INTERNAL);
  }

  private int refuse(DiagnosticCode code, String message, int exitCode) {
    if (json()) {
      printAsJson(List.of(Diagnostic.error(code, message, Loader.ARGUMENTS, Span.at(0))));
    }
    err().println("devq: " + message);
    return exitCode;
  }

  /**
   * Prints an answer about the knowledge base, as JSON with {@link #json()}, or its error (exit
   * code 2), with {@link #json()} also as a JSON {@code errors} object when it has diagnostics.
   */
  int answer(Answer answer) {
    if (!answer.ok()) {
      if (json() && !answer.errors().isEmpty()) {
        printAsJson(answer.errors());
      }
      err().print(answer.error());
      return ExitCodes.BAD_INPUT;
    }
    out().print(answer.render(json()));
    answer.notes().forEach(note -> err().println("devq: " + note));
    return ExitCodes.OK;
  }

  /** The JSON {@code errors} object every command prints for bad input under --format json. */
  private void printAsJson(List<Diagnostic> diagnostics) {
    out().println(Json.write(Json.diagnostics(diagnostics)));
  }
}
