package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An estimate with an 80% range converted with {@code in} ({@code latency(m, d) in ms}) is written
 * with three significant digits, as the ends of its range are, in text, in a check and in JSON's
 * {@code text}: {@code 0.474987 ms (80%: 0.312–0.831 ms)} claimed a certainty its range denies. A
 * conversion of a value without a range keeps its six digits ({@code 1 GiB in MB}).
 */
class RangedDigitsTest {
  private static final Pattern FIRST_NUMBER = Pattern.compile("([0-9.]+) (ms|us|MB)");

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(mobilenet_v2, a16) in ms         | 3
      latency(mobilenet_v2, a16) in us         | 3
      latency(mobilenet_v2, a16) in ms < 1 ms  | 3
      1 GiB in MB                              | 6
      """)
  void anEstimateIsWrittenInItsRangesDigits(String query, int digits) throws IOException {
    String text = run(query, "text");
    String shown =
        text.lines().filter(l -> l.contains("(80%") || !l.contains("(")).findFirst().orElse(text);
    Matcher m = FIRST_NUMBER.matcher(shown);
    assertTrue(m.find(), text);
    assertEquals(digits, significant(m.group(1)), text);
    if (!query.contains("<")) {
      String json = new ObjectMapper().readTree(run(query, "json")).get("text").asText();
      assertEquals(text.lines().findFirst().orElseThrow().replaceFirst(" \\(80%.*", ""), json);
    }
  }

  private static int significant(String number) {
    return number.replace(".", "").replaceFirst("^0+", "").length();
  }

  private static String run(String query, String format) {
    var out = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(new StringWriter()));
    cmd.execute("eval", "--format", format, "--no-color", query);
    return out.toString();
  }
}
