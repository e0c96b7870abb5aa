package dev.devq.lang.eval;

import dev.devq.lang.Expr;
import dev.devq.lang.Span;
import java.util.List;

/** What one statement produced: a binding, a value, a check, or the targets that fill a hole. */
public sealed interface Outcome {
  Span span();

  record Let(Span span, String name, Value value) implements Outcome {}

  record Shown(Span span, Value value) implements Outcome {}

  /**
   * A check: the values of each side, the verdict, the margin ("4.9 ms under 33 ms, 85%") and on
   * failure what dominated ("memory-bound; 3 layers fell back to the CPU").
   */
  record Check(
      Span span,
      String label,
      boolean pass,
      List<Value> operands,
      List<Expr.CompareOp> ops,
      String margin,
      String dominated)
      implements Outcome {
    public Check {
      operands = List.copyOf(operands);
      ops = List.copyOf(ops);
    }
  }

  /** A query with {@code ?}: every candidate target and its value (true/false for a check). */
  record HoleFill(Span span, List<Value.EntityV> targets, List<Value> values, boolean isCheck)
      implements Outcome {
    public HoleFill {
      targets = List.copyOf(targets);
      values = List.copyOf(values);
    }
  }
}
