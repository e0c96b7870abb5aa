package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two arguments with no comma between them are reported at the second, expecting ',' or ')' and
 * suggesting the comma. Without an earlier comma the parser reads {@code latency(m a16)} as a name
 * and a bracket, and said only "expected ')'"; {@code units = all throttled} read as a quantifier
 * and said "expected 'in'" at the closing bracket.
 */
class MissingCommaTest {
  private static final String LABEL = "expected ',' or ')'";
  private static final String NOTE = "missing ',' between arguments?";

  @ParameterizedTest(name = "{0}  =>  at ''{1}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2 a16)                      | a16       | true
      latency(mobilenet_v2, a16 throttled)           | throttled | true
      latency(mobilenet_v2 a16, throttled)           | a16       | true
      latency(quantize(mobilenet_v2 w8), a16)        | w8        | true
      latency(mobilenet_v2, a16 units = cpu_only)    | units     | true
      max(1 ms 2 ms)                                 | 2         | true
      check "fits": latency(mobilenet_v2 a16) < 1 ms | a16       | true
      (1 2)                                          | 2         | false
      [1 2]                                          | 2         | false
      latency(mobilenet_v2 + )                       | )         | false
      latency(mobilenet_v2, a16, units = all throttled) | throttled | true
      latency(mobilenet_v2, a16, units = all throttled, os = x) | throttled | true
      all throttled                                  | throttled | false
      """)
  void aMissingCommaIsSuggestedOnlyBetweenArguments(String query, String at, boolean suggested) {
    List<Diagnostic> found = AstBuilder.parseQuery(new SourceText("q", query)).diagnostics();
    assertEquals(1, found.size(), () -> DiagnosticRenderer.render(found));
    Diagnostic d = found.get(0);
    assertEquals(DiagnosticCode.SYNTAX, d.code());
    assertEquals(at, query.substring(d.span().start(), d.span().end()), "the caret");
    if (suggested) {
      assertEquals(LABEL, d.label());
      assertEquals(NOTE, d.notes().get(0), () -> DiagnosticRenderer.render(found));
    } else {
      assertNotEquals(LABEL, d.label());
      assertFalse(d.notes().contains(NOTE), () -> DiagnosticRenderer.render(found));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2,\\n  a16\\n  throttled) | throttled | true
      latency\\n(1 2)                              | 2         | false
      """)
  void aCallOverSeveralLines(String query, String at, boolean suggested) {
    aMissingCommaIsSuggestedOnlyBetweenArguments(query.replace("\\n", "\n"), at, suggested);
  }
}
