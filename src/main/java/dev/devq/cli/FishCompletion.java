package dev.devq.cli;

import java.io.File;
import java.nio.file.Path;
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

  private static final List<Class<?>> FILE_TYPES = List.of(Path.class, File.class);

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
        positional(out, name, when, p);
      }
    }
    return out.toString();
  }

  /**
   * A parameter's fixed values or ids ({@code list KIND}, {@code info ID}), or file names where it
   * takes a file ({@code check PATH}): the script's first line turns file names off everywhere
   * else, so an option's value or a query word is never offered a file.
   */
  private static void positional(
      StringBuilder out, String name, String when, PositionalParamSpec p) {
    List<String> values = candidates(p.completionCandidates());
    boolean files = FILE_TYPES.contains(p.auxiliaryTypes()[0]);
    if (values.isEmpty() && !files) {
      return;
    }
    out.append("complete -c ").append(name).append(" -n ").append(when);
    if (files) {
      out.append(" -F");
    }
    if (!values.isEmpty()) {
      out.append(" -a ").append(quote(String.join(" ", values)));
    }
    out.append('\n');
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
