package dev.devq.cli;

import dev.devq.Json;
import dev.devq.Outcome;
import java.io.PrintWriter;
import java.util.List;

/**
 * Prints statement outcomes in one of the formats of {@code eval}, the REPL and {@code check}:
 * text, JSON (one document per outcome), CSV or Markdown. CSV and Markdown hold tables only, so a
 * value prints as a one-cell table under its expression, a list as one column and a check as one
 * row; the tables of several outcomes are separated by an empty line.
 */
final class OutcomePrinter {
  private OutcomePrinter() {}

  static void print(List<Outcome> outcomes, Format format, PrintWriter out) {
    for (int i = 0; i < outcomes.size(); i++) {
      Outcome o = outcomes.get(i);
      if (i > 0 && format == Format.csv) {
        out.print("\r\n"); // the blank line between tables ends as CSV's records do
      } else if (i > 0 && format == Format.markdown) {
        out.println();
      }
      switch (format) {
        case json -> out.println(Json.write(o.json()));
        case csv -> out.print(o.csv());
        case markdown -> out.print(o.markdown());
        default -> out.println(o.text(false));
      }
    }
  }
}
