package dev.devq.plot;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * A span of the user's text that is evaluated on its own (one end of a range, one series of a
 * list). The piece is run as its own source, and every diagnostic about it is moved back into the
 * whole text, so the caret lands where the user typed it.
 */
record Piece(SourceText whole, Span span) {
  String text() {
    return whole.slice(span);
  }

  /** Evaluates the piece as an expression in a session. */
  Interpreter.Explained evaluate(Interpreter interpreter, Session session) {
    SourceText part = new SourceText(whole.name(), text());
    Interpreter.Explained x = interpreter.evaluate(part, session);
    if (x.diagnostics().isEmpty()) {
      return x;
    }
    return new Interpreter.Explained(null, null, relocate(x.diagnostics(), part, span.start()));
  }

  /** An error at this piece. */
  PlotError error(DiagnosticCode code, String message, String note) {
    return new PlotError(Diagnostic.error(code, message, whole, span).withNote(note));
  }

  /**
   * Diagnostics about {@code part}, whose offset 0 is {@code offset} in the whole text, moved into
   * it; a span outside the part (in text devq added around it) is pinned to the part's ends.
   */
  List<Diagnostic> relocate(List<Diagnostic> diagnostics, SourceText part, int offset) {
    List<Diagnostic> out = new ArrayList<>();
    for (Diagnostic d : diagnostics) {
      if (d.source() != part) {
        out.add(d);
        continue;
      }
      int lo = span.start();
      int hi = span.end();
      int start = Math.max(lo, Math.min(hi, d.span().start() + offset));
      int end = Math.max(start, Math.min(hi, d.span().end() + offset));
      out.add(
          new Diagnostic(
              d.severity(),
              d.code(),
              d.message(),
              whole,
              new Span(start, end),
              d.label(),
              d.notes()));
    }
    return out;
  }
}
