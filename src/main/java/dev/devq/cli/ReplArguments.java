package dev.devq.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * How the REPL splits the arguments of a {@code :} command: into words as a shell does ({@link
 * #words}), and for a command that takes a query ({@code :explain}, {@code :plot}) into its options
 * and the query as typed, spaces and quotes kept ({@code os = "iOS 18"}), the options before the
 * query, after it or both, as on the command line ({@link #withQuery}).
 */
final class ReplArguments {
  private ReplArguments() {}

  /**
   * A word of a line: as typed ({@code line.substring(start, end)}) and as a shell reads it,
   * without the quotes that delimit its parts.
   */
  private record Word(String typed, String unquoted, int start, int end) {}

  /**
   * Splits arguments at spaces as a shell does; a single- or double-quoted part stays one word,
   * without its quotes, and the other kind of quote inside it is kept.
   */
  static List<String> words(String text) {
    return split(text, false).stream().map(Word::unquoted).toList();
  }

  /**
   * The options first, then {@code --} and the query when there is one: {@code latency(m, a16)
   * --top 3} gives {@code [--top, 3, --, latency(m, a16)]}. A word is an option when the command
   * has one of that name, and takes as many words after it as the option's arity, up to the next
   * option; words inside brackets are never options.
   */
  static List<String> withQuery(String line, CommandSpec spec) {
    List<Word> words = split(line, true);
    List<String> args = new ArrayList<>();
    List<String> query = new ArrayList<>();
    boolean rest = false;
    int runStart = -1;
    int runEnd = -1;
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      if (!rest && w.typed().equals("--")) {
        rest = true; // what follows is the query, whatever it looks like ('-latency(…)')
        continue;
      }
      OptionSpec option = rest ? null : option(spec, w.typed());
      if (option == null) {
        // a run of query words keeps the spaces between them as typed
        runStart = runStart < 0 ? w.start() : runStart;
        runEnd = w.end();
        continue;
      }
      if (runStart >= 0) {
        query.add(line.substring(runStart, runEnd));
        runStart = -1;
      }
      args.add(w.unquoted());
      int max = option.arity().max();
      for (int taken = w.typed().contains("=") ? max : 0;
          taken < max && i + 1 < words.size() && parameter(spec, words.get(i + 1));
          taken++) {
        args.add(words.get(++i).unquoted());
      }
    }
    if (runStart >= 0) {
      query.add(line.substring(runStart, runEnd));
    }
    if (!query.isEmpty()) {
      args.add("--");
      args.add(String.join(" ", query));
    }
    return args;
  }

  /** Whether a word after an option may be its parameter: not an option, nor {@code --}. */
  private static boolean parameter(CommandSpec spec, Word w) {
    return option(spec, w.typed()) == null && !w.typed().equals("--");
  }

  /** The option a word names ({@code --top}, {@code --top=3}, {@code -o}), or null. */
  private static OptionSpec option(CommandSpec spec, String word) {
    if (!DashArguments.optionShaped(word)) {
      return null;
    }
    int eq = word.indexOf('=');
    return spec.findOption(eq < 0 ? word : word.substring(0, eq));
  }

  /** The words at spaces outside quotes, and with {@code brackets} outside brackets too. */
  private static List<Word> split(String line, boolean brackets) {
    List<Word> words = new ArrayList<>();
    var unquoted = new StringBuilder();
    char quote = 0;
    int depth = 0;
    int start = -1;
    for (int i = 0; i <= line.length(); i++) {
      boolean end = i == line.length();
      char c = end ? ' ' : line.charAt(i);
      if (end || quote == 0 && depth == 0 && Character.isWhitespace(c)) {
        if (start >= 0) {
          words.add(new Word(line.substring(start, i), unquoted.toString(), start, i));
          unquoted.setLength(0);
          start = -1;
        }
        continue;
      }
      start = start < 0 ? i : start;
      if (quote == 0 && (c == '"' || c == '\'')) {
        quote = c;
      } else if (c == quote) {
        quote = 0;
      } else {
        unquoted.append(c);
        if (brackets && quote == 0) {
          depth += c == '(' || c == '[' ? 1 : (c == ')' || c == ']') && depth > 0 ? -1 : 0;
        }
      }
    }
    return words;
  }
}
