package dev.devq.query.eval;

import dev.devq.lang.Expr;
import java.util.List;

/**
 * What a comparison says beside its truth, as a check shows it: the value of each side, the
 * operators, the margin (with the pessimistic end of an estimate's 80% range, {@link
 * Margin#caveat}), what dominated a failure, and what it left out because a model cannot run. A
 * {@code let} bound to a comparison keeps it with its boolean ({@link Value.BoolV#compared}), so
 * {@code check "fits": fits} says what {@code check "fits": memory(m, d) < 4 GB} says, from the one
 * evaluation of the let. {@link #NONE} for a boolean that no comparison decided.
 */
public record Comparison(
    List<Value> operands,
    List<Expr.CompareOp> ops,
    Margin margin,
    String dominated,
    List<LeftOut> leftOut) {
  public static final Comparison NONE =
      new Comparison(List.of(), List.of(), Margin.NONE, "", List.of());

  public Comparison {
    operands = List.copyOf(operands);
    ops = List.copyOf(ops);
    leftOut = List.copyOf(leftOut);
  }
}
