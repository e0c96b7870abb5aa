package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devq.DevqAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input under {@code --format json} is one shape from every command that prints JSON: exit 2,
 * the rendered errors on standard error, and on standard output the {@code errors} object {@code
 * eval} prints ({@code {"kind": "errors", "errors": [...]}}, each error with the same fields); a
 * {@code check} report carries the same error objects in its {@code errors}. A refused argument
 * ({@code info}'s id, {@code search}'s options) is an error spanning that argument.
 */
class JsonErrorContractTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir static Path dir;

  @TestFactory
  Stream<DynamicTest> everyJsonCommandReportsBadInputAsEvalDoes() throws IOException {
    DevqAssertions.devq();
    Path csv = dir.resolve("bad.csv");
    Files.writeString(csv, "expr,measured_ms\n\"latency(mobilenet_v2, a16)\",oops\n");
    Path query = dir.resolve("bad.devq");
    Files.writeString(query, "latency(nosuchmodel, a16) < 3ms\n");
    List<String> fields = fields(errorsOf("eval --format json 'latency(nosuchmodel, a16)'"));
    return Stream.of(
            "explain --format json 'latency(nosuchmodel, a16)'",
            "validate --format json " + csv,
            "plot --format json --timeline 'latency(nosuchmodel, a16)' -o " + dir.resolve("p.svg"),
            "plot --format json 'latency(mobilenet_v2, ?)'",
            "check --format json " + query,
            "validate --report --format json " + csv,
            "info --format json nosuchthing",
            "search --format json --soc a71 gelu",
            "search --format json --unit xpu gelu",
            "search --format json ''")
        .map(c -> DynamicTest.dynamicTest(c, () -> assertEquals(fields, fields(errorsOf(c)))));
  }

  /** The {@code errors} array a bad command printed, after checking exit code and streams. */
  private static JsonNode errorsOf(String line) throws IOException {
    CheckReportsTest.Run run = CheckReportsTest.devq(CliGoldenTest.split(line));
    assertEquals(2, run.code(), line + "\n" + run.out() + run.err());
    assertTrue(
        run.err().contains("error[") || run.err().startsWith("devq: "),
        line + ": the text goes to stderr: " + run.err());
    JsonNode json = MAPPER.readTree(run.out());
    String kind = json.path("kind").asText();
    assertTrue(kind.equals("errors") || kind.equals("check_report"), line + ": " + run.out());
    JsonNode errors = json.path("errors");
    assertTrue(errors.isArray() && errors.size() > 0, line + ": " + run.out());
    return errors.get(0);
  }

  private static List<String> fields(JsonNode error) {
    List<String> names = new ArrayList<>();
    error.fieldNames().forEachRemaining(names::add);
    assertFalse(names.isEmpty());
    return names;
  }
}
