package dev.devq.cli;

import dev.devq.query.check.Completions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Completion of a whole REPL line: queries through the engine's {@link Completions}, and {@code :}
 * commands by their names and arguments (entities for {@code :info}, a query for {@code :explain},
 * kinds for {@code :list}, topics for {@code :help}).
 */
final class ReplCompletion {
  private final ReplState state;

  ReplCompletion(ReplState state) {
    this.state = state;
  }

  Completions.Result at(String line, int cursor) {
    String before = line.substring(0, cursor);
    int lead = before.length() - before.stripLeading().length();
    if (!before.stripLeading().startsWith(":")) {
      return state.completions.at(line, cursor, state.session.types());
    }
    int space = before.indexOf(' ', lead);
    if (space < 0) {
      List<Completions.Candidate> names = new ArrayList<>();
      for (ReplCommands.Info c : ReplCommands.INFO) {
        names.add(new Completions.Candidate(":" + c.name(), "commands", c.summary()));
      }
      return filtered(lead, before.substring(lead), names);
    }
    String command = before.substring(lead + 1, space);
    int argStart = space + 1;
    switch (command) {
      case "explain" -> {
        Completions.Result r =
            state.completions.at(
                line.substring(argStart), cursor - argStart, state.session.types());
        return new Completions.Result(r.start() + argStart, r.candidates());
      }
      case "info" -> {
        // The argument of :info is what info(…) takes, so the engine knows its candidates.
        String call = "info(" + before.substring(argStart);
        Completions.Result r = state.completions.at(call, call.length(), state.session.types());
        return new Completions.Result(r.start() - "info(".length() + argStart, r.candidates());
      }
      default -> {
        int wordStart = before.lastIndexOf(' ') + 1;
        return filtered(wordStart, before.substring(wordStart), arguments(command));
      }
    }
  }

  private List<Completions.Candidate> arguments(String command) {
    List<Completions.Candidate> out = new ArrayList<>();
    switch (command) {
      case "list" -> {
        for (ListCommand.Kind k : ListCommand.Kind.values()) {
          out.add(new Completions.Candidate(k.name(), "kinds", ""));
        }
      }
      case "format" -> {
        out.add(new Completions.Candidate("text", "formats", ""));
        out.add(new Completions.Candidate("json", "formats", ""));
      }
      case "help" ->
          ReplHelp.topics().forEach(t -> out.add(new Completions.Candidate(t, "topics", "")));
      default -> {}
    }
    return out;
  }

  private static Completions.Result filtered(
      int start, String prefix, List<Completions.Candidate> all) {
    String p = prefix.toLowerCase(Locale.ROOT);
    return new Completions.Result(
        start, all.stream().filter(c -> c.word().toLowerCase(Locale.ROOT).startsWith(p)).toList());
  }
}
