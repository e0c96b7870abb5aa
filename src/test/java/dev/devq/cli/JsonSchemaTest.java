package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.devq.DevqAssertions;
import dev.devq.GoldenFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * docs/json-schema.json describes what {@code --format json} prints: every golden JSON output and
 * fresh output of each command validate against it, numbers are plain decimals, and the schema
 * rejects the shapes issue #17 reported (a quantity in {@code µs}, an explain total as a quantity
 * object, a check without its source text).
 */
class JsonSchemaTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Schema SCHEMA = schema();

  private static Schema schema() {
    try {
      JsonNode node = MAPPER.readTree(Path.of("docs/json-schema.json").toFile());
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
    } catch (IOException e) {
      throw new IllegalStateException("docs/json-schema.json must be readable JSON", e);
    }
  }

  /** A table whose row r = 0 fails and whose Mac row cannot run: both kinds of left_out. */
  private static final String FAILED_ROW =
      "eval --format json 'table r in [0, 224], d in [iphone_12, mac_mini_m2]: r, d,"
          + " latency(mobilenet_v2(resolution = r), d), battery(mobilenet_v2, d, 30fps),"
          + " latency(llama_2_13b, d)'";

  /** Fresh output of every command that prints JSON, in its usual and its edge forms. */
  private static final List<String> COMMANDS =
      List.of(
          "eval --format json 'latency(mobilenet_v2, a16, throttled)'",
          "eval --format json '1 / latency(mobilenet_v2, a16)'",
          "eval --format json '1 tok / latency(llama_3_1_8b(phase = decode), m1_max)'",
          "eval --format json 'latency(mobilenet_v2, a16) in us'",
          "eval --format json 'mobilenet_v2.params'",
          "eval --format json 'latency(mobilenet_v2, a16) < 3ms'",
          "eval --format json '1 > 0'",
          "eval --format json 'check \"fast\": latency(mobilenet_v2, a16) < 1ms'",
          "eval --format json 'latency(mobilenet_v2, ?) < 1ms'",
          "eval --format json 'latency(mobilenet_v2, ?, sustained)'",
          "eval --format json 'a16.ane'",
          "eval --format json 'info(a16)'",
          "eval --format json 'supported(layer_norm, a16)'",
          "eval --format json 'layers(mobilenet_v2)'",
          "eval --format json '[1, 2] '",
          "eval --format json 'a17' 'a16'",
          "eval --format json 'latency(nosuchmodel, a16)'",
          "eval --format json 'explain(latency(mobilenet_v2, a16))'",
          "check --format json src/test/resources/fixtures/false-quantified.devq",
          "check --format json src/test/resources/fixtures/wrong-typed-condition.devq",
          "explain --format json 'latency(mobilenet_v3_small, a16, throttled, units = cpu_and_gpu)'",
          "explain --format json --top 3 'latency(distilbert(seq = 128), iphone_12, units ="
              + " cpu_and_ne)'",
          "explain --format json --group op 'latency(llama_3_1_8b(phase = decode, context ="
              + " 2048), m1_max, units = cpu_and_ne)'",
          "explain --format json --group block --top 2 'latency(mobilenet_v3_small, a16)'",
          "explain --format json 'latency(par(distilbert(seq = 128), mobilenet_v2),"
              + " iphone_15_pro)'",
          "info a16 --format json",
          "info iphone_15_pro --format json",
          "info mobilenet_v2 --format json",
          "info layer_norm --format json",
          "info frame_30fps --format json",
          "info hollance_devices --format json",
          "list socs --format json",
          "list devices --format json",
          "list models --format json",
          "list ops --format json",
          "search sdpa --format json",
          "search unfold --format json",
          "search 'kind:soc kind:device' --limit 2 --format json",
          "validate --format json src/test/resources/validate/small.csv",
          "validate --format json --holdout table src/test/resources/validate/holdout.csv",
          "search sdpa --os 'macOS 15' --format json",
          "search sdpa --os 'iOS 26' --soc m4_max --format json",
          "plot --format json --timeline 'latency(mobilenet_v2, a16)' -o target/json-schema-plot.svg",
          FAILED_ROW,
          "eval --format json '[1 ms in us, 2 ms]'",
          "eval --format json 'let x = 1 ms in us'",
          "eval --format json 'latency(mobilenet_v2, a16) in us < 3 ms'",
          "eval --format json 'table d in [iphone_12, a16]: d, [1 ms, 2 ms], d.year,"
              + " latency(mobilenet_v2, d)'",
          "eval --format json 'table x in [1 ms, 2 MB]: x, [x]'",
          "check --format json src/test/resources/fixtures/shown-booleans.md",
          // fits only with the increased-memory-limit entitlement: its caveats, in a value,
          // a check's side, a table's cells and explain; battery's assumed duration
          "eval --format json 'latency(quantize(llama_3_1_8b(phase = decode, context = 4096),"
              + " q4_k_m), iphone_15_pro, runtime = llama_cpp) < 1s'",
          "eval --format json 'table d in [iphone_12, iphone_15_pro]: d,"
              + " memory(quantize(llama_3_1_8b(phase = decode, context = 4096), q4_k_m), d,"
              + " runtime = llama_cpp)'",
          "eval --format json 'battery(mobilenet_v2, iphone_15_pro, 30fps)'",
          "explain --format json 'latency(quantize(llama_3_1_8b(phase = decode, context ="
              + " 4096), q4_k_m), iphone_15_pro, runtime = llama_cpp)'",
          "explain --format json 'battery(mobilenet_v2, iphone_15_pro, 30fps)'");

  @TestFactory
  Stream<DynamicTest> everyCommandsJsonMatchesTheSchema() {
    DevqAssertions.devq();
    return COMMANDS.stream().map(c -> DynamicTest.dynamicTest(c, () -> assertValid(c, stdout(c))));
  }

  @TestFactory
  Stream<DynamicTest> everyGoldenJsonFileMatchesTheSchema() {
    return GoldenFiles.inputs("cli", ".out").stream()
        .filter(f -> read(Path.of(f.toString().replaceFirst("\\.out$", ".cmd"))).contains("json"))
        .map(
            f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> assertValid(f, out(f))));
  }

  @Test
  void aTableHasTheShapeTheSchemaNames() throws IOException {
    assertValid(
        "table",
        "{\"kind\": \"table\", \"columns\": [{\"label\": \"d\", \"unit\": \"\"},"
            + " {\"label\": \"latency\", \"unit\": \"ms\"}], \"rows\": [[\"iphone_12\", 4.21]]}");
  }

  @Test
  void theSchemaRejectsWhatTheIssueReported() throws IOException {
    Schema quantity = part("quantity");
    String micro = "{\"value\": 524.449, \"unit\": \"µs\", \"text\": \"524 µs\"}";
    assertFalse(quantity.validate(MAPPER.readTree(micro)).isEmpty(), micro);
    String kilo = "{\"value\": 1.32, \"unit\": \"kHz\", \"text\": \"1.32 kHz\"}";
    assertFalse(quantity.validate(MAPPER.readTree(kilo)).isEmpty(), kilo);
    String rate = "{\"value\": 1320, \"unit\": \"Hz\", \"text\": \"1320 fps\"}";
    assertTrue(quantity.validate(MAPPER.readTree(rate)).isEmpty(), rate);
    assertInvalid(
        "[{\"id\": \"a16\", \"params\": {\"value\": 25.557, \"unit\": \"M\", \"text\": \"\"}}]");
    String explain = stdout(COMMANDS.get(20));
    assertValid("explain", explain);
    assertInvalid(
        explain.replaceFirst(
            "\"total_s\": [0-9.]+",
            "\"total_s\": {\"value\": 7.87, \"unit\": \"ms\", \"text\": \"7.87 ms\"}"));
    String check = stdout(COMMANDS.get(5));
    assertInvalid(check.replaceFirst("\"source\": \"[^\"]*\",", ""));
    assertInvalid(
        check.replaceFirst("\"margin_fraction\": [0-9.]+", "\"margin_fraction\": \"85%\""));
  }

  @Test
  void aCellWhoseRowFailedHasTheShapeTheSchemaNames() throws IOException {
    String json = stdout(FAILED_ROW);
    assertValid("failed rows", json);
    assertTrue(json.contains("\"unknown\" : true") || json.contains("\"unknown\": true"), json);
    assertTrue(json.contains("\"cannot_run\""), json);
    assertInvalid(json.replaceFirst("\"column\" ?: ?\"[^\"]*\",", ""));
    assertInvalid(json.replaceFirst("\"unknown\" ?: ?true", "\"unknown\": \"yes\""));
    assertInvalid(json.replaceFirst("\"row\" ?: ?\\{", "\"row\": [], \"x\": {"));
    // the error's code and notes come with its message (a Mac has no battery, and the note says
    // what battery() needs)
    assertTrue(json.matches("(?s).*\"code\" ?: ?\"BAD_VALUE\".*"), json);
    assertTrue(json.contains("\"battery() needs a device with battery_wh\""), json);
    assertInvalid(json.replaceFirst("\"code\" ?: ?\"[^\"]*\",", ""));
    assertInvalid(json.replaceFirst("\"notes\" ?: ?\\[", "\"notes\": \"\", \"x\": ["));
    assertInvalid(json.replaceFirst("\"part\" ?: ?\"[^\"]*\"", "\"part\": \"cell\""));
  }

  @Test
  void aBindingSaysWhatItLeftOut() throws IOException {
    String json =
        stdout("eval --format json 'let fast = [m in models where latency(m, iphone_12) < 1ms]'");
    assertValid("let", json);
    assertTrue(json.contains("\"left_out\""), json);
  }

  @Test
  void anOpThatCannotRunIsNamedAsAnOp() throws IOException {
    String json =
        stdout(
            "eval --format json '[o in [gelu, relu] where supported(o, a11, ane, os = \"iOS"
                + " 18\")]'");
    assertValid("left out ops", json);
    assertTrue(json.matches("(?s).*\"op\" ?: ?\"gelu\".*"), json);
    assertFalse(json.contains("\"model\""), json);
    assertInvalid(json.replaceFirst("\"op\" ?: ?\"gelu\",", ""));
    assertInvalid(json.replaceFirst("\"op\" ?: ?\"gelu\",", "\"op\": \"gelu\", \"model\": \"x\","));
  }

  @Test
  void aSearchUnderAnOsNamesTheChipsThatDoNotRunIt() throws IOException {
    String search = stdout("search sdpa --os 'iOS 18' --soc a11 --limit 1 --format json");
    assertValid("search", search);
    assertTrue(search.contains("\"last_os\": {\n    \"a11\": \"iOS 16\""), search);
    assertInvalid(search.replaceFirst("\"last_os\": \\{[^}]*},", ""));
    assertInvalid(search.replaceFirst("\"yes\"|\"no\"", "\"maybe\""));
  }

  /** One definition of the schema, e.g. {@code quantity}, as a schema of its own. */
  private static Schema part(String def) throws IOException {
    var node = (com.fasterxml.jackson.databind.node.ObjectNode) SCHEMA.getSchemaNode().deepCopy();
    node.remove("anyOf");
    node.put("$ref", "#/$defs/" + def);
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(node);
  }

  private static void assertValid(Object what, String json) throws IOException {
    JsonNode node = MAPPER.readTree(json);
    List<Error> errors = SCHEMA.validate(node);
    assertTrue(errors.isEmpty(), what + " does not match docs/json-schema.json: " + errors);
    assertPlainNumbers(what, json);
  }

  private static void assertInvalid(String json) throws IOException {
    assertFalse(SCHEMA.validate(MAPPER.readTree(json)).isEmpty(), "the schema accepts " + json);
  }

  /** No number in exponent notation ({@code 1E+1}, {@code 4.8E-5}): consumers read decimals. */
  private static void assertPlainNumbers(Object what, String json) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
          String text = p.getText();
          assertFalse(text.contains("E") || text.contains("e"), what + ": " + text);
        }
      }
    }
  }

  private static String stdout(String line) throws IOException {
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(CliGoldenTest.split(line));
    assertTrue(code == 0 || code == 1 || code == 2, line + ": exit " + code + "\n" + err);
    String text = out.toString();
    assertFalse(text.isBlank(), line + " printed no JSON; stderr: " + err);
    assertEquals(-1, text.indexOf("error["), line + " printed text, not JSON: " + text);
    return text;
  }

  private static String out(Path golden) {
    String s = read(golden);
    int start = s.indexOf("--- stdout\n") + "--- stdout\n".length();
    return s.substring(start, s.indexOf("--- stderr\n"));
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
