package dev.devq.lang;

/**
 * The kind of a diagnostic. Tests assert codes; golden files assert the rendered text.
 *
 * <p>Every code is bad input (exit code 2) except {@link #INTERNAL} and {@link #IO}.
 */
public enum DiagnosticCode {
  SYNTAX,
  TOO_DEEP,
  TOO_LARGE,
  BUDGET,
  NOT_FINITE,
  UNKNOWN_NAME,
  UNKNOWN_UNIT,
  UNKNOWN_FUNCTION,
  UNKNOWN_MEMBER,
  UNKNOWN_ARGUMENT,
  DIMENSION_MISMATCH,
  TYPE_MISMATCH,
  ARITY,
  BAD_VALUE,
  PROFILE,
  MODEL,
  UNSUPPORTED,
  /**
   * A fact the query needs that no profile gives (a device without a battery capacity): an error
   * where it is the answer, an unknown item inside a quantified check, never a pass or a fail.
   */
  UNKNOWN_FACT,
  DOCUMENT,
  /**
   * A warning: a check that passes without testing anything ({@code all} over a list its filter
   * empties).
   */
  VACUOUS,
  /**
   * A warning: a {@code let} takes a name the knowledge base or the language already gives to
   * something (a SoC, a collection, a thermal state), which the name then hides for the rest of the
   * file.
   */
  SHADOWED,
  /** The user stopped the evaluation before it finished (Ctrl-C in the REPL). */
  INTERRUPTED,
  /**
   * A path the user gave (a file argument, {@code --profiles}, {@code --root}, a fence's {@code
   * file=}) names nothing readable: no such file, a folder where a file is wanted or the reverse,
   * no permission, not UTF-8 text. Bad input, exit code 2; {@link #IO} is a failure while reading
   * or writing a file that exists.
   */
  INPUT_FILE,
  IO,
  INTERNAL;

  /** The code as it appears in {@code error[UNKNOWN_NAME]}. */
  public String label() {
    return name();
  }
}
