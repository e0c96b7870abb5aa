package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A file's name may hold control characters (an escape sequence that recolours the terminal): the
 * line that names where an error is shows them, never sends them to the terminal.
 */
class ControlCharacterFileNameTest {
  @Test
  void theHeaderShowsAnEscapeInAFileName() {
    SourceText source = new SourceText("review\u001b[2J.devq", "latency(m, d)");
    Diagnostic d = Diagnostic.error(DiagnosticCode.SYNTAX, "unexpected", source, Span.at(0));
    String shown = DiagnosticRenderer.render(List.of(d));
    assertFalse(shown.contains("\u001b"), shown);
    assertTrue(shown.contains("--> review\u241b[2J.devq:1:1"), shown);
  }
}
