package dev.devq.query.eval;

import dev.devq.cost.CannotRun;
import java.util.List;

/**
 * Something a statement's answer does not include, and why: an estimate whose model cannot run on
 * its target (a filter, aggregate, hole or table left it out), or a table cell left unknown because
 * its row failed (a parameter out of range for that row only). The front ends show each under the
 * value: a line of text, a comment line of CSV, an item of JSON's {@code left_out}.
 */
public sealed interface LeftOut {
  /** An estimate whose model cannot run on its target. */
  record Refused(CannotRun why) implements LeftOut {}

  /**
   * A table cell its row could not compute: the row's bound variables, the column's label, and the
   * error's message.
   */
  record FailedCell(List<Binding> row, String column, String message) implements LeftOut {
    public FailedCell {
      row = List.copyOf(row);
    }
  }

  /** One variable of a row and the value it was bound to. */
  record Binding(String name, Value value) {}

  /** Only the estimates that cannot run, in order. */
  static List<CannotRun> refused(List<LeftOut> all) {
    return all.stream().filter(Refused.class::isInstance).map(r -> ((Refused) r).why()).toList();
  }
}
