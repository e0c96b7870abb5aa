package dev.devq.cli;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.lang.SourceText;
import java.util.List;
import org.jline.utils.AttributedString;
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
 * A line too long for the terminal has wrapped on the screen, and a caret line as long would wrap
 * too, landing under another row of it: the caret then goes under the part of the line around it,
 * shown again as wide as the terminal ({@link DiagnosticRenderer#excerpt}). Input of several lines,
 * and errors in other files, get the full rendering with line numbers.
 */
final class ReplErrors {
  private ReplErrors() {}

  /**
   * The errors of {@code input}, typed after a prompt {@code promptWidth} columns wide on a
   * terminal {@code width} columns wide (0: unknown, taken as wide enough).
   */
  static String render(
      List<Diagnostic> diagnostics, SourceText input, int promptWidth, boolean color, int width) {
    boolean oneLine =
        input.text().indexOf('\n') < 0 && diagnostics.stream().allMatch(d -> d.source() == input);
    if (!oneLine) {
      return DiagnosticRenderer.render(diagnostics);
    }
    // columns as the terminal counts them; at exactly the width, the cursor has wrapped too
    boolean wrapped =
        width > 0 && promptWidth + new AttributedString(input.text()).columnLength() >= width;
    // the excerpt and its ellipses stay short of the last column
    int room = wrapped ? Math.max(10, width - promptWidth - 3) : Integer.MAX_VALUE;
    var out = new AttributedStringBuilder();
    String indent = " ".repeat(promptWidth);
    AttributedStyle red =
        color ? AttributedStyle.BOLD.foreground(AttributedStyle.RED) : AttributedStyle.DEFAULT;
    for (int i = 0; i < diagnostics.size(); i++) {
      Diagnostic d = diagnostics.get(i);
      DiagnosticRenderer.Excerpt x = DiagnosticRenderer.excerpt(d, room);
      if (i > 0 || wrapped) {
        out.append(indent).append(x.line()).append('\n');
      }
      out.append(indent).append(" ".repeat(x.pad()));
      out.style(red).append("^".repeat(x.carets()));
      if (!d.label().isEmpty()) {
        out.append(' ').append(d.label());
      }
      out.style(AttributedStyle.DEFAULT).append('\n');
      out.style(red)
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
