package dev.devq.lang;

/** How bad a diagnostic is: errors stop evaluation, warnings and notes do not. */
public enum Severity {
  ERROR,
  WARNING,
  NOTE;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
