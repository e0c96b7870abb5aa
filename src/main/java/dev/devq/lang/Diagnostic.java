package dev.devq.lang;

import java.util.List;

/**
 * One message about one place in one source: every error from parsing to evaluation is one of
 * these.
 *
 * <p>{@code label} is the short text written under the caret; {@code notes} are the lines after it
 * ("= did you mean 'a17'?", hints). Build with {@link #error} and the {@code with…} methods.
 */
public record Diagnostic(
    Severity severity,
    DiagnosticCode code,
    String message,
    SourceText source,
    Span span,
    String label,
    List<String> notes) {

  public Diagnostic {
    notes = List.copyOf(notes);
  }

  /** An error at a span of a source. */
  public static Diagnostic error(
      DiagnosticCode code, String message, SourceText source, Span span) {
    return new Diagnostic(Severity.ERROR, code, message, source, span, "", List.of());
  }

  /**
   * The message and its first note, the hint a reader acts on, on one line: how a line under a
   * table or a quantified check says why an item is unknown.
   */
  public String brief() {
    return notes.isEmpty() ? message : message + "; " + notes.get(0);
  }

  public Diagnostic withLabel(String newLabel) {
    return new Diagnostic(severity, code, message, source, span, newLabel, notes);
  }

  /** Adds a note line; empty notes are ignored so callers can pass optional suggestions. */
  public Diagnostic withNote(String note) {
    if (note == null || note.isEmpty()) {
      return this;
    }
    var more = new java.util.ArrayList<>(notes);
    more.add(note);
    return new Diagnostic(severity, code, message, source, span, label, more);
  }

  /** {@code file:line:column} of the start of the span. */
  public String position() {
    return source.position(span.start());
  }
}
