package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fitted values of llama.cpp's and ExecuTorch's constants that cost-model.md's prose quotes are
 * those {@code profiles/calibration/runtimes.yaml} holds: each row names the words before the
 * figure, the constant and how the page shows it ({@code pct}: its value in percent; {@code extra}:
 * what a factor adds, in percent; {@code us}: microseconds, three digits).
 */
class RuntimeConstantsDocTest {
  private static final Path PAGE = DevqAssertions.projectDir().resolve("docs/cost-model.md");
  private static final Path FIT =
      DevqAssertions.projectDir().resolve("profiles/calibration/runtimes.yaml");

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      Metal matmuls at                          | llama_cpp.eff.gpu.matmul      | pct
      decode streaming at                       | llama_cpp.bw_eff.gpu          | pct
      of DRAM bandwidth,                        | llama_cpp.overhead.gpu        | us
      dequantization adds                       | llama_cpp.dequant.q4_0        | extra
      Q4_0 and Q8_0 layers and                  | llama_cpp.dequant.q4_k_m      | extra
      On the CPU, matmuls reach                 | llama_cpp.eff.cpu.matmul      | pct
      count), decode streams at                 | llama_cpp.bw_eff.cpu          | pct
      of bandwidth,                             | llama_cpp.overhead.cpu        | us
      (convolutions at                          | executorch.eff.cpu.conv       | pct
      of the matrix peak, matmuls at            | executorch.eff.cpu.matmul     | pct
      depthwise at                              | executorch.eff.cpu.depthwise  | pct
      fp32 rate, streaming at                   | executorch.bw_eff.cpu         | pct
      """)
  void theProseQuotesTheShippedRuntimeConstant(String before, String constant, String shown)
      throws IOException {
    String page = Files.readString(PAGE);
    Matcher m =
        Pattern.compile(
                wordsOf(before) + "\\s+(\\d+(?:\\.\\d+)?)" + (shown.equals("us") ? " µs" : "%"))
            .matcher(page);
    assertTrue(m.find(), "cost-model.md no longer says: " + before + " …");
    double v = RuntimeRangesDocTest.value(Files.readString(FIT), constant);
    String expected =
        switch (shown) {
          case "pct" -> String.format(Locale.ROOT, "%.0f", v * 100);
          case "extra" -> String.format(Locale.ROOT, "%.0f", (v - 1) * 100);
          default ->
              new java.math.BigDecimal(v * 1e6)
                  .round(new java.math.MathContext(3))
                  .stripTrailingZeros()
                  .toPlainString();
        };
    assertEquals(expected, m.group(1), "cost-model.md's " + constant + " after: " + before);
  }

  private static String wordsOf(String text) {
    return String.join(
        "\\s+", java.util.Arrays.stream(text.split(" ")).map(Pattern::quote).toList());
  }
}
