package dev.devq.query.check;

import dev.devq.lang.Expr;
import dev.devq.lang.Span;

/**
 * Moves a parsed default argument ({@code nominal}, {@code 30fps}) to the call it completes, so any
 * message about it points into the user's query rather than into the signature's text.
 */
final class Relocate {
  private Relocate() {}

  static Expr to(Expr e, Span at) {
    if (e instanceof Expr.Name n) {
      return new Expr.Name(at, n.id());
    }
    if (e instanceof Expr.QuantityLit q) {
      return new Expr.QuantityLit(at, q.value(), q.unit(), at);
    }
    throw new IllegalArgumentException("defaults are names or quantities");
  }
}
