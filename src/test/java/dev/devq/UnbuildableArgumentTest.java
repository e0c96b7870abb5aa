package dev.devq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.kb.ModelProfile;
import dev.devq.kb.YamlNode;
import dev.devq.lang.Diagnostic;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.DiagnosticRenderer;
import dev.devq.query.eval.Interpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A zoo model called with a parameter it takes on its own but cannot be built with ({@code
 * mobilenet_v2(width = 1e300)} asks for layers of 3.2e301 channels) is refused at the query's
 * argument, naming the parameter and why. Before, the error pointed at the whole call and named a
 * block argument of the model's file ({@code 'out' must be a positive whole number}), which the
 * user never wrote.
 */
class UnbuildableArgumentTest {

  /** Absurd or awkward values: past every size limit, a fraction, next to zero. */
  private static final List<String> VALUES = List.of("1e300", "2.5", "1e-300", "1e12");

  /** Every number parameter of every zoo model, with each of {@link #VALUES}. */
  static Stream<Arguments> everyNumberParameter() {
    List<Arguments> out = new ArrayList<>();
    for (ModelProfile m : DevqAssertions.kb().models().values()) {
      YamlNode.Entry params = m.root().entries().get("params");
      if (params == null || !(params.value() instanceof YamlNode.Mapping p)) {
        continue;
      }
      for (YamlNode.Entry e : p.entries().values()) {
        if (e.value() instanceof YamlNode.Scalar s && s.text().matches("[0-9.]+")) {
          VALUES.forEach(v -> out.add(Arguments.of(m.id() + "(" + e.key() + " = " + v + ")")));
        }
      }
    }
    return out.stream();
  }

  /** Either the model is built, or the refusal points at the value and names the parameter. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("everyNumberParameter")
  void aValueTheModelCannotTakeIsRefusedAtItsArgument(String query) {
    Interpreter.Run run = DevqAssertions.run(query);
    if (run.ok()) {
      return;
    }
    Diagnostic d = run.diagnostics().get(0);
    String shown = DiagnosticRenderer.render(run.diagnostics());
    assertEquals(DiagnosticCode.BAD_VALUE, d.code(), shown);
    String parameter = query.substring(query.indexOf('(') + 1, query.indexOf(" = "));
    assertEquals(query.indexOf(" = ") + 3, d.span().start(), shown);
    assertEquals(query.length() - 1, d.span().end(), shown);
    assertTrue(d.message().contains(parameter), shown);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      mobilenet_v2(width = 1e300)                   | 1e300 | 'out' is 3.2e301, above the limit of 16777216, at profiles/models/mobilenet_v2.yaml:24:9
      mobilenet_v2(resolution = 224, width = 1e300) | 1e300 | 'mobilenet_v2' cannot be built with width = 1e300: a size computed from it is invalid
      mobilenet_v2(resolution = 1e300)              | 1e300 | input size 'resolution' is 1e300, above the limit of 16777216
      mobilenet_v2(resolution = 1.5)                | 1.5   | input sizes must be positive whole numbers, found 1.5
      vit_b16(resolution = 100)                     | 100   | 'vocab' must be a positive whole number, found 40.0625
      yolov8n(classes = 1e300)                      | 1e300 | 'yolov8n' cannot be built with classes = 1e300
      """)
  void theRefusalSaysWhy(String query, String at, String message) {
    String shown = DevqAssertions.assertFails(query, DiagnosticCode.BAD_VALUE);
    assertTrue(shown.contains(message), shown);
    assertTrue(shown.contains("not a value this model can be built with"), shown);
    Diagnostic d = DevqAssertions.run(query).diagnostics().get(0);
    assertEquals(query.lastIndexOf(at), d.span().start(), shown);
  }
}
