package dev.devq.query.eval;

import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which estimates carry an 80% range, and how a rate's range follows from its latency's: the rate
 * is the batch over the warm latency, so its low end is the latency's high end inverted.
 */
class EstimateRangesTest {
  @ParameterizedTest(name = "{0} is ranged")
  @ValueSource(
      strings = {
        "latency(mobilenet_v2, a16)",
        "energy(mobilenet_v2, a16)",
        "battery(mobilenet_v2, iphone_15_pro, 30fps, 1h)",
        "fps(mobilenet_v2, a16)",
        "fps(resnet50, iphone_15_pro, batch = 4)",
        "decode_rate(quantize(llama_3_1_8b, w4), m1_max)",
        "decode_rate(quantize(llama_3_1_8b, q4_0), iphone_15_pro, runtime = llama_cpp)",
        "ttft(quantize(qwen3_0_6b, w8), iphone_15_pro)",
        "ttft(quantize(llama_3_1_8b, w4), m1_max, start = cold)",
      })
  void rangeSurroundsTheEstimate(String query) {
    var v = (Value.QuantityV) eval(query);
    assertTrue(v.ranged(), query);
    assertTrue(v.low().value() < v.quantity().value(), query);
    assertTrue(v.quantity().value() < v.high().value(), query);
    assertEquals(v.quantity().displayUnit(), v.low().displayUnit(), "the ends read as the figure");
  }

  @ParameterizedTest(name = "{0} carries none")
  @ValueSource(
      strings = {
        "power(mobilenet_v2, a16)", // energy and time share one error: their ratio has no range
        "memory(mobilenet_v2, a16)",
        "load_time(resnet50, a16, start = first)",
        "fps(seq(mobilenet_v2, resnet50), a16)", // a pipeline's figures carry none
        "latency(mobilenet_v2, a16) * 2", // the range belongs to the estimate, not arithmetic on it
      })
  void noRange(String query) {
    assertFalse(((Value.QuantityV) eval(query)).ranged(), query);
  }

  @ParameterizedTest(name = "{0} inverts {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      fps(mobilenet_v2, a16)                  | latency(mobilenet_v2, a16)                  | 1
      fps(resnet50, a17_pro, batch = 4)        | latency(resnet50, a17_pro, batch = 4)        | 4
      fps(mobilenet_v2, a16, units = cpu_only) | latency(mobilenet_v2, a16, units = cpu_only) | 1
      """)
  void rateEndsAreLatencyEndsInverted(String rate, String latency, int batch) {
    var r = (Value.QuantityV) eval(rate);
    var l = (Value.QuantityV) eval(latency);
    assertEquals(batch / l.quantity().value(), r.quantity().value(), 1e-9 * r.quantity().value());
    assertEquals(batch / l.high().value(), r.low().value(), 1e-9 * r.low().value());
    assertEquals(batch / l.low().value(), r.high().value(), 1e-9 * r.high().value());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "quantize(llama_3_1_8b, w4), m1_max",
        "quantize(qwen3_0_6b, w8), iphone_15_pro",
      })
  void ttftRangeLeavesTheLoadTimeAsItIs(String args) {
    var warm = (Value.QuantityV) eval("ttft(" + args + ")");
    var cold = (Value.QuantityV) eval("ttft(" + args + ", start = cold)");
    double load = cold.quantity().value() - warm.quantity().value();
    assertTrue(load > 0, "a cold start loads the model");
    assertEquals(warm.high().value() + load, cold.high().value(), 1e-9 * cold.high().value());
    assertEquals(warm.low().value() + load, cold.low().value(), 1e-9 * cold.low().value());
  }
}
