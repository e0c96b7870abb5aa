package dev.devq.kb;

import dev.devq.lang.SourceText;
import dev.devq.lang.Span;

/** Where a value was written: the profile file and the span in it. */
public record Origin(SourceText source, Span span) {
  /** {@code file:line:column}. */
  public String position() {
    return source.position(span.start());
  }

  /** An origin for values that were computed rather than read, e.g. defaults. */
  public static Origin builtIn(String what) {
    return new Origin(new SourceText(what, ""), Span.at(0));
  }
}
