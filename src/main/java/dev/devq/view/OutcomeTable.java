package dev.devq.view;

import dev.devq.lang.SourceText;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Any statement outcome as a table, for the formats that only hold tables (CSV, Markdown): a table
 * as it is, a list as one column, a value or a binding as one cell headed by its expression or
 * name, a check as one row (check, result, values, margin), the targets of a {@code ?} as a target
 * column and a value column.
 */
public final class OutcomeTable {
  private OutcomeTable() {}

  public static TableView of(Outcome o, SourceText source) {
    if (o instanceof Outcome.Shown s) {
      return TableView.of(s.value(), oneLine(source.slice(s.span())));
    }
    if (o instanceof Outcome.Let let) {
      return TableView.of(let.value(), let.name());
    }
    if (o instanceof Outcome.Check c) {
      String values =
          OutcomeText.check(c, source, false)
              .lines()
              .skip(1)
              .map(String::strip)
              .reduce((a, b) -> a + "; " + b)
              .orElse("");
      String name = c.label().isEmpty() ? oneLine(source.slice(c.span())) : c.label();
      return new TableView(
          new Value.TableV(
              List.of("check", "result", "details"),
              List.of(
                  List.of(
                      new Value.StrV(name),
                      new Value.StrV(c.pass() ? "PASS" : "FAIL"),
                      new Value.StrV(values)))));
    }
    var h = (Outcome.HoleFill) o;
    List<List<Value>> rows = new ArrayList<>();
    for (int i = 0; i < h.targets().size(); i++) {
      if (!h.isCheck()) {
        rows.add(List.of(h.targets().get(i), h.values().get(i)));
      } else if (h.values().get(i) instanceof Value.BoolV b && b.isTrue()) {
        rows.add(List.of(h.targets().get(i)));
      }
    }
    String expr = oneLine(source.slice(h.span()));
    return new TableView(
        new Value.TableV(h.isCheck() ? List.of("target") : List.of("target", expr), rows));
  }

  /**
   * The table as CSV, then the lines text gives under the value (an older release a range allows
   * for, what cannot run, a row failed) as comment lines ({@link CannotRunText#csvLine}); a check's
   * table says them in its details already.
   */
  public static String csv(Outcome o, SourceText source) {
    var out = new StringBuilder(of(o, source).csv());
    notes(o).forEach(line -> out.append(CannotRunText.csvLine(line)));
    return out.toString();
  }

  /** The table as Markdown, then each line text gives under the value as a paragraph. */
  public static String markdown(Outcome o, SourceText source) {
    var out = new StringBuilder(of(o, source).markdown());
    notes(o).forEach(line -> out.append('\n').append(line).append('\n'));
    return out.toString();
  }

  /** A check says them in its details column already ({@link #of}). */
  private static List<String> notes(Outcome o) {
    return o instanceof Outcome.Check ? List.of() : OutcomeText.notes(o);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
