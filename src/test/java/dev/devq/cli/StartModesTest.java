package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code eval} and {@code explain} read one prediction, so for every start they give the same
 * latency; a cold start adds the cached load, a first start also the compile.
 */
class StartModesTest {
  private static JsonNode json(String... args) throws IOException {
    CheckReportsTest.Run run = CheckReportsTest.devq(args);
    assertEquals(0, run.code(), run.err());
    return new ObjectMapper().readTree(run.out());
  }

  /** Milliseconds of a JSON quantity, whatever unit it was printed in. */
  private static double ms(JsonNode q) {
    double v = q.get("value").asDouble();
    return switch (q.get("unit").asText()) {
      case "s" -> v * 1000;
      case "ms" -> v;
      case "µs" -> v / 1000;
      case "ns" -> v / 1e6;
      default -> throw new AssertionError("not a time: " + q);
    };
  }

  @ParameterizedTest(name = "{0} on {1}, start = {2}")
  @CsvSource({
    "mobilenet_v2, a16, warm",
    "mobilenet_v2, a16, cold",
    "mobilenet_v2, a16, first",
    "resnet50, iphone_12, warm",
    "resnet50, iphone_12, cold",
    "resnet50, iphone_12, first",
    "yolov8n, m2, first",
    "'seq(mobilenet_v2, resnet50)', a16, warm",
    "'seq(mobilenet_v2, resnet50)', a16, cold",
    "'par(mobilenet_v2, resnet50)', a16, first"
  })
  void evalAndExplainAgree(String model, String target, String start) throws IOException {
    String expr = "latency(" + model + ", " + target + ", start = " + start + ")";
    double eval = ms(json("eval", "--format", "json", expr));
    JsonNode summary = json("explain", "--format", "json", expr).get("summary");
    // explain reports seconds in *_s fields: total_s for a model, latency_s for a pipeline
    JsonNode total = summary.has("total_s") ? summary.get("total_s") : summary.get("latency_s");
    assertEquals(eval, total.asDouble() * 1000, eval * 1e-3, expr);
    assertEquals(start, summary.get("start").asText());

    String warmExpr = "latency(" + model + ", " + target + ")";
    double warm = ms(json("eval", "--format", "json", warmExpr));
    String loadExpr = "load_time(" + model + ", " + target + ", start = " + start + ")";
    double load = ms(json("eval", "--format", "json", loadExpr));
    double expected = start.equals("warm") ? warm : warm + load;
    assertEquals(expected, eval, eval * 1e-3, "latency = warm latency + load for " + expr);
    if (start.equals("first")) {
      String cachedExpr = "load_time(" + model + ", " + target + ", start = cold)";
      double cached = ms(json("eval", "--format", "json", cachedExpr));
      assertTrue(load > cached, "a first launch compiles: " + load + " vs " + cached);
    }
  }
}
