package dev.devq.query.eval;

import dev.devq.cost.Breakdown;
import java.util.List;

/**
 * What one statement's evaluation has computed: the first estimate (what a failed check explains)
 * and how many predictions it made, against the statement's budget. Later estimates are counted,
 * not kept, so a sweep of a million predictions holds one.
 */
final class Trace {
  /** Predictions one statement may make; {@code -Ddevq.max.predictions=N} changes it. */
  static final long MAX_PREDICTIONS = Long.getLong("devq.max.predictions", 2_000_000L);

  /** Wall-clock seconds one statement may run; {@code -Ddevq.max.seconds=N} changes it. */
  static final long MAX_SECONDS = Long.getLong("devq.max.seconds", 10L);

  private final long started = System.nanoTime();
  private Breakdown first;
  private long predictions;

  /** Counts a prediction; false once the statement is over its budget. */
  boolean record(Breakdown b) {
    if (first == null) {
      first = b;
    }
    predictions++;
    return predictions <= MAX_PREDICTIONS && withinTime();
  }

  /** Whether the statement is still within its time; checked per prediction and per item. */
  boolean withinTime() {
    return System.nanoTime() - started <= MAX_SECONDS * 1_000_000_000L;
  }

  List<Breakdown> firstEstimate() {
    return first == null ? List.of() : List.of(first);
  }

  long predictions() {
    return predictions;
  }
}
