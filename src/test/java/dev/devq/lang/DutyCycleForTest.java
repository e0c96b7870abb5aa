package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A duty cycle written as prose, {@code 30fps for 1h}, inside {@code battery(…)} is one error at
 * {@code for} that gives the two-argument form; a {@code for} elsewhere gets no such note.
 */
class DutyCycleForTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "battery(mobilenet_v2, iphone_15_pro, 30fps for 1h)",
        "battery(mobilenet_v2, iphone_15_pro, 30 fps for 1 h) < 1%",
        "battery(quantize(resnet50, w8), iphone_15_pro, frame(60fps) for 10min)",
        "all d in devices: battery(mobilenet_v2, d, 30fps for 1h) < 1%",
      })
  void namesTheTwoArgumentForm(String query) {
    List<Diagnostic> found = AstBuilder.parseQuery(new SourceText("q", query)).diagnostics();
    assertEquals(1, found.size(), () -> DiagnosticRenderer.render(found));
    Diagnostic d = found.get(0);
    assertEquals("unexpected 'for'", d.message());
    assertEquals("for", query.substring(d.span().start(), d.span().end()));
    assertEquals(List.of("write the duty cycle as battery(model, target, 30fps, 1h)"), d.notes());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "latency(mobilenet_v2, iphone_15_pro for 1h)",
        "energy(mobilenet_v2, a16) for 1h",
        "battery(mobilenet_v2, iphone_15_pro, 30fps) for 1h",
      })
  void noNoteOutsideBattery(String query) {
    List<Diagnostic> found = AstBuilder.parseQuery(new SourceText("q", query)).diagnostics();
    assertTrue(!found.isEmpty(), query);
    for (Diagnostic d : found) {
      assertTrue(d.notes().stream().noneMatch(n -> n.contains("duty cycle")), d.toString());
    }
  }
}
