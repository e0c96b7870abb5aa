package dev.devq.cli;

import static dev.devq.cli.CheckReportsTest.devq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A latency that names no {@code os}, on a device that shipped with iOS 16 or earlier, has a range
 * whose top allows for iOS 16 ({@code Prediction#rangeAllowsFor}): {@code explain} said so, and now
 * every output of {@code eval} and {@code check} does too, for a check that passes as well, since
 * it is the pessimistic end the older release moves. One that names the release, or runs on a
 * device that shipped later, says nothing of it.
 */
class RangeAllowsForOutputsTest {
  private static final String LINE =
      "the 80% range allows for iOS 16, which the device may still run: name the release to"
          + " narrow it, e.g. os = \"iOS 17\"";

  /** The iPhone 12 shipped with iOS 14: its range's top allows for iOS 16. */
  private static final String OLDER = "latency(mobilenet_v2, iphone_12)";

  /** The same, the release named. */
  private static final String NAMED = "latency(mobilenet_v2, iphone_12, os = \"iOS 18\")";

  /** The iPhone 15 Pro shipped with iOS 17. */
  private static final String NEWER = "latency(mobilenet_v2, iphone_15_pro)";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void evalTextSaysItUnderAValueAndUnderAPassingCheck() {
    var run = devq("eval", OLDER, OLDER + " < 2ms");
    assertEquals(0, run.code(), run.err());
    List<String> lines = run.out().lines().toList();
    assertEquals(LINE, lines.get(1), run.out());
    assertTrue(lines.get(2).startsWith("PASS  "), run.out());
    assertEquals("      " + LINE, lines.get(4), run.out());
    assertEquals(5, lines.size(), run.out());
  }

  @Test
  void evalJsonHoldsItInTheRangeOfAValueAndOfACheckSide() throws Exception {
    var run = devq("eval", "--format", "json", OLDER, OLDER + " < 2ms");
    assertEquals(0, run.code(), run.err());
    var documents = JSON.readerFor(JsonNode.class).readValues(run.out());
    JsonNode value = (JsonNode) documents.next();
    JsonNode check = (JsonNode) documents.next();
    for (JsonNode quantity : List.of(value, check.get("operands").get(0))) {
      JsonNode allows = quantity.get("range_80").get("allows_for");
      assertEquals("iOS 16", allows.get("release").asText(), quantity.toString());
      assertEquals(LINE, allows.get("text").asText());
      // the fields a reader of the range had are as they were
      assertTrue(quantity.get("range_80").has("low") && quantity.get("range_80").has("high"));
    }
  }

  @Test
  void evalCsvAndMarkdownSayItAfterTheTable() {
    var csv = devq("eval", "--format", "csv", OLDER);
    assertTrue(csv.out().endsWith("# " + LINE + "\r\n"), csv.out());
    var markdown = devq("eval", "--format", "markdown", OLDER);
    assertTrue(markdown.out().endsWith("\n\n" + LINE + "\n"), markdown.out());
  }

  @Test
  void checkTextAndJsonSayItForThePassingCheckThatAllowsForIt(@TempDir Path dir) throws Exception {
    String file = checks(dir).toString();
    var text = devq("check", file);
    assertEquals(0, text.code(), text.err());
    List<String> lines = text.out().lines().toList();
    assertEquals("      " + LINE, lines.get(2), text.out());
    assertEquals(1, text.out().split(LINE, -1).length - 1, text.out());
    JsonNode report = JSON.readTree(devq("check", file, "--format", "json").out());
    JsonNode older = report.get("checks").get(0).get("operands").get(0).get("range_80");
    assertEquals("iOS 16", older.get("allows_for").get("release").asText());
    JsonNode newer = report.get("checks").get(1).get("operands").get(0).get("range_80");
    assertFalse(newer.has("allows_for"), newer.toString());
  }

  @Test
  void checkJunitGivesAPassingCheckItAsSystemOut(@TempDir Path dir) throws Exception {
    var run = devq("check", checks(dir).toString(), "--format", "junit");
    assertEquals(0, run.code(), run.err());
    var xml =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
    NodeList cases = xml.getElementsByTagName("testcase");
    NodeList older = ((Element) cases.item(0)).getElementsByTagName("system-out");
    assertEquals(1, older.getLength(), run.out());
    assertEquals(LINE, older.item(0).getTextContent());
    assertEquals(
        0, ((Element) cases.item(1)).getElementsByTagName("system-out").getLength(), run.out());
  }

  @Test
  void checkMarkdownAndCsvSayItAfterTheMargin(@TempDir Path dir) throws Exception {
    String file = checks(dir).toString();
    List<String> markdown = devq("check", file, "--format", "markdown").out().lines().toList();
    assertTrue(markdown.get(2).endsWith("; " + LINE + " |"), markdown.get(2));
    assertFalse(markdown.get(3).contains("allows for"), markdown.get(3));
    List<String> csv = devq("check", file, "--format", "csv").out().lines().toList();
    assertTrue(csv.get(1).endsWith("; " + LINE.replace("\"", "\"\"") + "\""), csv.get(1));
    assertFalse(csv.get(2).contains("allows for"), csv.get(2));
  }

  @Test
  void aReviewDocumentSaysItUnderTheCheck(@TempDir Path dir) throws Exception {
    Path doc = dir.resolve("review.md");
    Files.writeString(doc, "# Review\n\n```devq\n" + OLDER + " < 2ms\n" + NAMED + " < 2ms\n```\n");
    var run = devq("doc", doc.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    String written = Files.readString(doc);
    assertTrue(written.contains("to spare (64.2%)\n      " + LINE + "\nPASS  "), written);
    assertEquals(1, written.split(LINE, -1).length - 1, written);
  }

  @Test
  void aNamedReleaseOrANewerDeviceSaysNothingOfIt() throws Exception {
    for (String estimate : List.of(NAMED, NEWER)) {
      var text = devq("eval", estimate, estimate + " < 2ms");
      assertEquals(0, text.code(), text.err());
      assertFalse(text.out().contains("allows for"), text.out());
      var json = devq("eval", "--format", "json", estimate);
      JsonNode range = JSON.readTree(json.out()).get("range_80");
      assertTrue(range.has("high"), json.out());
      assertFalse(range.has("allows_for"), json.out());
    }
  }

  /** A passing check whose range allows for iOS 16, then one whose range does not. */
  private static Path checks(Path dir) throws Exception {
    Path file = dir.resolve("checks.devq");
    Files.writeString(
        file, "check \"older\": " + OLDER + " < 2ms\ncheck \"newer\": " + NEWER + " < 2ms\n");
    return file;
  }
}
