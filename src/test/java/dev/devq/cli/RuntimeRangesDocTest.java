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
 * The table of llama.cpp's and ExecuTorch's 80% ranges in cost-model.md is the shipped one: each
 * row's range is what {@code profiles/calibration/runtimes.yaml} holds, to two decimals ({@code
 * -Dgolden.update=true} writes it into the row). The ranges come from a refit's folds, minutes of
 * work, so the page quotes the file that refit wrote rather than rerunning it.
 */
class RuntimeRangesDocTest {
  private static final Path PAGE = DevqAssertions.projectDir().resolve("docs/cost-model.md");
  private static final Path RANGES =
      DevqAssertions.projectDir().resolve("profiles/calibration/runtimes.yaml");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      llama.cpp on Metal (`cpu_and_gpu`)  | range.llama_cpp.cpu_and_gpu.p10 | range.llama_cpp.cpu_and_gpu.p90
      ExecuTorch on the CPU (             | range.executorch.cpu_only.p10   | range.executorch.cpu_only.p90
      llama.cpp on the CPU (              | range.llama_cpp.cpu_only.p10    | range.llama_cpp.cpu_only.p90
      pooled (`residual_p10/p90`)         | residual_p10                    | residual_p90
      """)
  void eachRowShowsTheRangeTheShippedFileHolds(String row, String low, String high)
      throws IOException {
    String page = Files.readString(PAGE);
    String yaml = Files.readString(RANGES);
    Matcher m =
        Pattern.compile(
                "^\\| " + Pattern.quote(row) + "[^\\n]*?\\| (\\d+\\.\\d+–\\d+\\.\\d+) \\|$",
                Pattern.MULTILINE)
            .matcher(page);
    assertTrue(m.find(), "cost-model.md has no range row starting " + row);
    String shipped = twoDecimals(value(yaml, low)) + "–" + twoDecimals(value(yaml, high));
    if (Boolean.getBoolean("golden.update")) {
      Files.writeString(PAGE, page.substring(0, m.start(1)) + shipped + page.substring(m.end(1)));
    } else {
      assertEquals(shipped, m.group(1), "the " + row + " row of cost-model.md");
    }
  }

  /** The value of {@code key} in a calibration file's text. */
  static double value(String yaml, String key) {
    Matcher m =
        Pattern.compile("^\\s*" + Pattern.quote(key) + ": (\\S+)$", Pattern.MULTILINE)
            .matcher(yaml);
    assertTrue(m.find(), "runtimes.yaml has no " + key);
    return Double.parseDouble(m.group(1));
  }

  private static String twoDecimals(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }
}
