package dev.devq.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options every command shares. */
final class CommonOptions {
  @Option(names = "--profiles", paramLabel = "DIR",
      description = "add or override profiles from DIR (same layout as profiles/); repeatable")
  List<Path> profiles = new ArrayList<>();

  @Option(names = "--no-color", description = "plain output without colour (also when NO_COLOR is set)")
  boolean noColor;

  /** A knowledge base already loaded (the REPL's), used instead of loading the profiles again. */
  dev.devq.Devq preloaded;

  boolean color() {
    return !noColor && System.getenv("NO_COLOR") == null && System.console() != null;
  }
}
