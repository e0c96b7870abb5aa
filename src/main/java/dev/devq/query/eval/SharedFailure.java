package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.Diagnostic;

/**
 * The failures of the rows of one table column, or of the targets a hole stands for. A row that
 * fails alone is unknown (a Mac has no battery), but a failure every row shares, the same error at
 * the same place, does not depend on the row: it is the query's own ({@code
 * latency(mobilenet_v2(width = 0), ?)} answered "unknown" for each of 146 targets and exit 0, the
 * refused width never said). {@link #rethrow} reports it as the plain query would.
 *
 * <pre>{@code
 * var failures = new SharedFailure();
 * for (...) { try { ...; failures.passed(); } catch (DevqException e) { failures.failed(e); } }
 * failures.rethrow();
 * }</pre>
 */
final class SharedFailure {
  private DevqException shared;
  private boolean differs;

  /** A row that gave a value. */
  void passed() {
    differs = true;
  }

  /** A row that failed with {@code e}. */
  void failed(DevqException e) {
    if (differs) {
      return;
    }
    if (shared == null) {
      shared = e;
    } else if (!same(shared.diagnostic(), e.diagnostic())) {
      differs = true;
    }
  }

  /**
   * Throws the failure every row had; nothing when a row passed, rows failed otherwise, or none.
   */
  void rethrow() {
    if (!differs && shared != null) {
      throw shared;
    }
  }

  private static boolean same(Diagnostic a, Diagnostic b) {
    return a.code() == b.code() && a.message().equals(b.message()) && a.span().equals(b.span());
  }
}
