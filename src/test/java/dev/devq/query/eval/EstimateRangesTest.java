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
        // a first launch's compile for the Neural Engine carries its own range
        "load_time(resnet50, a16, start = first)",
        "latency(whisper_large_encoder, mac_mini_m1, start = first)",
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
        // sourced rates, no fit: a measured flash read (a generic one carries the measured spread)
        "load_time(resnet50, iphone_15_pro_max, start = cold)",
        "load_time(resnet50, iphone_15_pro_max, start = first, units = cpu_only)", // no compile
        "fps(seq(mobilenet_v2, resnet50), a16)", // a pipeline's figures carry none
        // two estimates together: how much their errors cancel is not known
        "latency(mobilenet_v2, a16) - latency(resnet50, a16)",
        "latency(mobilenet_v2, a16) * 0", // nothing uncertain is left
        // a divisor whose range reaches zero: no finite range (it printed -93.5 (80%: -5.41–8.61))
        "1 ms / (latency(mobilenet_v2, a16) - 500 us)",
        "1 / (latency(mobilenet_v2, a16) - 0.385 ms)",
        // an end past what a double holds, under a figure that is not: no "∞" end
        "latency(mobilenet_v2, a16) / 1 ms * 1.7e308 * 2",
        // a sourced figure is no estimate, whatever its confidence
        "a16.cpu.p_core_clock",
        "a15(p_core_clock = 2.93 GHz).cpu.p_core_clock",
        "a16.cpu.p_core_clock * 1 ms",
      })
  void noRange(String query) {
    assertFalse(((Value.QuantityV) eval(query)).ranged(), query);
  }

  /**
   * An estimate combined with an exact quantity is as uncertain as the estimate: its ends go
   * through the same operation, turned around by a negative factor or a division into the estimate.
   * The ends are the estimate's ends ({@code l}, {@code h}) put through the expression in {@code
   * ends}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, a16) * 102%  | latency(mobilenet_v2, a16) | l * 1.02   | h * 1.02
      2 * latency(mobilenet_v2, a16)     | latency(mobilenet_v2, a16) | l * 2      | h * 2
      latency(mobilenet_v2, a16) + 1 ms  | latency(mobilenet_v2, a16) | l + 0.001  | h + 0.001
      1 ms - latency(mobilenet_v2, a16)  | latency(mobilenet_v2, a16) | 0.001 - h  | 0.001 - l
      latency(mobilenet_v2, a16) * -1    | latency(mobilenet_v2, a16) | -h         | -l
      -latency(mobilenet_v2, a16)        | latency(mobilenet_v2, a16) | -h         | -l
      -(2 * energy(resnet50, a16))       | energy(resnet50, a16)      | -2 * h     | -2 * l
      latency(resnet50, a16) / 4         | latency(resnet50, a16)     | l / 4      | h / 4
      1 s / latency(resnet50, a16)       | latency(resnet50, a16)     | 1 / h      | 1 / l
      energy(resnet50, a16) * 30         | energy(resnet50, a16)      | l * 30     | h * 30
      """)
  void anExactOperandKeepsTheRange(String query, String estimate, String low, String high) {
    var v = (Value.QuantityV) eval(query);
    var e = (Value.QuantityV) eval(estimate);
    double l = e.low().value();
    double h = e.high().value();
    assertTrue(v.ranged(), query);
    assertEquals(ends(low, l, h), v.low().value(), Math.abs(v.low().value()) * 1e-12, "low");
    assertEquals(ends(high, l, h), v.high().value(), Math.abs(v.high().value()) * 1e-12, "high");
  }

  /**
   * A core's clock is a sourced figure, exact to the arithmetic: an estimate times it (the cycles
   * of one prediction, a plain count) keeps the estimate's range scaled by it, and a clock over a
   * rate turns the rate's range around, as any exact factor does.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, a16) * a16.cpu.p_core_clock | latency(mobilenet_v2, a16)     | a16.cpu.p_core_clock | l * c | h * c
      a16.cpu.p_core_clock * latency(mobilenet_v2, a16) | latency(mobilenet_v2, a16)     | a16.cpu.p_core_clock | l * c | h * c
      a16.cpu.p_core_clock / fps(mobilenet_v2, a16)     | fps(mobilenet_v2, a16)         | a16.cpu.p_core_clock | c / h | c / l
      ttft(qwen3_0_6b, m4) * m4.cpu.p_core_clock        | ttft(qwen3_0_6b, m4)           | m4.cpu.p_core_clock  | l * c | h * c
      """)
  void aClockIsAnExactFactor(String query, String estimate, String clock, String low, String high) {
    var v = (Value.QuantityV) eval(query);
    var e = (Value.QuantityV) eval(estimate);
    var c = (Value.QuantityV) eval(clock);
    assertFalse(c.ranged(), clock);
    assertTrue(v.ranged(), query);
    assertTrue(v.quantity().dimension().isNone(), "cycles per prediction is a count");
    double cl = c.quantity().value();
    double l = e.low().value();
    double h = e.high().value();
    assertEquals(
        ends(low.replace("c", Double.toString(cl)), l, h),
        v.low().value(),
        Math.abs(v.low().value()) * 1e-12,
        "low");
    assertEquals(
        ends(high.replace("c", Double.toString(cl)), l, h),
        v.high().value(),
        Math.abs(v.high().value()) * 1e-12,
        "high");
    assertEquals(e.allowsFor(), v.allowsFor(), "the ends allow for what the estimate's do");
  }

  /** {@code l * 1.02}, {@code 1 / h}, {@code 0.001 - h}, {@code -l}: one operation on one end. */
  private static double ends(String expr, double l, double h) {
    String[] p = expr.replace("-l", "-1 * l").replace("-h", "-1 * h").split(" ");
    double a = p[0].equals("l") ? l : p[0].equals("h") ? h : Double.parseDouble(p[0]);
    double b = p[2].equals("l") ? l : p[2].equals("h") ? h : Double.parseDouble(p[2]);
    return switch (p[1]) {
      case "*" -> a * b;
      case "/" -> a / b;
      case "+" -> a + b;
      default -> a - b;
    };
  }

  /**
   * Unary minus is multiplying by -1: the same figure and the same ends, in the value and through
   * {@code .low} and {@code .high}, which stay ordered. (It printed a plain figure, dropping the
   * range that {@code * -1} kept.)
   */
  @ParameterizedTest(name = "-{0}")
  @ValueSource(
      strings = {
        "latency(mobilenet_v2, a16)",
        "energy(resnet50, iphone_15_pro)",
        "fps(mobilenet_v2, a16)",
        "battery(mobilenet_v2, iphone_15_pro, 30fps, 1h)",
        "latency(mobilenet_v2, a16) + 1 ms",
        "-latency(mobilenet_v2, a16)",
      })
  void negationIsMultiplyingByMinusOne(String estimate) {
    var negated = (Value.QuantityV) eval("-(" + estimate + ")");
    var product = (Value.QuantityV) eval("(" + estimate + ") * -1");
    assertTrue(negated.ranged(), "the range is kept");
    assertEquals(product.quantity().value(), negated.quantity().value(), "figure");
    assertEquals(product.low().value(), negated.low().value(), "low");
    assertEquals(product.high().value(), negated.high().value(), "high");
    var low = (Value.QuantityV) eval("(-(" + estimate + ")).low");
    var high = (Value.QuantityV) eval("(-(" + estimate + ")).high");
    assertEquals(negated.low().value(), low.quantity().value(), ".low");
    assertTrue(low.quantity().value() <= high.quantity().value(), ".low <= .high");
    assertEquals(negated.quantity().displayUnit(), negated.low().displayUnit(), "ends read alike");
  }

  /**
   * Energy and battery share the latency's error, so they take its range, the same factors at both
   * ends: their ratio, power, has none. The first rows name no release on a chip that shipped with
   * iOS 16, whose latency range reaches iOS 16's engine dispatch; the energy's high end stopped
   * short of it (722 µJ, 439–827, against 475 µs, 289–732).
   */
  @ParameterizedTest(name = "{0} on {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      energy                  | mobilenet_v2, a16
      battery(REST, 30fps, 1h) | mobilenet_v2, iphone_14
      energy                  | resnet50, iphone_12
      energy                  | mobilenet_v2, a16, os = "iOS 17"
      energy                  | mobilenet_v2, a16, units = cpu_only
      battery(REST, 10fps, 1h) | resnet50, iphone_15_pro
      energy                  | quantize(llama_3_1_8b, q4_0), m1_max, runtime = llama_cpp
      """)
  void energyTakesTheLatencysRange(String figure, String args) {
    String call =
        figure.contains("REST") ? figure.replace("REST", args) : figure + "(" + args + ")";
    var e = (Value.QuantityV) eval(call);
    var l = (Value.QuantityV) eval("latency(" + args + ")");
    double point = l.quantity().value();
    assertTrue(e.ranged() && l.ranged(), call);
    double lowFactor = l.low().value() / point;
    double highFactor = l.high().value() / point;
    assertEquals(lowFactor, e.low().value() / e.quantity().value(), 1e-9, "low end");
    assertEquals(highFactor, e.high().value() / e.quantity().value(), 1e-9, "high end");
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
        // devices whose flash read is measured: a generic read's load carries a range of its own
        "quantize(llama_3_1_8b, w4), macbook_pro_16_m4_max",
        "quantize(qwen3_0_6b, w8), iphone_15_pro_max",
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
