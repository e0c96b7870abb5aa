package dev.devq;

import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.SourceText;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code eval} and {@code explain} read one prediction, so they agree for every start mode. */
class OnePredictionTest {
  @ParameterizedTest(name = "{0} start = {1}")
  @CsvSource({
    "mobilenet_v2, warm",
    "mobilenet_v2, cold",
    "mobilenet_v2, first",
    "resnet50, first",
    "'seq(mobilenet_v2, resnet50)', first",
    "'par(mobilenet_v2, resnet50)', cold"
  })
  void evalAndExplainAgree(String model, String start) {
    String query = "latency(" + model + ", a16, start = " + start + ")";
    double evaluated = quantity(query).value();
    Interpreter.Explained x =
        DevqAssertions.interpreter().explain(new SourceText("<q>", query), Session.EMPTY);
    assertTrue(x.diagnostics().isEmpty(), x.diagnostics().toString());
    assertEquals(evaluated, x.estimate().latency(), evaluated * 1e-12, query);
    double loadTime = quantity("load_time(" + model + ", a16, start = " + start + ")").value();
    assertEquals(loadTime, x.estimate().loadTime(), loadTime * 1e-12, query);
    double warm = quantity("latency(" + model + ", a16)").value();
    assertEquals(start.equals("warm") ? warm : warm + loadTime, evaluated, evaluated * 1e-9);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"mobilenet_v2", "resnet50"})
  void firstLaunchCompilesSoItLoadsSlowerThanCold(String model) {
    double cold = quantity("latency(" + model + ", a16, start = cold)").value();
    double first = quantity("latency(" + model + ", a16, start = first)").value();
    assertTrue(first > cold, first + " > " + cold);
  }
}
