package dev.devq.cli;

import dev.devq.ShellWords;
import dev.devq.lang.Suggestions;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Arguments that start with {@code -} and are not options: a query ({@code devq eval '-1 ms'},
 * {@code '-latency(…)'}) or a file ({@code devq check -x.devq}). picocli takes every such word for
 * an unknown option and, when it was the only query, reports the query as missing. A word that no
 * option could be spelt as (a space, a parenthesis, a digit or a dot after the dash) is a query or
 * a path; one that could ({@code -m}, {@code --fromat}) stays an unknown option, with the closest
 * option and the {@code --} that makes it a query.
 */
final class DashArguments {
  private DashArguments() {}

  /** What an option can look like: {@code -m}, {@code -hV}, {@code --no-color}, {@code --x=1}. */
  private static final Pattern OPTION_SHAPED =
      Pattern.compile("(-[A-Za-z][A-Za-z0-9]*|--[A-Za-z][A-Za-z0-9-]*)(=.*)?", Pattern.DOTALL);

  /**
   * Lets the commands of {@code cmd} that take several queries or files take them with a leading
   * dash, and refuses an option-shaped word among them as picocli would have.
   */
  static void allow(CommandLine cmd) {
    if (takesSeveral(cmd.getCommandSpec())) {
      // set on this command only: a command with one positional keeps picocli's own errors
      cmd.getCommandSpec().parser().unmatchedOptionsArePositionalParams(true);
    }
    cmd.getSubcommands().values().forEach(DashArguments::allow);
    if (cmd.getCommandSpec().parent() == null) {
      cmd.setExecutionStrategy(DashArguments::execute);
    }
  }

  private static boolean takesSeveral(CommandSpec spec) {
    return spec.positionalParameters().stream().anyMatch(p -> p.arity().max() > 1);
  }

  /** Refuses an option-shaped positional given before {@code --}, then runs the command. */
  private static int execute(ParseResult parsed) {
    ParseResult last = parsed;
    while (last.hasSubcommand()) {
      last = last.subcommand();
    }
    List<String> beforeEnd = new ArrayList<>();
    for (String arg : parsed.originalArgs()) {
      if (arg.equals("--")) {
        break;
      }
      beforeEnd.add(arg);
    }
    for (PositionalParamSpec p : last.commandSpec().positionalParameters()) {
      for (String value : p.originalStringValues()) {
        if (optionShaped(value) && beforeEnd.contains(value)) {
          throw new UnmatchedArgumentException(last.commandSpec().commandLine(), List.of(value));
        }
      }
    }
    return new CommandLine.RunLast().execute(parsed);
  }

  static boolean optionShaped(String arg) {
    return OPTION_SHAPED.matcher(arg).matches();
  }

  /**
   * The line after picocli's message about a word that starts with a dash: the closest option when
   * picocli named none ({@code --fromat}), else how to give the word as a query or a file ({@code
   * command} is how the user runs the command: {@code devq eval}, or {@code :explain} in the REPL).
   */
  static void explain(ParameterException e, PrintWriter err, String command) {
    CommandLine cmd = e.getCommandLine();
    List<String> unmatched =
        e instanceof UnmatchedArgumentException u && u.getUnmatched() != null
            ? u.getUnmatched()
            : cmd.getUnmatchedArguments();
    String first =
        unmatched.stream().filter(a -> a.startsWith("-") && !a.equals("--")).findFirst().orElse("");
    if (first.isEmpty() || cmd.getCommandSpec().positionalParameters().isEmpty()) {
      return;
    }
    if (optionShaped(first)) {
      if (hasPicocliSuggestion(e)) {
        return; // picocli printed 'Possible solutions: --format'
      }
      String closest = closestOption(cmd.getCommandSpec(), first);
      if (!closest.isEmpty()) {
        err.println(Suggestions.meant(closest));
        return;
      }
    }
    err.println(
        "'"
            + first
            + "' starts with '-'"
            + (optionShaped(first) ? "" : " but is not an option")
            + ": to give it as "
            + what(cmd.getCommandSpec())
            + ", put it after '--', as in "
            + command
            + " -- "
            + ShellWords.quoted(first));
  }

  private static boolean hasPicocliSuggestion(ParameterException e) {
    return e instanceof UnmatchedArgumentException u && !u.getSuggestions().isEmpty();
  }

  /**
   * The long option nearest a misspelt one ({@code --fromat} → {@code --format}), or empty. A word
   * with one dash ({@code -a16}) is not matched against names of a letter or two, which any short
   * word is a few edits from.
   */
  static String closestOption(CommandSpec spec, String arg) {
    if (!arg.startsWith("--")) {
      return "";
    }
    String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
    List<String> longNames =
        spec.optionsMap().keySet().stream().filter(n -> n.startsWith("--")).toList();
    return Suggestions.closest(name, longNames);
  }

  /** "a query" or "a file name", from the command's positional parameter label. */
  private static String what(CommandSpec spec) {
    String label = spec.positionalParameters().get(0).paramLabel();
    if (label.startsWith("EXPR") || label.startsWith("QUERY")) {
      return "a query";
    }
    return label.startsWith("FILE") || label.startsWith("PATH") ? "a file name" : "an argument";
  }
}
