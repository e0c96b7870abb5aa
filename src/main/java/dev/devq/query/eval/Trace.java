package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What one statement's evaluation has computed: the first estimate (what a failed check and {@code
 * explain} show, or the one an aggregate's answer is read from), what it left out (estimates whose
 * model cannot run on the target, table cells whose row failed), and how many predictions and
 * evaluation steps it made, against the statement's budget. Later estimates are counted, not kept,
 * so a sweep of a million predictions holds one.
 *
 * <p>The budget counts work, not time: the same statement stops at the same place on a quiet
 * machine and on a loaded one, so an answer never depends on what else the machine is doing. The
 * one stop that is not work is the user's: {@code stop} (the REPL's Ctrl-C) is asked at every step,
 * so a statement stops within a step of it, between two predictions, never inside one.
 */
final class Trace {
  /**
   * Predictions one statement may make (the cache's hits are free); {@code
   * -Ddevq.max.predictions=N} changes it.
   */
  static final long MAX_PREDICTIONS = Long.getLong("devq.max.predictions", 100_000L);

  /**
   * Expressions one statement may evaluate (every node, for every item of every quantifier); {@code
   * -Ddevq.max.steps=N} changes it. The default is a few seconds of one core, so a quantifier
   * nested five deep cannot hang CI.
   */
  static final long MAX_STEPS = Long.getLong("devq.max.steps", 10_000_000L);

  private Breakdown first;
  // the first estimate recorded since mark(): what an aggregate's key computed
  private Breakdown sinceMark;
  // what a comparison, filter, aggregate or table left out, in first-seen order; a table's row
  // collects its own while it is evaluated (collecting), so a row a 'top' cut says nothing
  private Set<LeftOut> leftOut = new LinkedHashSet<>();
  private long predictions;
  private long cacheMadeSeen = -1;
  private long steps;
  private final BooleanSupplier stop;

  Trace(BooleanSupplier stop) {
    this.stop = stop;
  }

  /**
   * Counts an estimate against the budget when it had to be made: the session's cache has made a
   * prediction since the last one counted ({@code cacheMade}, its count of predictions made), or it
   * is a pipeline's, which is never cached; false once the statement is over the budget. A table
   * that asks the same prediction for five columns pays for it once.
   */
  boolean record(Breakdown b, long cacheMade) {
    if (first == null) {
      first = b;
    }
    if (sinceMark == null) {
      sinceMark = b;
    }
    if (cacheMade != cacheMadeSeen || !(b instanceof dev.devq.cost.Prediction)) {
      predictions++;
    }
    cacheMadeSeen = cacheMade;
    return predictions <= MAX_PREDICTIONS;
  }

  /**
   * Counts an evaluation step; false once the statement is over its budget or asked to stop ({@link
   * #stopAsked} says which).
   */
  boolean step() {
    return ++steps <= MAX_STEPS && !stop.getAsBoolean();
  }

  /** Whether the statement was asked to stop: the user interrupted it, it did not run out. */
  boolean stopAsked() {
    return stop.getAsBoolean();
  }

  /** Notes what the answer leaves out: an estimate that cannot run, a cell whose row failed. */
  void leftOut(LeftOut what) {
    leftOut.add(what);
  }

  /**
   * Runs {@code body} with what it leaves out going to {@code into} instead: a table keeps what
   * each row left out with the row, and what the whole table did with the table.
   */
  <T> T collecting(Set<LeftOut> into, Supplier<T> body) {
    Set<LeftOut> outer = leftOut;
    leftOut = into;
    try {
      return body.get();
    } finally {
      leftOut = outer;
    }
  }

  /** Everything left out so far, each once, in the order they were met. */
  List<LeftOut> leftOut() {
    return List.copyOf(leftOut);
  }

  /** Forgets the estimate {@link #sinceMark} gives, before an aggregate evaluates a key. */
  void mark() {
    sinceMark = null;
  }

  /** The first estimate recorded since {@link #mark}, or null when none was. */
  Breakdown sinceMark() {
    return sinceMark;
  }

  /**
   * Makes {@code b} the estimate the statement shows in place of the first it computed: the one a
   * {@code min … by} chose, which its answer is read from.
   */
  void answeredBy(Breakdown b) {
    first = b;
  }

  List<Breakdown> firstEstimate() {
    return first == null ? List.of() : List.of(first);
  }

  /** What the statement made, against the limits, for the error that stops it. */
  String exceeded() {
    return "evaluation budget exceeded after "
        + predictions
        + " predictions and "
        + steps
        + " steps (limits: "
        + MAX_PREDICTIONS
        + " predictions, "
        + MAX_STEPS
        + " steps per statement)";
  }
}
