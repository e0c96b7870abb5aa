package dev.devq.cost;

import static dev.devq.DevqAssertions.assertFails;
import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.Devq;
import dev.devq.DevqAssertions;
import dev.devq.LoadException;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code seq} and {@code par}: models that share a unit queue on it, models on different units
 * overlap.
 */
class PipelineTest {
  private static double ms(String query) {
    return quantity(query).value() * 1000;
  }

  /**
   * The fixed cost in ms of a model that runs as one Neural Engine segment: the per-prediction cost
   * plus the segment's dispatch, host work that holds no compute unit, so it overlaps other stages.
   */
  private static double fixedMs() {
    var k = DevqAssertions.engine().costModel().coefficients();
    return (k.get("fixed") + k.get("ane_dispatch")) * 1000;
  }

  @ParameterizedTest(name = "{0}, {1} on {2}")
  @CsvSource({
    "mobilenet_v2, resnet50, iphone_15_pro",
    "resnet18, efficientnet_b0, iphone_12",
    "mobilenet_v3_small, vgg11, ipad_pro_m4"
  })
  void seqAddsUpAndParOfTwoNeuralEngineModelsSerializes(String a, String b, String device) {
    double sum =
        ms("latency(" + a + ", " + device + ")") + ms("latency(" + b + ", " + device + ")");
    assertEquals(sum, ms("latency(seq(" + a + ", " + b + "), " + device + ")"), sum * 1e-9);
    assertEquals(
        sum - fixedMs(),
        ms("latency(par(" + a + ", " + b + "), " + device + ")"),
        sum * 1e-9,
        "both run on the Neural Engine, which runs one model at a time; only the second's fixed cost overlaps");
  }

  @Test
  void modelsOnDifferentUnitsOverlap() throws LoadException {
    Devq devq =
        Devq.load(List.of(DevqAssertions.projectDir().resolve("src/test/resources/models-extra")));
    String on = ", iphone_15_pro, units = cpu_and_ne)";
    double lstm = ms(devq, "latency(keyword_lstm" + on);
    double cnn = ms(devq, "latency(mobilenet_v2" + on);
    double par = ms(devq, "latency(par(keyword_lstm, mobilenet_v2)" + on);
    double seq = ms(devq, "latency(seq(keyword_lstm, mobilenet_v2)" + on);
    assertEquals(lstm + cnn, seq, seq * 1e-9);
    assertTrue(
        par < seq,
        "the LSTM on the CPU overlaps the CNN on the Neural Engine: " + par + " vs " + seq);
    assertTrue(
        par >= Math.max(lstm, cnn) * (1 - 1e-9), "overlap cannot beat the longer model: " + par);
  }

  @Test
  void throughputIsSetByTheBusiestUnitAndNeverBelowOneOverLatency() {
    String p = "par(mobilenet_v2, resnet50), iphone_15_pro)";
    double fps = quantity("fps(" + p).value();
    double latency = quantity("latency(" + p).value();
    assertTrue(fps >= 1 / latency * (1 - 1e-9), "streaming never runs slower than back to back");
    double busiest =
        ms("latency(mobilenet_v2, iphone_15_pro)")
            + ms("latency(resnet50, iphone_15_pro)")
            - 2 * fixedMs();
    assertEquals(
        1000 / busiest, fps, fps * 1e-9, "both models hold the Neural Engine for every pass");
  }

  @Test
  void nestedPipelinesWaitForTheirPredecessors() {
    double first = ms("latency(mobilenet_v2, iphone_15_pro)");
    double nested = ms("latency(seq(mobilenet_v2, par(resnet18, efficientnet_b0)), iphone_15_pro)");
    double flat = ms("latency(seq(mobilenet_v2, resnet18, efficientnet_b0), iphone_15_pro)");
    assertTrue(nested > first);
    assertEquals(
        flat - fixedMs(),
        nested,
        flat * 1e-9,
        "three Neural Engine models serialize however they are grouped; in par the last one's fixed cost overlaps");
  }

  @Test
  void memoryEnergyAndLoadTimeAddUp() {
    for (String f : List.of("memory", "energy", "load_time")) {
      double sum =
          quantity(f + "(mobilenet_v2, a16)").value() + quantity(f + "(resnet50, a16)").value();
      assertEquals(sum, quantity(f + "(par(mobilenet_v2, resnet50), a16)").value(), sum * 1e-9, f);
    }
  }

  @Test
  void explainShowsTheSchedule() {
    var x =
        DevqAssertions.interpreter()
            .explain(
                new SourceText("test", "latency(par(distilbert, resnet50), iphone_15_pro)"),
                Session.EMPTY);
    var p = (PipelineEstimate) x.estimate();
    assertEquals(2, p.stages().size());
    assertTrue(
        p.schedule().stream().anyMatch(s -> s.waited() > 0),
        "distilbert waits for the Neural Engine");
    for (int i = 1; i < p.schedule().size(); i++) {
      for (int j = 0; j < i; j++) {
        var a = p.schedule().get(i);
        var b = p.schedule().get(j);
        boolean overlap = a.start() < b.end() - 1e-15 && b.start() < a.end() - 1e-15;
        assertTrue(
            a.unit() != b.unit() || !overlap, "a unit runs one stage at a time: " + a + " / " + b);
      }
    }
  }

  @Test
  void fallbacksOfAPipelineNameTheirModel() {
    var list =
        (Value.ListV)
            DevqAssertions.eval("fallbacks(par(qwen3_0_6b, resnet50), a16, units = cpu_and_ne)");
    assertTrue(!list.items().isEmpty());
    assertEquals(
        "qwen3_0_6b", ((Value.StrV) ((Value.RecordV) list.items().get(0)).get("model")).value());
  }

  @Test
  void pipelinesAreNotModels() {
    assertFails("quantize(seq(mobilenet_v2, resnet50), w8)", DiagnosticCode.TYPE_MISMATCH);
    assertFails("latency(seq(), a16)", DiagnosticCode.ARITY);
    assertFails("latency(par(mobilenet_v2, a16), a16)", DiagnosticCode.UNKNOWN_NAME);
  }

  private static double ms(Devq devq, String query) {
    var run = DevqAssertions.run(devq, query);
    assertTrue(run.ok(), query + ": " + run.diagnostics());
    var v = (Value.QuantityV) ((Outcome.Shown) run.outcomes().get(0)).value();
    return v.quantity().value() * 1000;
  }
}
