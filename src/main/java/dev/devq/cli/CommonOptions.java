package dev.devq.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Options every command shares. They may be written before the subcommand too
 * ({@code devq --profiles DIR list models}); the top-level ones then apply as well.
 */
final class CommonOptions {
  @Option(names = "--profiles", paramLabel = "DIR",
      description = "add or override profiles from DIR (same layout as profiles/); repeatable")
  List<Path> profiles = new ArrayList<>();

  @Option(names = "--no-color", description = "plain output without colour (also when NO_COLOR is set)")
  boolean noColor;

  /** The command these options belong to, to find the options given before the subcommand. */
  @Spec(Spec.Target.MIXEE) CommandSpec mixee;

  /** Profile directories in the order given: those before the subcommand first. */
  List<Path> profiles() {
    List<Path> all = new ArrayList<>();
    CommonOptions top = topLevel();
    if (top != null) {
      all.addAll(top.profiles);
    }
    all.addAll(profiles);
    return all;
  }

  boolean color() {
    CommonOptions top = topLevel();
    boolean off = noColor || top != null && top.noColor;
    return !off && System.getenv("NO_COLOR") == null && System.console() != null;
  }

  private CommonOptions topLevel() {
    if (mixee == null || mixee.parent() == null) {
      return null;
    }
    return mixee.parent().userObject() instanceof Main main && main.common != this ? main.common : null;
  }
}
