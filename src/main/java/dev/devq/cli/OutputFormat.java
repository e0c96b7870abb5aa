package dev.devq.cli;

import picocli.CommandLine.Option;

/** {@code --format text|json}, for the commands that print either. */
final class OutputFormat {
  @Option(names = "--format", defaultValue = "text", description = "text or json")
  Format format;

  boolean json() {
    return format == Format.json;
  }
}
