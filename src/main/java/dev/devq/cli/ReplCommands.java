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

  static {
    COMMANDS.getSubcommands().values().forEach(ReplCommands::forRepl);
  }

  /** Every command, from the picocli specification. */
  static final List<Info> INFO = describe(COMMANDS);

  /** Commands whose output the session's {@code :format} applies to. */
  private static final List<String> FORMATTED = List.of("info", "list", "search", "explain");

  /** Commands whose argument is a query, kept as typed ({@link ReplArguments#withQuery}). */
  private static final List<String> QUERIES = List.of("explain", "plot");

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
    if (ReplArguments.words(rest).stream()
        .anyMatch(w -> w.equals("--profiles") || w.startsWith("--profiles="))) {
      // one knowledge base per session: the bindings :explain and :plot use were made with it,
      // and a command that loaded other profiles for itself would mix the two
      out.println(
          "devq: :"
              + canonical
              + " runs on the session's profiles and takes no --profiles; start devq with"
              + " --profiles DIR, or :load a document whose front matter names them");
      out.flush();
      return;
    }
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
    args.addAll(
        QUERIES.contains(canonical)
            ? ReplArguments.withQuery(rest, known.getCommandSpec())
            : ReplArguments.words(rest));
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
    args.addAll(ReplArguments.words(rest));
    if (!(PlainCommand.of(args.toArray(String[]::new)) instanceof SearchCommand search)) {
      return false;
    }
    if (state.format == Format.json) {
      search.format.format = OutputFormat.TextOrJson.json;
    }
    search.common.preloaded = state.devq;
    search.inRepl = true;
    PlainCommand.run(search, out, out);
    out.flush();
    return true;
  }

  /** A command line for one command, its objects made fresh with the session's current state. */
  private CommandLine commandLine(Class<?> command) {
    CommandLine cmd = forRepl(new CommandLine(command, new Factory(state)));
    cmd.setOut(out);
    cmd.setErr(out);
    cmd.setParameterExceptionHandler(
        (e, args) -> {
          UsageErrors.print(e, out, true);
          return ExitCodes.BAD_INPUT;
        });
    DashArguments.allow(cmd);
    cmd.setExecutionExceptionHandler((e, c, parsed) -> Main.internalError(out, e, "input"));
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

  /**
   * A command as the REPL runs it: without {@code --profiles}, since every {@code :} command runs
   * on the session's one knowledge base, so that {@code :help} does not offer it, and with devq's
   * version for {@code -V}.
   */
  private static CommandLine forRepl(CommandLine cmd) {
    CommandLine.Model.OptionSpec profiles = cmd.getCommandSpec().findOption("--profiles");
    if (profiles != null) {
      cmd.getCommandSpec().remove(profiles);
    }
    return Main.versioned(cmd);
  }

  /** The usage of a command as {@code :help NAME} shows it ({@code Usage: :info …}). */
  static String usage(String name) {
    return COMMANDS
        .getSubcommands()
        .get(name)
        .getUsageMessage(CommandLine.Help.Ansi.OFF)
        .replace("Usage:  ", "Usage: :");
  }

  /**
   * What to say of a line that is only a command's name without its colon ({@code quit}, {@code
   * exit()}, {@code help}), which no query means; empty when the word is something the session or
   * the language knows (a binding, an entity, a function such as {@code info}).
   */
  static String missingColon(String line, ReplState state) {
    String word = line.strip();
    word = word.endsWith("()") ? word.substring(0, word.length() - 2).strip() : word;
    CommandLine known = COMMANDS.getSubcommands().get(word);
    if (known == null
        || state.bindings.binds(word)
        || state.devq.isEntity(word)
        || dev.devq.Language.function(word) != null) {
      return "";
    }
    return "devq: '"
        + line.strip()
        + "' is not a query; commands start with ':', "
        + Suggestions.meant(":" + known.getCommandName());
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
}
