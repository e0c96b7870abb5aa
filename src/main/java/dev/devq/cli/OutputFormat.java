package dev.devq.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format text|json}, for the commands that print either; any other format is a usage error
 * (exit 2) that lists these two, never text printed in its place.
 */
final class OutputFormat {
  /** The formats these commands print; {@link Format} holds the others of eval, explain, check. */
  enum TextOrJson {
    text,
    json
  }

  @Option(names = "--format", defaultValue = "text", description = "text or json")
  TextOrJson format = TextOrJson.text;

  boolean json() {
    return format == TextOrJson.json;
  }
}
