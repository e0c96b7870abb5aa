package dev.devq.lang;

/**
 * A runtime failure that carries its diagnostic: raised where a result cannot be produced (an
 * unsupported op everywhere, a value out of range) and caught by the front ends, which render it.
 */
public final class DevqException extends RuntimeException {
  private final transient Diagnostic diagnostic;

  public DevqException(Diagnostic diagnostic) {
    super(diagnostic.message());
    this.diagnostic = diagnostic;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }
}
