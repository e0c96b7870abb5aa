package dev.devq.query.eval;

/**
 * Thrown by the {@link Evaluator} when the statement was asked to stop (the REPL's Ctrl-C). Not a
 * {@link dev.devq.lang.DevqException}, so that no table row, quantifier item or hole candidate that
 * absorbs a failure of its own takes it for one: it unwinds to the {@link Interpreter}, which turns
 * it into one {@code INTERRUPTED} diagnostic.
 */
final class Stopped extends RuntimeException {
  private static final long serialVersionUID = 1L;

  Stopped() {
    // thrown to unwind, never printed: no stack trace to fill
    super(null, null, false, false);
  }
}
