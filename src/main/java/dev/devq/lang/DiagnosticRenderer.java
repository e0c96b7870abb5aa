package dev.devq.lang;

import java.util.List;

/**
 * Renders diagnostics as plain text in the form users read everywhere:
 *
 * <pre>
 * error[UNKNOWN_NAME]: unknown target 'a71'
 *  --> review.devq:3:23
 *   |
 * 3 | latency(mobilenet_v2, a71, throttled) &lt; 33ms
 *   |                       ^^^ no SoC or device with this id
 *   = did you mean 'a17'?
 * </pre>
 *
 * Colour is the CLI's business; this class writes no escape codes.
 */
public final class DiagnosticRenderer {
  private DiagnosticRenderer() {}

  /** Renders several diagnostics separated by blank lines. */
  public static String render(List<Diagnostic> diagnostics) {
    var out = new StringBuilder();
    for (Diagnostic d : diagnostics) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(render(d));
    }
    return out.toString();
  }

  public static String render(Diagnostic d) {
    SourceText source = d.source();
    int start = d.span().start();
    String lineNumber = Integer.toString(source.line(start));
    String gutter = " ".repeat(lineNumber.length());
    String lineText = source.lineText(start);
    int column = source.column(start);
    int lineEndOffset = source.lineStart(start) + lineText.length();
    int caretEnd = Math.min(d.span().end(), lineEndOffset);
    int width = Math.max(1, caretEnd > start ? source.text().codePointCount(start, caretEnd) : 1);

    var out = new StringBuilder();
    out.append(d.severity().label()).append('[').append(d.code().label()).append("]: ")
        .append(d.message()).append('\n');
    out.append(gutter).append(" --> ").append(d.position()).append('\n');
    out.append(gutter).append(" |\n");
    out.append(lineNumber).append(" | ").append(expandTabs(lineText)).append('\n');
    out.append(gutter).append(" | ").append(" ".repeat(column - 1)).append("^".repeat(width));
    if (!d.label().isEmpty()) {
      out.append(' ').append(d.label());
    }
    out.append('\n');
    for (String note : d.notes()) {
      out.append(gutter).append(" = ").append(note).append('\n');
    }
    return out.toString();
  }

  /** One line per diagnostic, {@code file:line:col: error[CODE]: message}, for compact listings. */
  public static String renderShort(Diagnostic d) {
    var out = new StringBuilder(d.position()).append(": ").append(d.severity().label())
        .append('[').append(d.code().label()).append("]: ").append(d.message());
    for (String note : d.notes()) {
      out.append(" (").append(note).append(')');
    }
    return out.toString();
  }

  private static String expandTabs(String line) {
    return line.replace('\t', ' ');
  }
}
