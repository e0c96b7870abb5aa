package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GGUF block formats as quantize schemes: Llama 2 7B's stored size in each format against the file
 * sizes llama.cpp's Apple-silicon benchmark lists (F16 12.55 GiB, Q8_0 6.67 GiB, Q4_0 3.56 GiB) and
 * the quantize README's Q4_K_M (3.80 GiB). The remaining gap is the output layer, which llama.cpp
 * keeps at Q6_K in the 4-bit files.
 */
class GgufFormatTest {
  private static final double GIB = 1 << 30;

  @ParameterizedTest(name = "{0}  =>  {1} GiB, scheme ''{2}''")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      fp16    | 12.55 | ''
      q8_0    | 6.67  | q8_0
      q4_0    | 3.56  | q4_0
      q4_k_m  | 3.80  | q4_k_m
      """)
  void storesLlama2AtThePublishedSize(String mode, double gib, String scheme) {
    Model base = ModelZooTest.build("llama_2_7b", Map.of());
    Model m = mode.equals("fp16") ? base : Transforms.quantize(base, mode);
    assertEquals(gib, m.weightBytes() / GIB, gib * 0.015, mode);
    assertEquals(scheme == null ? "" : scheme, m.format().scheme(), mode);
    assertEquals(base.flops(), m.flops(), mode);
  }
}
