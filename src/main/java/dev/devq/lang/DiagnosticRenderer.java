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

  /** Source lines longer than this many code points are shown as a window around the caret. */
  static final int MAX_LINE = 100;

  public static String render(Diagnostic d) {
    SourceText source = d.source();
    int start = Math.min(d.span().start(), source.text().length());
    String lineNumber = Integer.toString(source.line(start));
    String gutter = " ".repeat(lineNumber.length());
    var out = new StringBuilder();
    out.append(d.severity().label())
        .append('[')
        .append(d.code().label())
        .append("]: ")
        .append(d.message())
        .append('\n');
    // a file's name may hold control characters: shown, never sent to the terminal
    out.append(gutter).append("--> ").append(CharacterNames.visible(d.position())).append('\n');
    // a file that does not exist or cannot be read: its position is all there is, and an empty
    // line with a caret under nothing would only add noise
    if (!source.text().isEmpty() || !d.label().isEmpty()) {
      Excerpt x = excerpt(d, MAX_LINE);
      out.append(gutter).append(" |\n");
      out.append(lineNumber).append(" | ").append(x.line()).append('\n');
      out.append(gutter).append(" | ").append(" ".repeat(x.pad())).append("^".repeat(x.carets()));
      if (!d.label().isEmpty()) {
        out.append(' ').append(d.label());
      }
      out.append('\n');
    }
    for (String note : d.notes()) {
      out.append(gutter).append(" = ").append(note).append('\n');
    }
    return out.toString();
  }

  /**
   * The source line of a diagnostic as shown, and where its caret goes under it: {@code pad}
   * columns of space, then {@code carets} carets.
   */
  public record Excerpt(String line, int pad, int carets) {}

  /**
   * The line of {@code d}'s span, whole when it has at most {@code maxLength} code points, else a
   * window of that many that starts a little before the caret, with {@code …} where it was cut. Pad
   * and carets count terminal columns, so a caret stays under a wide character such as {@code ３}.
   * The REPL shows a line too long for the terminal this way, so that neither wraps.
   */
  public static Excerpt excerpt(Diagnostic d, int maxLength) {
    SourceText source = d.source();
    int start = Math.min(d.span().start(), source.text().length());
    String lineText = source.lineText(start);
    int column = source.column(start);
    int lineEndOffset = source.lineStart(start) + lineText.length();
    int caretEnd = Math.min(d.span().end(), lineEndOffset);
    // a NUL byte or a bidirectional override is shown, never printed raw: one code point for one
    lineText = CharacterNames.visible(lineText);
    int width = Math.max(1, caretEnd > start ? source.text().codePointCount(start, caretEnd) : 1);
    int[] line = lineText.codePoints().toArray();
    if (line.length > maxLength) {
      // A 1 MB one-line query must not print 1 MB: keep a window that starts a little before the
      // caret.
      int from = Math.max(0, Math.min(column - 1 - maxLength / 3, line.length - maxLength));
      int to = Math.min(line.length, from + maxLength);
      lineText =
          (from > 0 ? "…" : "") + new String(line, from, to - from) + (to < line.length ? "…" : "");
      column = column - from + (from > 0 ? 1 : 0);
      width = Math.max(1, Math.min(width, to - (column - 1 - (from > 0 ? 1 : 0)) - from));
    }
    int[] shown = lineText.codePoints().toArray();
    int from = Math.min(column - 1, shown.length);
    int to = Math.min(from + width, shown.length);
    int carets = Math.max(1, to > from ? columns(shown, from, to) : width);
    return new Excerpt(expandTabs(lineText), columns(shown, 0, from), carets);
  }

  /**
   * Terminal columns of {@code codePoints[from, to)}: East Asian wide and full-width characters
   * take two, combining marks none, everything else one.
   */
  static int columns(int[] codePoints, int from, int to) {
    int columns = 0;
    for (int i = from; i < to; i++) {
      columns += columns(codePoints[i]);
    }
    return columns;
  }

  private static int columns(int cp) {
    int type = Character.getType(cp);
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    boolean wide =
        (cp >= 0x1100 && cp <= 0x115F)
            || (cp >= 0x2E80 && cp <= 0x303E)
            || (cp >= 0x3041 && cp <= 0x33FF)
            || (cp >= 0x3400 && cp <= 0x4DBF)
            || (cp >= 0x4E00 && cp <= 0x9FFF)
            || (cp >= 0xA000 && cp <= 0xA4CF)
            || (cp >= 0xAC00 && cp <= 0xD7A3)
            || (cp >= 0xF900 && cp <= 0xFAFF)
            || (cp >= 0xFE30 && cp <= 0xFE4F)
            || (cp >= 0xFF00 && cp <= 0xFF60)
            || (cp >= 0xFFE0 && cp <= 0xFFE6)
            || (cp >= 0x1F300 && cp <= 0x1F64F)
            || (cp >= 0x1F900 && cp <= 0x1F9FF)
            || (cp >= 0x20000 && cp <= 0x3FFFD);
    return wide ? 2 : 1;
  }

  private static String expandTabs(String line) {
    return line.replace('\t', ' ');
  }
}
