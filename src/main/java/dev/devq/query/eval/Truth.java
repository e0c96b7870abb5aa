package dev.devq.query.eval;

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
