package dev.devq.query.eval;

import dev.devq.lang.DevqException;
import dev.devq.lang.DiagnosticCode;

/**
 * A truth value of the query language: true, false, or unknown (a fact no source gives, support no
 * source settles). {@code not}, {@code and} and {@code or} follow Kleene's strong three-valued
 * logic, so an unknown fact can never make a condition true: {@code false and unknown} is false,
 * {@code true or unknown} is true, and everything else with an unknown stays unknown, {@code not}
 * included. {@code all} folds its items with {@link #and}, {@code any} with {@link #or}.
 *
 * <pre>{@code
 * Truth.UNKNOWN.not()              // UNKNOWN: "not (unknown < 1 Wh)" does not pass
 * Truth.FALSE.and(Truth.UNKNOWN)   // FALSE
 * Truth.TRUE.or(Truth.UNKNOWN)     // TRUE
 * }</pre>
 */
public enum Truth {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Truth of(boolean b) {
    return b ? TRUE : FALSE;
  }

  /**
   * Why {@code failure} leaves one item's answer unknown (a quantifier's item, an aggregate's key):
   * only a fact no profile gives ({@code error[UNKNOWN_FACT]}) does. Any other failure is bad input
   * (a part the SoC does not have, a duty cycle past the device) and is thrown on as the query's
   * error: a gate must not turn a mistake into a soft "unknown".
   */
  static String unknownBecause(DevqException failure) {
    if (failure.diagnostic().code() != DiagnosticCode.UNKNOWN_FACT) {
      throw failure;
    }
    return failure.diagnostic().brief();
  }

  public Truth not() {
    return switch (this) {
      case TRUE -> FALSE;
      case FALSE -> TRUE;
      case UNKNOWN -> UNKNOWN;
    };
  }

  /** False when either side is false, else unknown when either is unknown, else true. */
  public Truth and(Truth other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : TRUE;
  }

  /** True when either side is true, else unknown when either is unknown, else false. */
  public Truth or(Truth other) {
    return not().and(other.not()).not();
  }

  /**
   * Whether {@code other} alone decides {@code this op other} whatever this is: false for {@code
   * and}, true for {@code or}. A quantifier or {@code and}/{@code or} may stop there.
   */
  boolean decides(boolean and) {
    return this == (and ? FALSE : TRUE);
  }
}
