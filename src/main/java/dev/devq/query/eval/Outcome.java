package dev.devq.query.eval;

import dev.devq.kb.OsVersion;
import dev.devq.lang.Expr;
import dev.devq.lang.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** What one statement produced: a binding, a value, a check, or the targets that fill a hole. */
public sealed interface Outcome {
  Span span();

  /** What the statement left out, said under its value (see each kind). */
  List<LeftOut> leftOut();

  /**
   * The values whose figures it shows with their 80% ranges, or says have none: its value, a
   * check's sides and the cases it names, a hole's values.
   */
  List<Value> shownFigures();

  /**
   * The older OS releases the 80% ranges it shows allow for ({@link Value.QuantityV#allowsFor}), of
   * {@link #shownFigures}; each once, in order. Empty when no range it shows does, or it shows
   * none.
   */
  default List<OsVersion> rangeAllowsFor() {
    return collect(shownFigures(), Value.QuantityV::allowsFor);
  }

  /**
   * Why estimates it shows have no 80% range although a fit is in force ({@link
   * Value.QuantityV#outOfScope}), of {@link #shownFigures}; each once, in order.
   */
  default List<dev.devq.cost.OutOfScope> rangeOutOfScope() {
    return collect(shownFigures(), Value.QuantityV::outOfScope);
  }

  /**
   * What the figures it shows rest on that they do not show ({@link Value.QuantityV#caveats}), of
   * {@link #shownFigures}; each once, in order: said once under the value, however many figures
   * carry it. A table's cells carry theirs, said row by row.
   */
  default List<Caveat> caveats() {
    var out = new LinkedHashSet<Caveat>();
    for (Value v : shownFigures()) {
      caveatsOf(v, out);
    }
    return List.copyOf(out);
  }

  private static void caveatsOf(Value v, java.util.Set<Caveat> out) {
    if (v instanceof Value.QuantityV q) {
      out.addAll(q.caveats());
    } else if (v instanceof Value.ListV l) {
      l.items().forEach(item -> caveatsOf(item, out));
    }
  }

  /** What {@code read} finds in the quantities of {@code values}, a list's items included. */
  private static <T> List<T> collect(
      List<Value> values, java.util.function.Function<Value.QuantityV, T> read) {
    var out = new LinkedHashSet<T>();
    for (Value v : values) {
      if (v instanceof Value.QuantityV q && read.apply(q) != null) {
        out.add(read.apply(q));
      } else if (v instanceof Value.ListV l) {
        out.addAll(collect(l.items(), read));
      }
    }
    return List.copyOf(out);
  }

  /** A binding; {@code leftOut} as for {@link Shown}, for the value bound. */
  record Let(Span span, String name, Value value, List<LeftOut> leftOut) implements Outcome {
    public Let {
      leftOut = List.copyOf(leftOut);
    }

    @Override
    public List<Value> shownFigures() {
      return List.of(value);
    }
  }

  /**
   * A value shown; {@code leftOut} are the estimates a filter, aggregate or comparison inside it
   * left out because their model cannot run on the target, then what a table value says of its own
   * rows ({@link Value.TableV#leftOut}): cells left unknown because their row failed.
   */
  record Shown(Span span, Value value, List<LeftOut> leftOut) implements Outcome {
    public Shown {
      leftOut = List.copyOf(leftOut);
    }

    @Override
    public List<Value> shownFigures() {
      return List.of(value);
    }
  }

  /**
   * What a statement whose value is {@code v} left out: what its evaluation noted, then what a
   * table value carries (a table bound by a {@code let} and shown later carries its own).
   */
  static List<LeftOut> leftOut(List<LeftOut> noted, Value v) {
    if (!(v instanceof Value.TableV t) || t.leftOut().isEmpty()) {
      return noted;
    }
    var all = new java.util.LinkedHashSet<>(noted);
    all.addAll(t.leftOut());
    return List.copyOf(all);
  }

  /**
   * A check: the values of each side, the verdict, the margin and on failure what dominated
   * ("memory-bound; 3 layers fell back to the CPU") or, for {@code supported()}, the support rule's
   * reason; {@code unknown} why its answer is unknown ({@link Truth}; empty when it is known), and
   * then it fails. A quantified check ({@code all}/{@code any}) also carries its cases: every
   * counterexample of a failing {@code all}, the witness of a passing {@code any}. {@code leftOut}
   * are the estimates left out because their model cannot run (by a {@code where} filter, an
   * aggregate, an {@code any}), except those the sides or cases already show.
   */
  record Check(
      Span span,
      String label,
      boolean pass,
      List<Value> operands,
      List<Expr.CompareOp> ops,
      Margin margin,
      String dominated,
      String unknown,
      Cases cases,
      List<LeftOut> leftOut)
      implements Outcome {
    public Check {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
      leftOut = List.copyOf(leftOut);
      if (pass && !unknown.isEmpty()) {
        throw new IllegalArgumentException("a check whose answer is unknown does not pass");
      }
    }

    /**
     * A check without sides ({@code all}, {@code any}, a call, {@code and}): it passes only when
     * {@code answer} is true; an unknown answer gives its reason to {@link #unknown}.
     */
    static Check verdict(
        Span span,
        String label,
        Value.BoolV answer,
        String dominated,
        Cases cases,
        List<LeftOut> leftOut) {
      return new Check(
          span,
          label,
          answer.isTrue(),
          List.of(),
          List.of(),
          Margin.NONE,
          dominated,
          answer.why(),
          cases,
          leftOut);
    }

    /** Whether the answer is unknown (then the check fails, and {@link #unknown} says why). */
    public boolean isUnknown() {
      return !unknown.isEmpty();
    }

    /** Its sides', then the named cases'; a passing check's too: the release moves its top. */
    @Override
    public List<Value> shownFigures() {
      var shown = new ArrayList<>(operands);
      cases.decisive().forEach(c -> shown.addAll(c.operands()));
      cases.onlyAtEstimate().forEach(c -> shown.addAll(c.operands()));
      return shown;
    }

    /**
     * Those of {@link #shownFigures}, then those of every item a quantifier asked; not one that is
     * already the reason its answer is unknown (a side compared was an end of the missing range).
     */
    @Override
    public List<dev.devq.cost.OutOfScope> rangeOutOfScope() {
      var all = new LinkedHashSet<>(Outcome.super.rangeOutOfScope());
      all.addAll(cases.outOfScope());
      all.removeIf(why -> unknown.equals(why.endUnknown()));
      return List.copyOf(all);
    }
  }

  /**
   * The items of a quantified check that decide it: {@code filtered} says whether it has a {@code
   * where} filter, {@code tested} items passed it (all the list's items when there is none), {@code
   * decisive} are the counterexamples (a failing {@code all}) or the witness (a passing {@code
   * any}), {@code unknown} the items whose answer is unknown (a fact their profile lacks), which
   * keep an {@code all} from passing and are no witness of an {@code any}, {@code onlyAtEstimate}
   * the items of an {@code all} that hold at the estimate but not at the pessimistic end of its 80%
   * range: a passing {@code all} names them, as they are the items a user should not ship on.
   * {@code outOfScope} why estimates of the items asked have no such end to judge by, each once (a
   * passing check names no item, yet its verdict rests on them). {@link #NONE} for a check without
   * a quantifier.
   */
  record Cases(
      boolean quantified,
      Expr.QuantifierKind kind,
      boolean filtered,
      int tested,
      List<Case> decisive,
      List<Case> unknown,
      List<Case> onlyAtEstimate,
      List<dev.devq.cost.OutOfScope> outOfScope) {
    public static final Cases NONE =
        new Cases(
            false, Expr.QuantifierKind.ALL, false, 0, List.of(), List.of(), List.of(), List.of());

    public Cases {
      decisive = List.copyOf(decisive);
      unknown = List.copyOf(unknown);
      onlyAtEstimate = List.copyOf(onlyAtEstimate);
      outOfScope = List.copyOf(outOfScope);
    }
  }

  /**
   * One item of a quantified check: the bound value and, when the body is a comparison, its sides
   * and margin; {@code unknown} says why its answer is unknown, and is empty when it is known.
   */
  record Case(
      Value item,
      boolean pass,
      List<Value> operands,
      List<Expr.CompareOp> ops,
      Margin margin,
      String unknown) {
    public Case {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
    }

    Case(Value item, boolean pass, List<Value> operands, List<Expr.CompareOp> ops, Margin margin) {
      this(item, pass, operands, ops, margin, "");
    }

    /** An item whose answer is unknown, and why: neither a counterexample nor a witness. */
    static Case unknown(Value item, String why) {
      return new Case(item, false, List.of(), List.of(), Margin.NONE, why);
    }

    public boolean known() {
      return unknown.isEmpty();
    }
  }

  /**
   * A query with {@code ?}: every candidate target and its value (true/false for a check), and the
   * targets the model cannot run on.
   */
  record HoleFill(
      Span span,
      List<Value.EntityV> targets,
      List<Value> values,
      boolean isCheck,
      List<LeftOut> leftOut)
      implements Outcome {
    public HoleFill {
      targets = List.copyOf(targets);
      values = List.copyOf(values);
      leftOut = List.copyOf(leftOut);
    }

    @Override
    public List<Value> shownFigures() {
      return values;
    }
  }
}
