package dev.devq.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.devq.DevqAssertions;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The reports of {@code devq check}: JUnit XML that the JDK's parser accepts, with one test case
 * per check, and a failing constraint in a review document reported with its file and line.
 */
class CheckReportsTest {
  private static final String FAILING = "src/test/resources/fixtures/failing-review.md";

  record Run(int code, String out, String err) {}

  static Run devq(String... args) {
    DevqAssertions.devq();
    var out = new StringWriter();
    var err = new StringWriter();
    var cmd = Main.commandLine();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return new Run(cmd.execute(args), out.toString(), err.toString());
  }

  @Test
  void junitHasOneTestCasePerCheck() throws Exception {
    for (String path : new String[] {"queries/", FAILING}) {
      String where = DevqAssertions.projectDir().resolve(path).toString();
      JsonNode json = new ObjectMapper().readTree(devq("check", where, "--format", "json").out());
      Run junit = devq("check", where, "--format", "junit");
      Document xml = parse(junit.out());
      List<String> cases = new ArrayList<>();
      NodeList nodes = xml.getElementsByTagName("testcase");
      for (int i = 0; i < nodes.getLength(); i++) {
        Element e = (Element) nodes.item(i);
        cases.add(e.getAttribute("file") + ":" + e.getAttribute("line"));
      }
      List<String> checks = new ArrayList<>();
      json.get("checks")
          .forEach(c -> checks.add(c.get("file").asText() + ":" + c.get("line").asInt()));
      assertEquals(checks, cases, path);
      assertEquals(json.get("failed").asInt(), xml.getElementsByTagName("failure").getLength());
      assertEquals(Integer.toString(checks.size()), xml.getDocumentElement().getAttribute("tests"));
    }
  }

  /**
   * A control character in a check's label made the report malformed XML, which CI rejects. The
   * language now refuses one in a string (exit 2, at its column), and the characters a label may
   * still carry, markup and the tab and line break its escapes write, keep the report well formed.
   */
  @Test
  void aLabelStillGivesWellFormedXml(@TempDir Path dir) throws Exception {
    Path raw = dir.resolve("raw.devq");
    Files.writeString(raw, "check \"a\u0001b\": 1 ms < 2 ms\n");
    Run refused = devq("check", raw.toString(), "--format", "junit");
    assertEquals(2, refused.code(), refused.out() + refused.err());
    assertTrue(refused.err().contains("raw.devq:1:9"), refused.err());
    Path file = dir.resolve("labels.devq");
    Files.writeString(
        file, "check \"a\\tb <&>\": 1 ms < 2 ms\ncheck \"x\\nd \\\"q\\\"\": 3 ms < 2 ms\n");
    Run junit = devq("check", file.toString(), "--format", "junit");
    assertEquals(1, junit.code(), junit.err());
    Document xml = parse(junit.out());
    NodeList cases = xml.getElementsByTagName("testcase");
    assertTrue(((Element) cases.item(0)).getAttribute("name").contains("b <&>"), junit.out());
    assertTrue(((Element) cases.item(1)).getAttribute("name").contains("\"q\""), junit.out());
  }

  @Test
  void failingConstraintExitsOneNamingFileAndLine() {
    String doc = DevqAssertions.projectDir().resolve(FAILING).toString();
    Run run = devq("check", doc);
    assertEquals(1, run.code(), run.out() + run.err());
    assertTrue(
        run.out().contains("FAIL  " + doc + ":7  resnet152 fits 5 ms on a hot iPhone 11"),
        run.out());
    assertTrue(run.out().contains("PASS  " + doc + ":12  size(m) < 500MB"), run.out());
    Run junit = devq("check", doc, "--format", "junit");
    assertEquals(1, junit.code());
    assertTrue(junit.out().contains("file=\"" + doc + "\" line=\"7\"><failure"), junit.out());
  }

  /**
   * A file name is the user's text as a label is: a pipe in it split the Markdown report's row into
   * more cells than the header, a line break ended the row, and the text report printed its control
   * characters raw (an escape sequence acts on the terminal or CI log).
   */
  @Test
  void aFileNameStaysInItsCellAndShowsItsControlCharacters(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a|b\nc\u001b[31m.devq");
    Run md = checked(file, "1 ms < 2 ms\n", 0, "--format", "markdown");
    List<String> rows = md.out().lines().toList();
    assertEquals(3, rows.size(), md.out());
    // cells are split at pipes a backslash does not escape
    assertEquals(7, rows.get(2).split("(?<!\\\\)\\|", -1).length, rows.get(2));
    assertTrue(rows.get(2).contains("a\\|b␊c␛[31m.devq:1"), rows.get(2));
    Run text = devq("check", file.toString());
    assertEquals(0, text.code(), text.err());
    assertTrue(text.out().contains("a|b␊c␛[31m.devq:1  1 ms < 2 ms"), text.out());
    assertTrue(text.out().chars().noneMatch(c -> c == 0x1b), text.out());
  }

  /**
   * XML reads a line break or a tab in an attribute as a space: {@code a\nb.devq} and {@code a
   * b.devq} were the same file in the JUnit report, and a label's line break vanished. Both are
   * shown as the text report shows them.
   */
  @Test
  void junitKeepsLineBreaksOfFileNamesAndLabelsDistinguishable(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("a\nb\tc.devq");
    Run junit = checked(file, "check \"x\\ny\": 3 ms < 2 ms\n", 1, "--format", "junit");
    Document xml = parse(junit.out());
    Element suite = (Element) xml.getElementsByTagName("testsuite").item(0);
    Element test = (Element) xml.getElementsByTagName("testcase").item(0);
    assertTrue(suite.getAttribute("name").endsWith("a\u240Ab\u2409c.devq"), junit.out());
    assertTrue(test.getAttribute("file").endsWith("a\u240Ab\u2409c.devq"), junit.out());
    assertTrue(test.getAttribute("classname").endsWith("a\u240Ab\u2409c.devq:1"), junit.out());
    assertEquals("x\u240Ay", test.getAttribute("name"), junit.out());
    Run text = devq("check", file.toString());
    assertTrue(text.out().contains("x\u240Ay"), text.out());
  }

  /**
   * {@code devq check FILE OPTIONS…} of {@code file} written with {@code text}; exits {@code code}.
   */
  private static Run checked(Path file, String text, int code, String... options)
      throws java.io.IOException {
    Files.writeString(file, text);
    List<String> args = new ArrayList<>(List.of("check", file.toString()));
    args.addAll(List.of(options));
    Run r = devq(args.toArray(String[]::new));
    assertEquals(code, r.code(), r.out() + r.err());
    return r;
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
