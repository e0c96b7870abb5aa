package dev.devq.query.eval;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.Severity;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.check.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for booleans of a query file or review document that are no check, so CI passes
 * whatever they say. A top-level list of booleans ({@code [a < b, c < d]}) or record holding
 * booleans reads like checks and is refused; a table with a boolean column is a fair display and is
 * kept, with a warning that it is shown, not checked. A top-level {@code let} of a boolean (or of
 * such a list or record) that no later statement reads is refused as well: {@code let fits =
 * latency(…) < 1ms} read by nothing shows false and fails nothing, while the same let read by a
 * later check is fine. {@code devq eval} and the REPL show values and do not ask.
 */
final class ShownBooleans {
  private ShownBooleans() {}

  /** What the file says of a statement of type {@code type} at {@code span}, or null if nothing. */
  static Diagnostic of(Type type, SourceText source, Span span) {
    if (type instanceof Type.ListOf list && listOfBooleans(list)) {
      return refused("list", source, span)
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

  /**
   * What the file says of a statement's value that its type did not tell: a record's fields, and
   * the items of a list that mixes kinds ({@code [a < b, 3 ms]}), are known only once evaluated;
   * one holding a boolean is refused as a list of booleans is.
   */
  static Diagnostic ofValue(Value value, SourceText source, Span span) {
    if (value instanceof Value.ListV list && list.items().stream().anyMatch(ShownBooleans::holds)) {
      return of(new Type.ListOf(Type.BOOL), source, span);
    }
    String field = value instanceof Value.RecordV r ? booleanField(r) : null;
    if (field == null) {
      return null;
    }
    return refused("record", source, span)
        .withNote(
            "to check it, write each boolean as a statement of its own: "
                + source.slice(span)
                + "."
                + field);
  }

  /**
   * What the file says of {@code let name = …} (at {@code span}, its value of type {@code type})
   * once no statement after it read the name: an error wherever its value on a line of its own
   * would be one or would be a check. Null when the value holds no boolean.
   */
  static Diagnostic unreadLet(String name, Type type, Value value, SourceText source, Span span) {
    Diagnostic shown = of(type, source, span);
    if (shown == null) {
      shown = ofValue(value, source, span);
    }
    boolean bool = type instanceof Type.Bool || value instanceof Value.BoolV;
    if (!bool && (shown == null || shown.severity() != Severity.ERROR)) {
      return null; // a let cannot bind a table, the one display of booleans that is kept
    }
    String what = bool ? "a boolean" : "holds booleans";
    return Diagnostic.error(
            DiagnosticCode.TYPE_MISMATCH,
            "'"
                + name
                + "' "
                + (bool ? "is " : "")
                + what
                + " that no later statement reads: it is shown, never checked",
            source,
            span)
        .withLabel("a false here fails nothing")
        .withNote(
            bool
                ? "to check it, drop 'let "
                    + name
                    + " =' and keep the comparison, or use it in a check below: "
                    + name
                    + " and …"
                : "to check it, use it in a check below, e.g. all x in " + name + ": x");
  }

  /** "a list of booleans is not a check", of a {@code kind} of value: list or record. */
  private static Diagnostic refused(String kind, SourceText source, Span span) {
    String what = kind.equals("list") ? "a list of booleans" : "a " + kind + " holding booleans";
    return Diagnostic.error(
            DiagnosticCode.TYPE_MISMATCH,
            what + " is not a check: a false in it would not fail",
            source,
            span)
        .withLabel("shown as a " + kind + ", never checked");
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

  /** The name of the first field of {@code r} that is or holds a boolean, or null. */
  private static String booleanField(Value.RecordV r) {
    return r.fields().stream()
        .filter(f -> holds(f.value()))
        .map(Value.Field::name)
        .findFirst()
        .orElse(null);
  }

  /** Whether a value is a boolean or holds one, in a list or a record, at any depth. */
  private static boolean holds(Value v) {
    return v instanceof Value.BoolV
        || v instanceof Value.ListV list && list.items().stream().anyMatch(ShownBooleans::holds)
        || v instanceof Value.RecordV r && booleanField(r) != null;
  }

  /** "the column 'fits' is", or "the columns 'a', 'b' are", of a table's boolean columns. */
  private static String booleanColumns(Type.Table table) {
    List<String> names = new ArrayList<>();
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
