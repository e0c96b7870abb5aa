package dev.devq.cli;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import java.util.List;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Errors of a one-line REPL input, with the caret right under the line the user just typed:
 *
 * <pre>
 * devq&gt; latency(mobilenet_v2, a71)
 *                             ^^^ no SoC or device with this id
 * error[UNKNOWN_NAME]: unknown target 'a71'
 *   = did you mean 'a17'?
 * </pre>
 *
 * Input of several lines, and errors in other files, get the full rendering with line numbers.
 */
final class ReplErrors {
  private ReplErrors() {}

  static String render(
      List<Diagnostic> diagnostics, SourceText input, int promptWidth, boolean color) {
    boolean oneLine =
        input.text().indexOf('\n') < 0 && diagnostics.stream().allMatch(d -> d.source() == input);
    if (!oneLine) {
      return DiagnosticRenderer.render(diagnostics);
    }
    var out = new AttributedStringBuilder();
    String indent = " ".repeat(promptWidth);
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      if (i > 0) {
        out.append(indent).append(input.text()).append('\n');
      }
      int start = Math.min(d.span().start(), input.text().length());
      int end = Math.max(start, Math.min(d.span().end(), input.text().length()));
      int width = Math.max(1, input.text().codePointCount(start, end));
      out.append(indent).append(" ".repeat(input.column(start) - 1));
      out.style(
              color
                  ? AttributedStyle.BOLD.foreground(AttributedStyle.RED)
                  : AttributedStyle.DEFAULT)
          .append("^".repeat(width));
      if (!d.label().isEmpty()) {
        out.append(' ').append(d.label());
      }
      out.style(AttributedStyle.DEFAULT).append('\n');
      out.style(
              color
                  ? AttributedStyle.BOLD.foreground(AttributedStyle.RED)
                  : AttributedStyle.DEFAULT)
          .append(d.severity().label())
          .append('[')
          .append(d.code().label())
          .append(']')
          .style(AttributedStyle.DEFAULT)
          .append(": ")
          .append(d.message())
          .append('\n');
      for (String note : d.notes()) {
        out.append("  = ").append(note).append('\n');
      }
    }
    return color ? out.toAnsi() : out.toString();
  }
}
