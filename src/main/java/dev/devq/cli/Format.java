package dev.devq.cli;

/** Output formats of the commands that offer several. */
enum Format {
  text,
  json,
  junit,
  markdown,
  csv
}
