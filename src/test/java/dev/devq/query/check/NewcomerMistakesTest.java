package dev.devq.query.check;

import static dev.devq.DevqAssertions.assertFails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.DiagnosticCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mistakes a newcomer makes first each get one error that says how to write what was meant: a
 * model or device named as elsewhere ({@code mobilenet-v2}, a Hugging Face id, {@code iPhone 15
 * Pro}), a runtime as its project writes it ({@code llama.cpp}), a frame rate against a time, a
 * number without its unit, an argument named for its kind, a word compared with a text, a typo of a
 * range's end.
 */
class NewcomerMistakesTest {
  @ParameterizedTest(name = "{0}  =>  {2}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      latency(mobilenet-v2, iphone_15_pro)                        | UNKNOWN_NAME       | did you mean 'mobilenet_v2'? ids join words with '_'
      latency(sentence-transformers/all-MiniLM-L6-v2, a16)        | UNKNOWN_NAME       | did you mean 'all_minilm_l6_v2'?
      latency(llama-3-8b, iphone_15_pro)                          | UNKNOWN_NAME       | did you mean 'llama_3_8b'?
      latency(mobilenet_v2, iPhone-15-Pro)                        | UNKNOWN_NAME       | did you mean 'iphone_15_pro'?
      latency(google/mobilenet_v2_1.0_224, iphone_12)             | UNKNOWN_NAME       | did you mean 'mobilenet_v2'?
      latency(google/mobilenet_v2, iphone_12)                     | UNKNOWN_NAME       | did you mean 'mobilenet_v2'?
      latency("google/mobilenet_v2_1.0_224", iphone_12)           | UNKNOWN_NAME       | did you mean 'mobilenet_v2'?
      latency(mobilenet_v2_1.0_224, iphone_12)                    | UNKNOWN_NAME       | did you mean 'mobilenet_v2'?
      latency(iphone_15_pro, mobilenet_v2)                        | TYPE_MISMATCH      | write latency(mobilenet_v2, iphone_15_pro)
      memory(model = a16, target = resnet50, state = sustained)   | TYPE_MISMATCH      | write memory(model = resnet50, target = a16, state = sustained)
      latency(target = mobilenet_v2, model = "iPhone 12")         | TYPE_MISMATCH      | write latency(target = "iPhone 12", model = mobilenet_v2)
      `let m = resnet50; let d = a16; latency(d, m)`              | TYPE_MISMATCH      | write latency(m, d)
      latency(mobilenet_v2, iPhone 15 Pro)                        | SYNTAX             | write it in quotes, "iPhone 15 Pro", or as its id
      latency(mobilenet_v2, iPhone 15 Pro, serious)               | SYNTAX             | write it in quotes, "iPhone 15 Pro", or as its id
      latency(qwen3_0_6b, a16, runtime = llama.cpp)               | UNKNOWN_NAME       | write llama_cpp or "llama.cpp"
      latency(qwen3_0_6b, a16, runtime = llamacpp)                | UNKNOWN_NAME       | did you mean 'llama_cpp'?
      latency(qwen3_0_6b, a16, runtime = tflite)                  | UNKNOWN_NAME       | coreml, llama_cpp, executorch, "llama.cpp", ggml, "whisper.cpp"
      latency(quantize(qwen3_0_6b, q4km), a16, runtime = llama_cpp) | UNKNOWN_NAME     | did you mean 'q4_k_m'?
      latency(mobilenet_v2, iphone_15_pro) < 30 fps               | DIMENSION_MISMATCH | latency(m, d) < frame(30 fps)
      30 fps > latency(mobilenet_v2, iphone_15_pro)               | DIMENSION_MISMATCH | latency(m, d) < frame(30 fps)
      latency(mobilenet_v2, iphone_15_pro, after(10))             | DIMENSION_MISMATCH | write the number with its unit: 10 s, 10 min or 10 h
      frame(30)                                                   | DIMENSION_MISMATCH | write the number with its unit: 30 fps
      latency(mobilenet_v2, iphone_15_pro, thermal = serious)     | UNKNOWN_ARGUMENT   | did you mean 'state'?
      latency(mobilenet_v2, a16, compute_units = cpu_only)        | UNKNOWN_ARGUMENT   | did you mean 'units'?
      [d in devices where d.form_factor == phone]                 | UNKNOWN_NAME       | compared with a text, a word is written in quotes: "phone"
      latency(mobilenet_v2, iphone_15_pro).hi                     | UNKNOWN_MEMBER     | only the ends of its 80% range: .low and .high
      latency(mobilenet_v2, iphone_15_pro).hihg                   | UNKNOWN_MEMBER     | did you mean 'high'?
      """)
  void oneErrorSaysHowToWriteIt(String query, DiagnosticCode code, String note) {
    String text = assertFails(query, code);
    assertTrue(text.contains(note), text);
    assertEquals(1, text.split("error\\[", -1).length - 1, "one error only:\n" + text);
  }

  /**
   * Every estimate function (the built-ins taking a model and then a target) says once that its
   * model and target were swapped, with the call as meant.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("estimates")
  void swappedModelAndTargetGiveTheCallAsMeant(Builtin function) {
    String rest = function == Builtin.BATTERY ? ", 30 fps, 1 h" : "";
    String text =
        assertFails(
            function.key() + "(iphone_15_pro, resnet50" + rest + ")", DiagnosticCode.TYPE_MISMATCH);
    assertTrue(text.contains("arguments swapped: 'iphone_15_pro' is a device"), text);
    assertTrue(
        text.contains("write " + function.key() + "(resnet50, iphone_15_pro" + rest + ")"), text);
    assertEquals(1, text.split("error\\[", -1).length - 1, "one error only:\n" + text);
  }

  static java.util.stream.Stream<Builtin> estimates() {
    return java.util.Arrays.stream(Builtin.values()).filter(Builtin::isEstimate);
  }

  @Test
  void theEstimateFunctionsIncludeThoseOfLanguageModels() {
    var estimates = estimates().toList();
    assertTrue(
        estimates.containsAll(
            java.util.List.of(
                Builtin.LATENCY,
                Builtin.MEMORY,
                Builtin.ENERGY,
                Builtin.BATTERY,
                Builtin.LOAD_TIME,
                Builtin.TTFT,
                Builtin.DECODE_RATE,
                Builtin.FPS)),
        estimates.toString());
  }

  /**
   * GGUF's formats are written in capitals by llama.cpp and in every GGUF file name: taken where a
   * quantize mode is expected, and shown as devq's lowercase id; nowhere else do capitals pass.
   */
  @Test
  void ggufFormatsInCapitalsAreTakenWhereAModeIsExpected() {
    var devq = dev.devq.DevqAssertions.devq();
    String q = "memory(quantize(qwen3_0_6b, MODE), a16, runtime = llama_cpp)";
    assertEquals(
        devq.eval(q.replace("MODE", "q4_k_m")).outcomes().get(0).text(false),
        devq.eval(q.replace("MODE", "Q4_K_M")).outcomes().get(0).text(false));
    assertEquals(
        devq.eval(q.replace("MODE", "q8_0")).outcomes().get(0).text(false),
        devq.eval(q.replace("MODE", "Q8_0")).outcomes().get(0).text(false));
    assertTrue(
        assertFails("size(quantize(resnet50, W8))", DiagnosticCode.UNKNOWN_NAME)
            .contains("unknown quantization mode 'W8'"));
    assertFails("let mode = Q4_K_M", DiagnosticCode.UNKNOWN_NAME);
  }

  /** What is not such a mistake keeps its own errors: a real subtraction, an id before a word. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      foo-bar                                | UNKNOWN_NAME | ids join words
      latency(mobilenet_v2 a16)              | SYNTAX       | name with spaces
      latency(mobilenet_v2, a16 throttled)   | SYNTAX       | name with spaces
      latency(mobilenet_v2, a16) < 30 ms     | -            | -
      """)
  void otherMistakesKeepTheirErrors(String query, String code, String absent) {
    if (code.equals("-")) {
      assertTrue(dev.devq.DevqAssertions.run(query).ok(), query);
      return;
    }
    String text = assertFails(query, DiagnosticCode.valueOf(code));
    assertFalse(text.contains(absent), text);
  }
}
