package dev.devq.cli;

import dev.devq.Language;
import dev.devq.TextColumns;
import dev.devq.lang.Suggestions;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of {@code :help}: an overview, and topics written from the engine's own tables (the
 * function signatures, the unit registry, the words of each parameter kind) and the commands'
 * picocli usage.
 */
final class ReplHelp {
  private static final List<String> TOPICS =
      List.of("functions", "units", "states", "commands", "keys");

  private ReplHelp() {}

  /** Every topic {@code :help} knows, for completion. */
  static List<String> topics() {
    List<String> all = new ArrayList<>(TOPICS);
    ReplCommands.INFO.forEach(c -> all.add(c.name()));
    all.addAll(Language.functionNames());
    return all;
  }

  /** The help of a topic (null: the overview); an unknown topic gives a line starting "devq: ". */
  static String text(String topic) {
    if (topic == null) {
      return overview();
    }
    String t = topic.startsWith(":") ? topic.substring(1) : topic;
    String sig = Language.function(t);
    boolean command = ReplCommands.INFO.stream().anyMatch(c -> c.name().equals(t));
    if (sig != null || command) {
      // info, search and explain are both a command and a function: show both.
      String usage = command ? ReplCommands.usage(t) : "";
      return usage + (command && sig != null ? "\nIn queries:\n" : "") + (sig != null ? sig : "");
    }
    String word = Language.word(t);
    if (word != null && !TOPICS.contains(t)) {
      return word;
    }
    return switch (t) {
      case "functions" -> Language.functions();
      case "units" -> Language.units();
      case "states" -> Language.states();
      case "commands" -> commands();
      case "keys" -> keys();
      default -> {
        String close = Suggestions.closest(t, topics());
        yield "devq: no help on '"
            + t
            + "'"
            + (close.isEmpty() ? "" : "; did you mean '" + close + "'?")
            + "\ntopics: "
            + String.join(", ", TOPICS)
            + ", a function, a command, or a word such as sustained or cpu_and_ne\n";
      }
    };
  }

  private static String overview() {
    return """
        Type a query and press Enter. An unfinished input (an open bracket, a trailing operator)
        continues on the next line. Bindings made with let stay for the session.

          latency(mobilenet_v2, a16, throttled) < 33ms
          let m = quantize(resnet50, w8a8)
          latency(m, a17_pro, nominal)
          all d in devices where d.year >= 2023: memory(m, d) < d.app_memory_limit
          a16.bandwidth * 10ms in MB

        Tab completes functions, models, devices and SoCs where a target goes, members after '.',
        units after a number, thermal states and compute units where they go.

        """
        + commands()
        + """

        :help TOPIC   a function (:help latency), a command (:help info), or functions, units,
                      states, commands, keys
        """;
  }

  private static String commands() {
    var out = new StringBuilder("Commands:\n");
    for (ReplCommands.Info c : ReplCommands.INFO) {
      out.append("  :").append(TextColumns.pad(c.name(), 10)).append(c.summary()).append('\n');
    }
    return out.toString();
  }

  private static String keys() {
    return """
        Enter          run the input (or continue it when it is unfinished)
        Tab            complete; Tab again lists the candidates
        Up, Down       history (kept across sessions); Ctrl-R searches it
        Ctrl-A, Ctrl-E start, end of the line;  Alt-B, Alt-F  a word back, forward
        Ctrl-C         drop the input, or stop one that runs (the session stays as it was)
        Ctrl-D         leave on an empty line; drop an unfinished input at  ...>; else delete
                       the character under the cursor
        """;
  }
}
