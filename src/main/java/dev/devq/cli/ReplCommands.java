package dev.devq.cli;

import dev.devq.lang.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The REPL's {@code :} commands as picocli subcommands. {@code :info}, {@code :list}, {@code
 * :search}, {@code :explain} and {@code :plot} are the CLI's own commands, run on the loaded
 * knowledge base (and, for {@code :explain} and {@code :plot}, the session's bindings); {@code
 * :help}, {@code :load}, {@code :save}, {@code :format} and {@code :quit} exist only here.
 */
final class ReplCommands {
  /** A command's name and one line about it, for help and completion. */
  record Info(String name, String summary) {}

  @Command(
      name = "",
      subcommands = {
        ReplCommand.Help.class,
        InfoCommand.class,
        ListCommand.class,
        SearchCommand.class,
        ExplainCommand.class,
        PlotCommand.class,
        ReplCommand.Load.class,
        ReplCommand.Save.class,
        ReplCommand.FormatCmd.class,
        ReplCommand.Quit.class
      })
  static final class Root implements Runnable {
    @Override
    public void run() {
      // Only the subcommands do anything.
    }
  }

  /**
   * Every command's specification, made once: a line builds a command line for its own command
   * only, since building all of them took milliseconds on every {@code :search}.
   */
  private static final CommandLine COMMANDS = new CommandLine(new Root());

  /** Every command, from the picocli specification. */
  static final List<Info> INFO = describe(COMMANDS);

  /** Commands whose output the session's {@code :format} applies to. */
  private static final List<String> FORMATTED = List.of("info", "list", "search", "explain");

  private final ReplState state;
  private final PrintWriter out;

  /** The session's command line for {@code :search} with options, once built. */
  private CommandLine searchLine;

  ReplCommands(ReplState state, PrintWriter out) {
    this.state = state;
    this.out = out;
  }

  /** Runs one {@code :command args} line. */
  void execute(String line) {
    String body = line.strip().substring(1).strip();
    int space = body.indexOf(' ');
    String name = space < 0 ? body : body.substring(0, space);
    String rest = space < 0 ? "" : body.substring(space + 1).strip();
    CommandLine known = COMMANDS.getSubcommands().get(name);
    if (known == null) {
      List<String> names = INFO.stream().map(Info::name).toList();
      String close = Suggestions.closest(name, names);
      out.println(
          "devq: unknown command ':"
              + name
              + "'"
              + (close.isEmpty() ? "" : "; did you mean ':" + close + "'?"));
      out.println("commands: " + String.join(" ", names.stream().map(n -> ":" + n).toList()));
      out.flush();
      return;
    }
    String canonical = known.getCommandName();
    if (canonical.equals("search") && searchedPlainly(rest)) {
      return;
    }
    List<String> args = new ArrayList<>();
    boolean tabular = state.format == Format.csv || state.format == Format.markdown;
    if (FORMATTED.contains(canonical)
        && (state.format == Format.json || (tabular && canonical.equals("explain")))
        && !rest.contains("--format")) {
      args.add("--format");
      args.add(state.format.name());
    }
    // A query keeps its spaces and quotes; other arguments are words.
    if (canonical.equals("explain") && !rest.isEmpty() && !rest.startsWith("-")) {
      args.add(rest);
    } else {
      args.addAll(words(rest));
    }
    CommandLine cmd =
        canonical.equals("search") ? searchLine() : commandLine(known.getCommand().getClass());
    cmd.execute(args.toArray(String[]::new));
    out.flush();
  }

  /**
   * The session's one command line for {@code :search} with options: building one took 0.4-0.9 ms
   * of every such line, and picocli resets its options before each parse. Only the knowledge base,
   * which {@code :load} may replace, is handed over again each time.
   */
  private synchronized CommandLine searchLine() {
    if (searchLine == null) {
      searchLine = commandLine(SearchCommand.class);
    }
    ((SearchCommand) searchLine.getCommand()).common.preloaded = state.devq;
    return searchLine;
  }

  /**
   * Builds the session's command line for {@code :search} ahead of its first use; the warm-up's
   * thread calls it while the user types (either thread may build it first: it is built once).
   */
  void prepare() {
    searchLine();
  }

  /**
   * Runs {@code :search words} with no option as {@code devq search words} runs without picocli
   * ({@link PlainCommand}), since the REPL's searches are the ones that must answer in a
   * millisecond; false when the words need picocli (an option, {@code --help}, none at all).
   */
  private boolean searchedPlainly(String rest) {
    List<String> args = new ArrayList<>(List.of("search"));
    args.addAll(words(rest));
    if (!(PlainCommand.of(args.toArray(String[]::new)) instanceof SearchCommand search)) {
      return false;
    }
    if (state.format == Format.json) {
      search.format.format = OutputFormat.TextOrJson.json;
    }
    search.common.preloaded = state.devq;
    PlainCommand.run(search, out, out);
    out.flush();
    return true;
  }

  /** A command line for one command, its objects made fresh with the session's current state. */
  private CommandLine commandLine(Class<?> command) {
    CommandLine cmd = new CommandLine(command, new Factory(state));
    cmd.setOut(out);
    cmd.setErr(out);
    cmd.setParameterExceptionHandler(
        (e, args) -> {
          out.println("devq: " + e.getMessage());
          // the command line's wording for a misspelt option: 'Possible solutions: --group'
          CommandLine.UnmatchedArgumentException.printSuggestions(e, out);
          String hint = Choices.didYouMean(e);
          if (!hint.isEmpty()) {
            out.println(hint);
          }
          DashArguments.explain(e, out, ":" + e.getCommandLine().getCommandName());
          out.println("try ':help " + e.getCommandLine().getCommandName() + "'");
          return ExitCodes.BAD_INPUT;
        });
    DashArguments.allow(cmd);
    cmd.setExecutionExceptionHandler(
        (e, c, parsed) -> {
          out.println("devq: internal error: " + e);
          return ExitCodes.INTERNAL;
        });
    return cmd;
  }

  /**
   * Gives the shared commands the loaded knowledge base and the session, and the REPL's its state.
   */
  private static final class Factory implements CommandLine.IFactory {
    private final ReplState state;

    Factory(ReplState state) {
      this.state = state;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
      K made = CommandLine.defaultFactory().create(cls);
      if (made instanceof DevqCommand shared) {
        shared.inRepl = true;
      }
      if (made instanceof CommonOptions c) {
        c.preloaded = state.devq;
      } else if (made instanceof ExplainCommand x) {
        x.bindings = state.bindings;
      } else if (made instanceof PlotCommand p) {
        p.bindings = state.bindings;
      } else if (made instanceof ReplCommand r) {
        r.state = state;
      }
      return made;
    }
  }

  private static List<Info> describe(CommandLine root) {
    List<Info> out = new ArrayList<>();
    for (Map.Entry<String, CommandLine> e : root.getSubcommands().entrySet()) {
      String[] description = e.getValue().getCommandSpec().usageMessage().description();
      if (e.getKey().equals(e.getValue().getCommandName())) {
        out.add(new Info(e.getKey(), description.length == 0 ? "" : description[0]));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Splits arguments at spaces as a shell does; a single- or double-quoted part stays one word,
   * without its quotes, and the other kind of quote inside it is kept.
   */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    var current = new StringBuilder();
    char quote = 0;
    boolean inWord = false;
    for (char c : text.toCharArray()) {
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
        inWord = true;
      } else if (c == quote) {
        quote = 0;
      } else if (Character.isWhitespace(c) && quote == 0) {
        if (inWord) {
          words.add(current.toString());
          current.setLength(0);
          inWord = false;
        }
      } else {
        current.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(current.toString());
    }
    return words;
  }
}
