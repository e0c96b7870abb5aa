package dev.devq.query.eval;

import static dev.devq.DevqAssertions.assertFails;
import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The hint for '.low' on a value without a range names every estimate that has one. */
class RangeHintTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          latency     | latency(mobilenet_v2, a16)
          fps         | fps(mobilenet_v2, a16)
          ttft        | ttft(qwen3_0_6b, iphone_15_pro)
          decode_rate | decode_rate(qwen3_0_6b, iphone_15_pro)
          energy      | energy(mobilenet_v2, a16)
          battery     | battery(resnet152, iphone_12, 30fps, 1h)
          """)
  void theHintNamesEveryEstimateWithARange(String function, String estimate) {
    assertInstanceOf(Value.QuantityV.class, eval(estimate + ".low"), estimate);
    String hint = assertFails("(3 ms).low", DiagnosticCode.UNKNOWN_MEMBER);
    assertTrue(hint.contains(" " + function + ",") || hint.contains(" " + function + " "), hint);
  }
}
