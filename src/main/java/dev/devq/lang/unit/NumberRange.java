package dev.devq.lang.unit;

/**
 * Why a written number cannot be used: its value in base units is beyond what a double holds.
 * {@code 1e400 ms} would be infinity, {@code 1e-400 TOPS} zero and {@code 1e-320 ms} a number with
 * only a few of its digits (below the smallest normal double), each silently changing an answer (a
 * zero throughput even passes where 0 is allowed), so queries and profiles both refuse such a
 * number where it is written, in these words.
 *
 * <pre>{@code
 * NumberRange r = NumberRange.of(q.value(), "1e-400");   // TOO_SMALL; null when it can be used
 * }</pre>
 */
public enum NumberRange {
  TOO_LARGE("number too large", "beyond ±1.8e308 in base units", ""),
  TOO_SMALL(
      "number too small",
      "closer to 0 than ±2.2e-308 in base units, where a number loses its digits or becomes 0",
      "write 0 if zero is meant");

  private final String message;
  private final String detail;
  private final String fix;

  NumberRange(String message, String detail, String fix) {
    this.message = message;
    this.detail = detail;
    this.fix = fix;
  }

  /**
   * What is wrong with {@code baseValue}, the number written as {@code written} (its digits,
   * without the unit) once in base units; null when it can be used.
   */
  public static NumberRange of(double baseValue, String written) {
    if (!Double.isFinite(baseValue)) {
      return TOO_LARGE;
    }
    if (baseValue == 0) {
      return writtenNonZero(written) ? TOO_SMALL : null;
    }
    return subnormal(baseValue) ? TOO_SMALL : null;
  }

  /**
   * Whether {@code x}, not 0, is below the smallest normal double, where a number keeps fewer
   * digits on its way to 0: 1e-320 ms read as 9.88e-324 s, 1e-300 / 1e10 computed as 1e-310.
   */
  public static boolean subnormal(double x) {
    return x != 0 && Math.abs(x) < Double.MIN_NORMAL;
  }

  /** The error's text: {@code number too small}. */
  public String message() {
    return message;
  }

  /** What the value would have become. */
  public String detail() {
    return detail;
  }

  /** How to fix it, or empty. */
  public String fix() {
    return fix;
  }

  /** Whether a digit before the exponent is not 0: {@code 1e-400} is not zero, {@code 0e5} is. */
  private static boolean writtenNonZero(String number) {
    for (char c : number.toCharArray()) {
      if (c == 'e' || c == 'E') {
        return false;
      }
      if (c >= '1' && c <= '9') {
        return true;
      }
    }
    return false;
  }
}
