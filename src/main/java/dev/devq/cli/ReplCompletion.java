package dev.devq.cli;

import dev.devq.Completion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Completion of a whole REPL line: queries through {@link dev.devq.Devq#complete}, and {@code :}
 * commands by their names and arguments (entities for {@code :info}, a query for {@code :explain},
 * kinds for {@code :list}, topics for {@code :help}).
 */
final class ReplCompletion {
  private final ReplState state;

  ReplCompletion(ReplState state) {
    this.state = state;
  }

  Completion at(String line, int cursor) {
    String before = line.substring(0, cursor);
    int lead = before.length() - before.stripLeading().length();
    if (!before.stripLeading().startsWith(":")) {
      return state.devq.complete(line, cursor, state.bindings);
    }
    int space = before.indexOf(' ', lead);
    if (space < 0) {
      List<Completion.Candidate> names = new ArrayList<>();
      for (ReplCommands.Info c : ReplCommands.INFO) {
        names.add(new Completion.Candidate(":" + c.name(), "commands", c.summary()));
      }
      return filtered(lead, before.substring(lead), names);
    }
    String command = before.substring(lead + 1, space);
    int argStart = space + 1;
    switch (command) {
      case "explain" -> {
        Completion r =
            state.devq.complete(line.substring(argStart), cursor - argStart, state.bindings);
        return new Completion(r.start() + argStart, r.candidates());
      }
      case "info" -> {
        // The argument of :info is what info(…) takes, so the engine knows its candidates.
        String call = "info(" + before.substring(argStart);
        Completion r = state.devq.complete(call, call.length(), state.bindings);
        return new Completion(r.start() - "info(".length() + argStart, r.candidates());
      }
      default -> {
        int wordStart = before.lastIndexOf(' ') + 1;
        return filtered(wordStart, before.substring(wordStart), arguments(command));
      }
    }
  }

  private List<Completion.Candidate> arguments(String command) {
    List<Completion.Candidate> out = new ArrayList<>();
    switch (command) {
      case "list" -> {
        for (ListCommand.Kind k : ListCommand.Kind.values()) {
          out.add(new Completion.Candidate(k.name(), "kinds", ""));
        }
      }
      case "format" -> {
        out.add(new Completion.Candidate("text", "formats", ""));
        out.add(new Completion.Candidate("json", "formats", ""));
      }
      case "help" ->
          ReplHelp.topics().forEach(t -> out.add(new Completion.Candidate(t, "topics", "")));
      default -> {}
    }
    return out;
  }

  private static Completion filtered(int start, String prefix, List<Completion.Candidate> all) {
    String p = prefix.toLowerCase(Locale.ROOT);
    return new Completion(
        start, all.stream().filter(c -> c.word().toLowerCase(Locale.ROOT).startsWith(p)).toList());
  }
}
