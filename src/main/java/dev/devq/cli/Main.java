package dev.devq.cli;

import dev.devq.Devq;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code devq} command. */
@Command(
    name = "devq",
    mixinStandardHelpOptions = true,
    version = Main.VERSION,
    description =
        "Will this model fit on that phone, fast enough, when it is hot? "
            + "Device profiles, a cost model and a query language for on-device ML.",
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:success: every check passed",
      "1:a check failed, or its answer is unknown",
      "2:bad input: a query, file, option or profile devq cannot use (the message says where)",
      "3:an internal error, or the output could not be written"
    },
    footerHeading = "%nEnvironment:%n",
    footer = {
      "  NO_COLOR        when set and not empty, no colour in the output (as --no-color)",
      "  XDG_STATE_HOME  the REPL keeps its history in $XDG_STATE_HOME/devq/history",
      "                  (~/.local/state/devq/history when unset)"
    },
    subcommands = {
      EvalCommand.class,
      CheckCommand.class,
      DocCommand.class,
      SearchCommand.class,
      InfoCommand.class,
      ListCommand.class,
      ExplainCommand.class,
      PlotCommand.class,
      ValidateCommand.class,
      CalibrateCommand.class,
      CompletionCommand.class,
      HelpCommand.class,
      ImportCommand.class
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  /** What {@code -V} prints, for devq and each of its commands. */
  static final String VERSION = "devq 0.1.0";

  @CommandLine.Mixin CommonOptions common = new CommonOptions();
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
      // setting picocli up can fail too (out of memory while the knowledge base is read ahead)
      reserve = null;
      code = internalError(PlainCommand.stderr(), e);
    }
    System.exit(outputWritten(code));
  }

  /**
   * {@code code}, or the I/O-failure exit code when the standard output could not take what was
   * written (a full disk under {@code check --format junit > devq.xml}): a truncated report must
   * not pass CI. The writers flush into {@link System#out}, which keeps its write errors to itself
   * until asked.
   */
  private static int outputWritten(int code) {
    if (!System.out.checkError() || code == ExitCodes.INTERNAL || readerLeft()) {
      return code;
    }
    PrintWriter err = PlainCommand.stderr();
    err.println("devq: could not write the output (standard output refused it: disk full?)");
    err.flush();
    return ExitCodes.INTERNAL;
  }

  /**
   * Whether the standard output is a pipe or a socket: a write to one fails when its reader has
   * stopped reading ({@code devq explain … | head}), which is what the reader asked for, not a lost
   * report; it exited 3 with "disk full?" whenever the reader won the race. A file, a device such
   * as {@code /dev/full}, or a system that does not say, keeps the failure.
   */
  static boolean readerLeft() {
    try {
      int type = (Integer) Files.getAttribute(Path.of("/dev/stdout"), "unix:mode") & S_IFMT;
      return type == S_IFIFO || type == S_IFSOCK;
    } catch (IOException | RuntimeException e) {
      return false; // no /dev/stdout, or no "unix" view of it
    }
  }

  /** The file-type bits of a POSIX {@code st_mode}, and the types of a pipe and of a socket. */
  private static final int S_IFMT = 0170000;

  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;

  private static int run(String[] args) {
    DevqCommand plain = PlainCommand.of(args);
    if (plain != null) {
      if (plain instanceof SearchCommand search) {
        Devq.prefetchSearch(search.query());
      } else {
        Devq.prefetch(false, List.of(args));
      }
      return PlainCommand.run(plain);
    }
    if (args.length > 0 && QUICK.containsKey(args[0])) {
      // the second core reads the knowledge base while picocli sets up and parses the arguments
      boolean overlays = java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--profiles"));
      Devq.prefetch(args[0].equals("search") && !overlays, List.of(args));
    }
    return execute(commandLine(args), args);
  }

  /**
   * The commands a one-shot run uses most, each of which can be set up alone: picocli reflects on
   * the annotations of every command it is given, and its classes (Java 5 class files) cannot be
   * kept in a class-data archive, so setting up all twelve costs more than the query.
   */
  private static final Map<String, Supplier<Object>> QUICK =
      Map.of(
          "eval", EvalCommand::new,
          "check", CheckCommand::new,
          "search", SearchCommand::new,
          "info", InfoCommand::new,
          "list", ListCommand::new,
          "explain", ExplainCommand::new);

  /**
   * The command line for {@code args}: when they start with one of the {@link #QUICK} commands,
   * {@code devq} with only that command (nothing before the command name, so none of the top-level
   * options can be there), else the full one. Both parse and print the same.
   */
  static CommandLine commandLine(String... args) {
    Supplier<Object> quick = args.length == 0 ? null : QUICK.get(args[0]);
    if (quick == null) {
      return commandLine();
    }
    var cmd = new CommandLine(CommandLine.Model.CommandSpec.create().name("devq"));
    cmd.addSubcommand(args[0], new CommandLine(quick.get()));
    return handled(cmd);
  }

  /**
   * Runs a command line. picocli's handler sees only exceptions; an {@link Error} (out of memory, a
   * stack overflow in a library) would print a Java trace, so it becomes one line and the
   * internal-error exit code here.
   */
  static int execute(CommandLine cmd, String... args) {
    try {
      return cmd.execute(args);
    } catch (OutOfMemoryError | StackOverflowError | RuntimeException e) {
      return internalError(cmd.getErr(), e);
    } finally {
      cmd.getOut().flush();
    }
  }

  /**
   * Room for the report of running out of memory: a full heap cannot even make the writer and the
   * line that say so, so this is let go first.
   */
  private static byte[] reserve = new byte[64 * 1024];

  /** One line for a failure of devq itself, never a Java trace: the internal-error exit code. */
  static int internalError(PrintWriter err, Throwable e) {
    return internalError(err, e, "command");
  }

  /**
   * The report of {@link #internalError(PrintWriter, Throwable)}, asking for the {@code culprit}
   * that caused it: the REPL goes on after it and asks for the input.
   */
  static int internalError(PrintWriter err, Throwable e, String culprit) {
    reserve = null;
    err.println("devq: internal error: " + firstLine(e));
    err.println("please report this with the " + culprit + " that caused it");
    err.flush();
    return ExitCodes.INTERNAL;
  }

  private static String firstLine(Throwable e) {
    String text = String.valueOf(e);
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /** The configured command line, also used by tests with their own writers. */
  public static CommandLine commandLine() {
    return commandLine(CommandLine.defaultFactory());
  }

  /** The command line with its commands made by {@code factory} (the fuzz suite preloads one). */
  static CommandLine commandLine(CommandLine.IFactory factory) {
    return handled(new CommandLine(new Main(), factory));
  }

  /** Errors handled as DESIGN.md says; set after the commands are added so they inherit it. */
  private static CommandLine handled(CommandLine cmd) {
    cmd.setExecutionExceptionHandler(Main::handle);
    cmd.setParameterExceptionHandler(Main::usage);
    DashArguments.allow(cmd);
    return versioned(cmd);
  }

  /**
   * Gives each command of {@code cmd} devq's version, which {@code -V} prints: a command without
   * one of its own printed nothing ({@code devq info -V}, {@code :info -V}).
   */
  static CommandLine versioned(CommandLine cmd) {
    if (cmd.getCommandSpec().version().length == 0) {
      cmd.getCommandSpec().version(VERSION);
    }
    cmd.getSubcommands().values().forEach(Main::versioned);
    return cmd;
  }

  @Override
  public Integer call() {
    return Repl.run(common, spec.commandLine().getOut(), spec.commandLine().getErr());
  }

  private static int handle(Exception e, CommandLine cmd, CommandLine.ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    if (e instanceof Loader.Failed f) {
      return f.exitCode();
    }
    return internalError(err, e);
  }

  private static int usage(CommandLine.ParameterException e, String[] args) {
    UsageErrors.print(e, e.getCommandLine().getErr(), false);
    return ExitCodes.BAD_INPUT;
  }
}
