package dev.devq.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format text|json|csv|markdown}, for the commands whose results can be tables ({@code
 * eval}, {@code explain}).
 */
final class TableFormat {
  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text, json, csv or markdown; csv and markdown print a table as such and any other"
              + " result as a one-row table")
  Format format = Format.text;

  boolean json() {
    return format == Format.json;
  }

  boolean valid() {
    return format != Format.junit;
  }

  String problem() {
    return "--format junit is for devq check; here: text, json, csv or markdown";
  }
}
