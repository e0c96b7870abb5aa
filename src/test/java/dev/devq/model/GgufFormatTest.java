package dev.devq.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * GGUF block formats as quantize schemes, against the sizes of published files. Llama 2 7B: 3.83 GB
 * (Q4_0), 4.08 GB (Q4_K_M) and 7.16 GB (Q8_0) ({@code gguf_llama2_7b_files}), the files llama.cpp's
 * Apple-silicon benchmark lists as 3.56, 3.80 and 6.67 GiB. Llama 3 8B, whose 525M-weight output
 * layer is four times Llama 2's: bf16 16.07 GB, Q8_0 8.54 GB, Q4_K_M 4.92 GB, Q4_0 4.66 GB ({@code
 * gguf_llama3_8b_files}). llama.cpp keeps the output layer at Q6_K in the 4-bit files and gives the
 * token table its block scales; before that was modelled Llama 3 8B's Q4_0 came out 3.9% small
 * (4.48 GB).
 */
class GgufFormatTest {
  /** Within 1%: the files also hold fp32 norms, the tokenizer and metadata (a few MB). */
  private static final double TOLERANCE = 0.01;

  @ParameterizedTest(name = "{0} {1}  =>  {2} GB")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      llama_2_7b | fp16    | 13.48
      llama_2_7b | q8_0    | 7.16
      llama_2_7b | q4_0    | 3.83
      llama_2_7b | q4_k_m  | 4.08
      llama_3_8b | fp16    | 16.07
      llama_3_8b | q8_0    | 8.54
      llama_3_8b | q4_0    | 4.66
      llama_3_8b | q4_k_m  | 4.92
      """)
  void storesAtThePublishedFileSize(String model, String mode, double gb) {
    Model base = ModelZooTest.build(model, Map.of());
    Model m = mode.equals("fp16") ? base : Transforms.quantize(base, mode);
    assertEquals(gb, m.weightBytes() / 1e9, gb * TOLERANCE, model + " " + mode);
    assertEquals(mode.equals("fp16") ? "" : mode, m.format().scheme(), mode);
    assertEquals(base.flops(), m.flops(), mode);
  }

  /**
   * The output layer is stored at Q6_K (6.5625 bits) in a 4-bit file and at the file's own type in
   * Q8_0; every other matrix, the token table included, in blocks with their fp16 scales.
   */
  @Test
  void theOutputLayerIsQ6KAndTheTableCarriesItsScales() {
    Model base = ModelZooTest.build("llama_2_7b", Map.of());
    Layer table = base.layers().get(0);
    Layer head = base.layers().get(base.layers().size() - 1);
    assertEquals("embedding", table.op());
    assertEquals("linear", head.op());
    long n = head.params();
    Model q40 = Transforms.quantize(base, "q4_0");
    assertEquals(n * 6.5625 / 8, q40.weightBytes(head), 1e-3);
    assertEquals(table.params() * 4.5 / 8, q40.weightBytes(table), 1e-3);
    Model q80 = Transforms.quantize(base, "q8_0");
    assertEquals(n * 8.5 / 8, q80.weightBytes(head), 1e-3);
    assertEquals(table.params() * 8.5 / 8, q80.weightBytes(table), 1e-3);
    // Core ML's formats treat no layer apart
    assertEquals(n * 2.0, base.weightBytes(head), 1e-3);
  }

  /**
   * A model whose output layer is tied to the token table (OPT-1.3B, Qwen3-0.6B) stores that table
   * once, as the output tensor, at Q6_K; the tied layer reads it at that size.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"opt_1_3b", "qwen3_0_6b"})
  void aTiedTableIsTheOutputTensor(String model) {
    Model m = Transforms.quantize(ModelZooTest.build(model, Map.of()), "q4_0");
    Layer table = m.layers().stream().filter(l -> l.op().equals("embedding")).findFirst().get();
    Layer head = m.layers().get(m.layers().size() - 1);
    assertEquals("linear", head.op());
    assertEquals(true, head.tied(), model + "'s head is tied");
    assertEquals(table.params() * 6.5625 / 8, m.weightBytes(table), 1e-3);
    assertEquals(m.weightBytes(table), m.weightBytes(head), 1e-3);
  }
}
