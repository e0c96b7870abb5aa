package dev.devq;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code ttft} and {@code decode_rate} set a decoder's {@code phase} and {@code tokens} themselves,
 * so one the caller gave is refused at the model argument rather than dropped: before, {@code
 * decode_rate(llama_2_7b(tokens = 8), …)} answered 28.1 tok/s, the rate of one token a step, as if
 * the 8 had not been written. A value equal to the default changes nothing and is accepted.
 */
class DecodingArgumentsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      decode_rate(llama_2_7b, mac_studio_m2_ultra)                                       |
      decode_rate(llama_2_7b(phase = decode, tokens = 1), mac_studio_m2_ultra)           |
      ttft(llama_2_7b(context = 512), mac_studio_m2_ultra)                                |
      decode_rate(llama_2_7b(tokens = 8), mac_studio_m2_ultra)                           | decode_rate sets the model's tokens itself, found llama_2_7b(tokens = 8)
      decode_rate(llama_2_7b(phase = prefill), mac_studio_m2_ultra)                      | decode_rate sets the model's phase itself, found llama_2_7b(phase = prefill)
      ttft(llama_2_7b(phase = prefill, context = 512), mac_studio_m2_ultra)              | ttft sets the model's phase itself, found llama_2_7b(phase = prefill, context = 512)
      ttft(qwen3_0_6b(tokens = 2), iphone_15_pro)                                        | ttft sets the model's tokens itself, found qwen3_0_6b(tokens = 2)
      decode_rate(quantize(llama_2_7b(tokens = 4), q4_0), m2_max, runtime = llama_cpp)   | decode_rate sets the model's tokens itself, found quantize(llama_2_7b(tokens = 4), q4_0)
      """)
  void aPhaseOrTokenCountTheFunctionSetsItselfIsRefused(String query, String message) {
    DevqAssertions.assertRunsOrBadValue(query, message, "costs that step as written");
  }
}
