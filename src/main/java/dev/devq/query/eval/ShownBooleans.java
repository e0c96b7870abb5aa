package dev.devq.query.eval;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Severity;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.check.Type;
import java.util.List;

/**
 * The one rule for a top-level statement of a query file or review document whose value holds
 * booleans but is no boolean, and so is no check: CI passes whatever those booleans say. A list of
 * booleans ({@code [a < b, c < d]}) reads like checks and is refused; a table with a boolean column
 * (or any other value holding booleans) is a fair display and is kept, with a warning that it is
 * shown, not checked. {@code devq eval} and the REPL show values and do not ask.
 */
final class ShownBooleans {
  private ShownBooleans() {}

  /** What the file says of a statement of type {@code type} at {@code span}, or null if nothing. */
  static Diagnostic of(Type type, SourceText source, Span span) {
    if (type instanceof Type.ListOf list && listOfBooleans(list)) {
      return Diagnostic.error(
              DiagnosticCode.TYPE_MISMATCH,
              "a list of booleans is not a check: a false in it would not fail",
              source,
              span)
          .withLabel("shown as a list, never checked")
          .withNote(
              "to check every item, write all x in [...]: x < …, or write one statement per"
                  + " comparison");
    }
    if (!holdsBoolean(type)) {
      return null;
    }
    String what =
        type instanceof Type.Table table
            ? booleanColumns(table)
            : "the booleans in " + type.describe() + " are";
    return new Diagnostic(
        Severity.WARNING,
        DiagnosticCode.TYPE_MISMATCH,
        what + " shown, not checked: a false in it does not fail",
        source,
        span,
        "not a check",
        List.of("to check it, write all d in …: … (one check over every row)"));
  }

  private static boolean listOfBooleans(Type.ListOf list) {
    Type element = list.element();
    return element instanceof Type.Bool
        || element instanceof Type.ListOf inner && listOfBooleans(inner);
  }

  private static boolean holdsBoolean(Type type) {
    if (type instanceof Type.ListOf list) {
      return holdsBoolean(list.element());
    }
    if (type instanceof Type.Table table) {
      return table.columns().stream().anyMatch(ShownBooleans::holdsBoolean);
    }
    return type instanceof Type.Bool;
  }

  /** "the column 'fits' is", or "the columns 'a', 'b' are", of a table's boolean columns. */
  private static String booleanColumns(Type.Table table) {
    List<String> names = new java.util.ArrayList<>();
    for (int i = 0; i < table.columns().size(); i++) {
      if (holdsBoolean(table.columns().get(i))) {
        names.add("'" + table.headers().get(i) + "'");
      }
    }
    return names.size() == 1
        ? "the column " + names.get(0) + " is"
        : "the columns " + String.join(", ", names) + " are";
  }
}
