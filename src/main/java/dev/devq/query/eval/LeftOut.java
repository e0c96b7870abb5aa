package dev.devq.query.eval;

import dev.devq.cost.CannotRun;
import dev.devq.lang.Diagnostic;
import java.util.List;

/**
 * Something a statement's answer does not include, and why: an estimate whose model cannot run on
 * its target (a filter, aggregate, hole or table left it out), or a table cell left unknown because
 * its row failed (a parameter out of range for that row only), or an item left out because whether
 * its {@code where} filter holds is unknown, or an aggregate's item whose key is unknown, or a
 * hole's target whose answer is unknown. The front ends show each under the value: a line of text,
 * a comment line of CSV, an item of JSON's {@code left_out}.
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

    R visitUnknownItem(UnknownItem u);

    R visitUnknownTarget(UnknownTarget u);
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
   * An item left out because something it is weighed by is unknown ({@link Truth}): whether a
   * {@code where} filter holds for it (a list, a table or an aggregate keeps only true items), or
   * an aggregate's {@code by} key (an unknown key cannot be weighed against the others). The item's
   * bound variables, which of the two, that expression's source text and why it is unknown ({@code
   * "d.battery_wh is unknown"}). Not kept, yet never dropped unsaid.
   */
  record UnknownItem(List<Binding> row, Of of, String expr, String why) implements LeftOut {
    public UnknownItem {
      row = List.copyOf(row);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnknownItem(this);
    }
  }

  /** What is unknown about an {@link UnknownItem}. */
  enum Of {
    /** Whether its {@code where} filter holds. */
    FILTER,
    /** Its {@code by} key. */
    KEY
  }

  /**
   * A target a hole {@code ?} stands for whose answer is unknown (a fact its profile does not give,
   * a comparison with it): neither among the targets that satisfy the query nor said to fail it.
   */
  record UnknownTarget(Value.EntityV target, String why) implements LeftOut {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visitUnknownTarget(this);
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
