package dev.devq.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * A fish completion script made from a picocli command tree (picocli writes bash and zsh only): the
 * subcommands with their descriptions, each subcommand's options, and the fixed values of enum
 * options and parameters ({@code --format text|json}, {@code list socs|devices|…}).
 */
final class FishCompletion {
  private FishCompletion() {}

  static String script(String name, CommandLine root) {
    var out = new StringBuilder("# fish completion for ").append(name).append('\n');
    out.append("complete -c ").append(name).append(" -f\n");
    Map<String, CommandLine> subs = root.getSubcommands();
    for (OptionSpec o : root.getCommandSpec().options()) {
      option(out, name, "__fish_use_subcommand", o);
    }
    for (var e : subs.entrySet()) {
      out.append("complete -c ")
          .append(name)
          .append(" -n __fish_use_subcommand -a ")
          .append(e.getKey())
          .append(" -d ")
          .append(quote(first(e.getValue().getCommandSpec().usageMessage().description())))
          .append('\n');
    }
    for (var e : subs.entrySet()) {
      String when = "'__fish_seen_subcommand_from " + e.getKey() + "'";
      for (OptionSpec o : e.getValue().getCommandSpec().options()) {
        option(out, name, when, o);
      }
      for (PositionalParamSpec p : e.getValue().getCommandSpec().positionalParameters()) {
        List<String> values = candidates(p.completionCandidates());
        if (!values.isEmpty()) {
          out.append("complete -c ")
              .append(name)
              .append(" -n ")
              .append(when)
              .append(" -a ")
              .append(quote(String.join(" ", values)))
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  private static void option(StringBuilder out, String name, String when, OptionSpec o) {
    out.append("complete -c ").append(name).append(" -n ").append(when);
    for (String n : o.names()) {
      if (n.startsWith("--")) {
        out.append(" -l ").append(n.substring(2));
      } else if (n.startsWith("-") && n.length() == 2) {
        out.append(" -s ").append(n.charAt(1));
      }
    }
    if (o.arity().max() > 0) {
      List<String> values = candidates(o.completionCandidates());
      out.append(values.isEmpty() ? " -r -F" : " -x -a " + quote(String.join(" ", values)));
    }
    out.append(" -d ").append(quote(first(o.description()))).append('\n');
  }

  private static List<String> candidates(Iterable<String> values) {
    List<String> out = new ArrayList<>();
    if (values != null) {
      values.forEach(out::add);
    }
    return out;
  }

  private static String first(String[] lines) {
    return lines.length == 0 ? "" : lines[0];
  }

  /** A single-quoted fish word: fish needs only {@code '} and {@code \} escaped inside. */
  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
