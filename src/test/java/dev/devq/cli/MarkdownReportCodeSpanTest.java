package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A check's label in {@code check --format markdown} is one code span whatever it holds: a backtick
 * in the label closed the span, and what followed rendered as Markdown or raw HTML in a
 * pull-request comment.
 */
class MarkdownReportCodeSpanTest {
  private static final Parser PARSER = Parser.builder().build();
  private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).build();

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "latency(m, a16) < 2 ms",
        "pipe `tick` <b>bold</b>",
        "`starts and ends`",
        "two `` backticks ``` three",
      })
  void aLabelIsOneCodeSpanWhateverItHolds(String label) {
    String html = HTML.render(PARSER.parse(MarkdownReport.code(label))).strip();
    String escaped = label.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    assertEquals("<p><code>" + escaped + "</code></p>", html);
  }
}
