package dev.devq.query.eval;

import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.cost.MemoryLimit;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An estimate whose model fits its target only with the increased-memory-limit entitlement carries
 * that caveat, the answer of every estimate function (and of what is computed from it); one under
 * the default limit carries none, and one above the limit with the entitlement cannot run. The
 * memory figures the boundaries rest on are those {@code memory()} answers for the same arguments.
 */
class EntitlementCaveatTest {
  /** What an estimate should answer: a figure, one with the caveat, or "cannot run". */
  enum Expected {
    PLAIN,
    ENTITLED,
    CANNOT_RUN
  }

  @ParameterizedTest(name = "{0} => {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # iPhone 15 Pro: 3 GB by default, 6 GB with the entitlement
          latency(quantize(opt_1_3b, w8), iphone_15_pro)                                                              | PLAIN
          latency(quantize(llama_3_1_8b(phase = decode, context = 256), q4_k_m), iphone_15_pro, runtime = llama_cpp)  | ENTITLED
          latency(quantize(llama_3_1_8b(phase = decode, context = 4096), q4_k_m), iphone_15_pro, runtime = llama_cpp) | ENTITLED
          latency(quantize(llama_3_1_8b(phase = decode, context = 8192), q4_k_m), iphone_15_pro, runtime = llama_cpp) | CANNOT_RUN
          # iPhone 12: 3 GB and 4 GB; 3.98 GB is just under the entitled limit, 4.38 GB above it
          latency(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp)          | ENTITLED
          latency(quantize(llama_2_7b(phase = decode, context = 1024), q4_0), iphone_12, runtime = llama_cpp)         | CANNOT_RUN
          # iPad Pro (M4): 5 GB and 6 GB; 4.92 GB is just under the default limit, 5.99 GB just under the entitled one
          latency(quantize(llama_2_7b(phase = decode, context = 2048), q4_0), ipad_pro_m4, runtime = executorch)      | PLAIN
          latency(quantize(llama_2_7b(phase = decode, context = 4096), q4_0), ipad_pro_m4, runtime = executorch)      | ENTITLED
          # a bare SoC: the most any of its devices gives an app without the entitlement, then with it
          latency(quantize(llama_3_1_8b(phase = decode, context = 4096), q4_k_m), a17_pro, runtime = llama_cpp)       | ENTITLED
          # a Mac has no entitlement: its RAM is its limit
          latency(quantize(llama_3_1_8b(phase = decode, context = 4096), q4_k_m), m1, runtime = llama_cpp)            | PLAIN
          # every estimate function says it, memory() too, and what is computed from it keeps it
          memory(quantize(llama_3_1_8b(phase = decode, context = 4096), q4_k_m), iphone_15_pro, runtime = llama_cpp)  | ENTITLED
          memory(quantize(llama_3_1_8b(phase = decode, context = 256), q4_k_m), iphone_12, runtime = llama_cpp)       | PLAIN
          decode_rate(quantize(llama_3_1_8b, q4_k_m), iphone_15_pro, runtime = llama_cpp)                             | ENTITLED
          energy(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp) * 2       | ENTITLED
          latency(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp) in s     | ENTITLED
          -latency(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp)         | ENTITLED
          latency(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp).high     | ENTITLED
          latency(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp).low      | ENTITLED
          max(latency(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp), 1us) | ENTITLED
          min(latency(quantize(llama_2_7b(phase = decode, context = 256), q4_0), iphone_12, runtime = llama_cpp), 1us) | PLAIN
          """)
  void saysWhenOnlyTheEntitlementLetsItRun(String query, Expected expected) {
    Value v = eval(query);
    if (expected == Expected.CANNOT_RUN) {
      assertInstanceOf(Value.CannotRunV.class, v, query);
      return;
    }
    var q = assertInstanceOf(Value.QuantityV.class, v, query);
    List<Caveat> entitled = q.caveats().stream().filter(Caveat.Entitled.class::isInstance).toList();
    assertEquals(expected == Expected.ENTITLED ? 1 : 0, entitled.size(), query + ": " + q);
    if (expected == Expected.ENTITLED) {
      var need = ((Caveat.Entitled) entitled.get(0)).need();
      assertTrue(need.defaultBytes() < need.needs() && need.needs() <= need.entitledBytes(), query);
      assertTrue(need.text().contains(MemoryLimit.Entitlement.KEY), need.text());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          battery(mobilenet_v2, iphone_15_pro, 30fps)      | battery assumes duration = 1h
          battery(mobilenet_v2, iphone_15_pro)             | battery assumes rate = 30fps
          battery(mobilenet_v2, iphone_15_pro) * 2         | battery assumes duration = 1h
          """)
  void batterySaysWhatItAssumedOfADutyCycleLeftOut(String query, String starts) {
    var q = (Value.QuantityV) eval(query);
    assertTrue(q.caveats().stream().anyMatch(c -> c.text().startsWith(starts)), query + ": " + q);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          battery(mobilenet_v2, iphone_15_pro, 30fps, 1h)
          battery(mobilenet_v2, iphone_15_pro, 10fps, 10min)
          """)
  void batteryWithAWholeDutyCycleAssumesNothing(String query) {
    assertEquals(List.of(), ((Value.QuantityV) eval(query)).caveats(), query);
  }
}
