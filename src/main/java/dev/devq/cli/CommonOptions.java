package dev.devq.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command shares. They may be given before the subcommand ({@code devq --profiles DIR
 * list socs}) or after it ({@code devq list socs --profiles DIR}); the top command and each
 * subcommand hold their own copy, and {@link #profileDirs()} and {@link #color()} read both.
 */
final class CommonOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(
      names = "--profiles",
      paramLabel = "DIR",
      description = "add or override profiles from DIR (same layout as profiles/); repeatable")
  List<Path> profiles = new ArrayList<>();

  @Option(
      names = "--no-color",
      description = "plain output without colour (also when NO_COLOR is set and not empty)")
  boolean noColor;

  /** A knowledge base already loaded (the REPL's), used instead of loading the profiles again. */
  dev.devq.Devq preloaded;

  /** Overlay directories: those given to enclosing commands first, then this command's own. */
  List<Path> profileDirs() {
    List<Path> all = new ArrayList<>();
    for (CommandSpec c = mixee == null ? null : mixee.parent(); c != null; c = c.parent()) {
      List<Path> outer = optionValue(c, "--profiles", List.of());
      all.addAll(0, outer);
    }
    all.addAll(profiles);
    return all;
  }

  boolean color() {
    boolean off = noColor;
    for (CommandSpec c = mixee == null ? null : mixee.parent(); c != null; c = c.parent()) {
      off |= optionValue(c, "--no-color", false);
    }
    // no-color.org: a NO_COLOR set to an empty string does not turn colour off
    String noColor = System.getenv("NO_COLOR");
    return !off && (noColor == null || noColor.isEmpty()) && System.console() != null;
  }

  private static <T> T optionValue(CommandSpec command, String name, T fallback) {
    OptionSpec option = command.findOption(name);
    T value = option == null ? null : option.getValue();
    return value == null ? fallback : value;
  }
}
