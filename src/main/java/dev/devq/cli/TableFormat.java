package dev.devq.cli;

import picocli.CommandLine.Option;

/**
 * {@code --format text|json|csv|markdown}, for the commands whose results can be tables ({@code
 * eval}, {@code explain}). These four are its own choices, so a wrong one is refused with exactly
 * them listed ({@code junit} is a report format of {@code check} only).
 */
final class TableFormat {
  /** The formats of a result that may be a table; each is the {@link Format} of the same name. */
  enum Choice {
    text,
    json,
    csv,
    markdown
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      paramLabel = "FORMAT",
      description =
          "text, json, csv or markdown; csv and markdown print a table as such and any other"
              + " result as a one-row table")
  Choice format = Choice.text;

  Format format() {
    return Format.valueOf(format.name());
  }

  boolean json() {
    return format == Choice.json;
  }
}
