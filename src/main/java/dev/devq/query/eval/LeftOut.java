package dev.devq.query.eval;

import dev.devq.cost.CannotRun;
import dev.devq.lang.Diagnostic;
import java.util.List;

/**
 * Something a statement's answer does not include, and why: an estimate whose model cannot run on
 * its target (a filter, aggregate, hole or table left it out), or a table cell left unknown because
 * its row failed (a parameter out of range for that row only), or an item left out because whether
 * its {@code where} filter holds is unknown. The front ends show each under the value: a line of
 * text, a comment line of CSV, an item of JSON's {@code left_out}.
 *
 * <pre>{@code
 * String line = leftOut.accept(new LeftOut.Visitor<>() { … });
 * }</pre>
 */
public sealed interface LeftOut {
  <R> R accept(Visitor<R> v);

  /** One method per kind, so a front end that misses a kind does not compile. */
  interface Visitor<R> {
    R visitRefused(Refused r);

    R visitFailedCell(FailedCell f);

    R visitUnknownFilter(UnknownFilter u);
  }

  /** An estimate whose model cannot run on its target. */
  record Refused(CannotRun why) implements LeftOut {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitRefused(this);
    }
  }

  /**
   * A table cell its row could not compute: the row's bound variables, the column's label ({@code
   * by} and the key for the sort key), which part of the row it is, and the error itself, with its
   * code and notes.
   */
  record FailedCell(List<Binding> row, String column, Part part, Diagnostic error)
      implements LeftOut {
    public FailedCell {
      row = List.copyOf(row);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitFailedCell(this);
    }
  }

  /**
   * An item a {@code where} filter left out of a list, a table or an aggregate because whether it
   * holds is unknown ({@link Truth}): the item's bound variables, the filter's source text and why
   * it is unknown ({@code "d.battery_wh is unknown"}). Not kept, yet never dropped unsaid.
   */
  record UnknownFilter(List<Binding> row, String filter, String why) implements LeftOut {
    public UnknownFilter {
      row = List.copyOf(row);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnknownFilter(this);
    }
  }

  /**
   * Which part of a row failed. A row whose one computed column failed needs no column named (the
   * unknown cell is the only one it could be); with several, the line names the column; a sort key
   * is no cell at all, so its row is sorted last and the line says so.
   */
  enum Part {
    /** The table's one column computed from its variables. */
    SOLE_COLUMN,
    /** One of the table's several computed columns. */
    COLUMN,
    /** The {@code by} key the rows are sorted by. */
    SORT_KEY
  }

  /** One variable of a row and the value it was bound to. */
  record Binding(String name, Value value) {}

  /** Only the estimates that cannot run, in order. */
  public static List<CannotRun> refused(List<LeftOut> all) {
    return all.stream().filter(Refused.class::isInstance).map(r -> ((Refused) r).why()).toList();
  }
}
