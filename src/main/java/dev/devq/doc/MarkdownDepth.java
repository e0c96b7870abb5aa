package dev.devq.doc;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;

/**
 * Refuses Markdown nested deeper than devq reads, before the parser sees it. commonmark-java walks
 * nested block quotes and lists recursively: {@code '>' * 10000} overflows its stack and 5000
 * nested list items take half a minute. The container prefix of a line (indentation, {@code >}
 * markers and list markers) measures that nesting; a prefix wider than {@link #MAX_PREFIX} columns
 * is an error at that column. Real documents stay far below (ten levels is already rare).
 */
final class MarkdownDepth {
  static final int MAX_PREFIX = 400;

  private MarkdownDepth() {}

  /** An error at the first line nested too deep, or null when the document is fine. */
  static Diagnostic check(SourceText document) {
    String text = document.text();
    int lineStart = 0;
    while (lineStart < text.length()) {
      int width = 0;
      int i = lineStart;
      while (i < text.length() && isPrefix(text, i)) {
        width += text.charAt(i) == '\t' ? 4 : 1;
        if (width > MAX_PREFIX) {
          return Diagnostic.error(
                  DiagnosticCode.TOO_DEEP,
                  "block quotes or lists nest too deep here: devq reads at most "
                      + MAX_PREFIX
                      + " columns of indentation and markers",
                  document,
                  new Span(i, i + 1))
              .withNote("flatten the nesting");
        }
        i++;
      }
      int next = text.indexOf('\n', i);
      lineStart = next < 0 ? text.length() : next + 1;
    }
    return null;
  }

  /** Indentation, a block-quote marker or a bullet list marker followed by a space. */
  private static boolean isPrefix(String text, int i) {
    char c = text.charAt(i);
    if (c == ' ' || c == '\t' || c == '>') {
      return true;
    }
    return (c == '-' || c == '*' || c == '+')
        && i + 1 < text.length()
        && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t');
  }
}
