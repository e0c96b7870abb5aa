package dev.devq.cli;

import static dev.devq.cli.CheckReportsTest.devq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An estimate that fits only with the increased-memory-limit entitlement says so once, under the
 * value, in every output of {@code eval}, {@code check} and {@code explain}; a check that rests on
 * it still passes. {@code battery} without a duration says it assumed one hour. {@code explain} of
 * a llama.cpp or ExecuTorch estimate says what the runtime ran on instead of Core ML's {@code
 * units}.
 */
class CaveatOutputsTest {
  private static final String MODEL =
      "quantize(llama_3_1_8b(phase = decode, context = 4096), q4_k_m)";
  private static final String ENTITLED =
      "latency(" + MODEL + ", iphone_15_pro, runtime = llama_cpp)";
  private static final String LINE =
      "needs the increased-memory-limit entitlement"
          + " (com.apple.developer.kernel.increased-memory-limit): 5.5 GB is more than the 3 GB"
          + " an app on iPhone 15 Pro may use without it";
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void evalTextSaysItOnceUnderTheValueAndUnderAPassingCheck() {
    var run = devq("eval", ENTITLED, ENTITLED + " < 1s");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(LINE, lines.get(1), run.out());
    assertTrue(lines.get(2).startsWith("PASS  "), run.out());
    assertEquals("      " + LINE, lines.get(4), run.out());
    assertEquals(5, lines.size(), run.out());
  }

  @Test
  void evalJsonCarriesItAsAnAdditiveField() throws Exception {
    JsonNode v = JSON.readTree(devq("eval", "--format", "json", ENTITLED).out());
    assertTrue(v.get("range_80").has("high"), "the fields a reader had are as they were");
    JsonNode caveat = v.get("caveats").get(0);
    assertEquals("entitlement", caveat.get("kind").asText());
    assertEquals(
        "com.apple.developer.kernel.increased-memory-limit", caveat.get("entitlement").asText());
    assertEquals(3e9, caveat.get("default_limit").get("value").asDouble());
    assertEquals(LINE, caveat.get("text").asText());
  }

  @Test
  void checkReportsSayItForAPassingCheck(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("c.devq");
    Files.writeString(
        file,
        "check \"llm\": "
            + ENTITLED
            + " < 1s\ncheck \"small\": latency(mobilenet_v2, a17_pro) < 1s\n");
    var text = devq("check", file.toString());
    assertEquals(0, text.code(), text.err());
    assertEquals(1, count(text.out(), LINE), text.out());
    JsonNode report = JSON.readTree(devq("check", file.toString(), "--format", "json").out());
    JsonNode checks = report.get("checks");
    assertTrue(checks.get(0).get("pass").asBoolean());
    assertEquals(
        LINE, checks.get(0).get("operands").get(0).get("caveats").get(0).get("text").asText());
    assertFalse(checks.get(1).get("operands").get(0).has("caveats"));
    List<String> markdown =
        devq("check", file.toString(), "--format", "markdown").out().lines().toList();
    assertTrue(markdown.get(2).endsWith("; " + LINE + " |"), markdown.get(2));
    assertFalse(markdown.get(3).contains("entitlement"), markdown.get(3));
    String junit = devq("check", file.toString(), "--format", "junit").out();
    assertTrue(junit.contains("<system-out>" + LINE + "</system-out>"), junit);
  }

  @Test
  void aTableNamesTheRowsOnceUnderIt() {
    var run =
        devq(
            "eval",
            "table d in [iphone_12, iphone_15_pro, iphone_16]: d, latency("
                + MODEL
                + ", d, runtime = llama_cpp)");
    String out = run.out();
    assertTrue(
        out.contains(
            "in 2 rows (d = iphone_15_pro; d = iphone_16): needs the increased-memory-limit"
                + " entitlement (com.apple.developer.kernel.increased-memory-limit)\n"),
        out);
    assertEquals(1, count(out, "needs the increased-memory-limit entitlement ("), out);
  }

  @Test
  void aTableJsonGivesEachCellsCaveat() throws Exception {
    var run =
        devq(
            "eval",
            "--format",
            "json",
            "table d in [iphone_12, iphone_15_pro]: d, latency("
                + MODEL
                + ", d, runtime = llama_cpp)");
    JsonNode cells = JSON.readTree(run.out()).get("value").get("caveat_cells");
    assertEquals(1, cells.size(), run.out());
    assertEquals(1, cells.get(0).get("row").asInt());
    assertEquals("entitlement", cells.get(0).get("caveat").get("kind").asText());
  }

  @Test
  void explainSaysItUnderTheMemoryAndWhatTheRuntimeRanOn() throws Exception {
    String text = devq("explain", ENTITLED).out();
    assertTrue(
        text.startsWith(
            MODEL
                + " on iphone_15_pro (iPhone 15 Pro), nominal, runtime = llama_cpp (Metal GPU)\n"),
        text);
    assertTrue(text.contains("\n           " + LINE + "\n"), text);
    JsonNode json = JSON.readTree(devq("explain", "--format", "json", ENTITLED).out());
    assertEquals("Metal GPU", json.get("runs_on").get("text").asText());
    assertEquals("gpu", json.get("runs_on").get("units").get(0).asText());
    assertEquals(LINE, json.get("summary").get("entitlement").get("text").asText());
    String cpu =
        devq("explain", "latency(mobilenet_v2, iphone_15_pro, runtime = executorch)").out();
    assertTrue(
        cpu.lines().findFirst().orElseThrow().endsWith("runtime = executorch (XNNPACK on the CPU)"),
        cpu);
    String coreml = devq("explain", "latency(mobilenet_v2, iphone_15_pro)").out();
    assertTrue(coreml.lines().findFirst().orElseThrow().endsWith("nominal, units = all"), coreml);
    assertFalse(
        JSON.readTree(
                devq("explain", "--format", "json", "latency(mobilenet_v2, iphone_15_pro)").out())
            .has("runs_on"));
  }

  @Test
  void batteryWithoutADurationSaysItAssumedOneHour() throws Exception {
    String query = "battery(mobilenet_v2, iphone_15_pro, 30fps)";
    String line =
        "battery assumes duration = 1h when none is given: give the one the app runs for, e.g."
            + " battery(m, d, 30fps, 10min)";
    assertEquals(line, devq("eval", query).out().lines().toList().get(1));
    JsonNode v = JSON.readTree(devq("eval", "--format", "json", query).out());
    assertEquals("assumed", v.get("caveats").get(0).get("kind").asText());
    assertEquals("duration", v.get("caveats").get(0).get("parameter").asText());
    assertTrue(devq("explain", query).out().startsWith("note: " + line + "\n"));
    JsonNode explained = JSON.readTree(devq("explain", "--format", "json", query).out());
    assertEquals(line, explained.get("caveats").get(0).get("text").asText());
    assertFalse(
        devq("eval", "battery(mobilenet_v2, iphone_15_pro, 30fps, 1h)").out().contains("assumes"));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      n++;
    }
    return n;
  }
}
