package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A source line too long to show is cut to a window with {@code …} at either end; the caret must
 * still sit under the character the diagnostic points at, wherever that is in the line, and also
 * after characters outside the Basic Multilingual Plane.
 */
class DiagnosticWindowTest {
  @ParameterizedTest(name = "line of {0}, caret at {1}, prefix {2}")
  @CsvSource({
    "50, 0, ''",
    "50, 49, ''",
    "200, 0, ''",
    "200, 33, ''",
    "200, 34, ''",
    "200, 50, ''",
    "200, 120, ''",
    "200, 199, ''",
    "10000, 400, ''",
    "10000, 5000, ''",
    "10000, 9999, ''",
    "300, 150, '😀😀😀'",
    "300, 299, 'µµ'"
  })
  void caretSitsUnderTheCharacterItPointsAt(int length, int at, String prefix) {
    StringBuilder line = new StringBuilder(prefix);
    for (int i = 0; i < length; i++) {
      line.append(i == at ? 'X' : (char) ('a' + i % 26));
    }
    String text = "first line\n" + line + "\nlast line\n";
    int offset = "first line\n".length() + prefix.length() + at;
    var d =
        Diagnostic.error(
            DiagnosticCode.IO, "here", new SourceText("t.md", text), new Span(offset, offset + 1));
    List<String> rendered = DiagnosticRenderer.render(d).lines().toList();
    String shown = rendered.get(3).substring("2 | ".length());
    String caret = rendered.get(4).substring("  | ".length());
    int column = caret.indexOf('^');
    assertEquals(1, caret.length() - column, "one caret for one character: " + caret);
    int[] shownPoints = shown.codePoints().toArray();
    int under = 0;
    while (DiagnosticRenderer.columns(shownPoints, 0, under) < column) {
      under++;
    }
    assertEquals('X', shownPoints[under], () -> "caret under '" + shown + "'");
    assertEquals(
        "t.md:2:" + (prefix.codePointCount(0, prefix.length()) + at + 1),
        rendered.get(1).substring(" --> ".length()));
  }

  /** A terminal shows a full-width or CJK character two columns wide; the caret follows it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "'a < ３３ms', 4, 6, '    ^^^^'",
    "'名前 < x', 5, 6, '       ^'",
    "'x ＜ 1', 2, 3, '  ^^'",
    "'é < x', 5, 6, '    ^'"
  })
  void caretCountsTerminalColumns(String line, int from, int to, String caret) {
    var d =
        Diagnostic.error(
            DiagnosticCode.IO, "here", new SourceText("t.md", line + "\n"), new Span(from, to));
    List<String> rendered = DiagnosticRenderer.render(d).lines().toList();
    assertEquals(caret, rendered.get(4).substring("  | ".length()).stripTrailing());
  }
}
