package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.SourceText;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A profile error points at the character the YAML reader names, whatever comes before it:
 * SnakeYAML counts characters in code points and ends a line at a lone carriage return, where a
 * Java string counts UTF-16 units and the old offsets counted only line feeds.
 */
class YamlPositionTest {
  @ParameterizedTest(name = "{0} line ends")
  @CsvSource({"LF, '\n'", "CRLF, '\r\n'", "CR, '\r'"})
  void anErrorOnLineThreeIsOnLineThreeWhateverEndsTheLines(String name, String lineEnd) {
    assertEquals(
        "p.yaml:3:4 malformed YAML",
        position(String.join(lineEnd, "a: 1", "b: 2", "c: [1, 2", "")),
        name);
    assertEquals(
        "p.yaml:3:4 YAML tags ('!foo') are not allowed in profiles",
        position(String.join(lineEnd, "a: 1", "b: 2", "c: !foo 1", "")),
        name);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      an emoji on the line before | a: "\uD83D\uDE00\uD83D\uDE00"\\nb: !foo 1 | p.yaml:2:4 YAML tags
      an emoji on the same line   | a: ["\uD83D\uDE00\uD83D\uDE00", !foo 1]  | p.yaml:1:11 YAML tags
      """)
  void anEmojiBeforeTheErrorCountsAsOneCharacter(String name, String text, String expected) {
    String found = position(text.replace("\\n", "\n"));
    assertEquals(expected, found.substring(0, Math.min(found.length(), expected.length())), name);
  }

  /**
   * SnakeYAML's own words at the place it names, not Jackson's first line at the place its scan
   * began: a tab at the tab (not at the end of the line before), and a quote or bracket the file
   * ends inside at where it opened (not past the end of the file).
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      a tab indenting a line    | id: foo\\n\\tram: 4 GB      | p.yaml:2:1 malformed YAML: a tab cannot indent YAML
      an unclosed quote         | id: "foo\\nkind: x\\n       | p.yaml:1:5 malformed YAML: the file ends inside the quoted string that begins here
      an unclosed bracket       | a: 1\\nc: [1, 2\\n          | p.yaml:2:4 malformed YAML: the file ends inside the [ list that begins here
      a mapping inside a value  | a: b: c\\n                 | p.yaml:1:5 malformed YAML: mapping values are not allowed here
      """)
  void theMessageSaysWhatWasFoundWhereItWasFound(String name, String text, String expected) {
    String t = text.replace("\\n", "\n").replace("\\t", "\t");
    Diagnostic d = YamlReader.read(new SourceText("p.yaml", t)).diagnostics().get(0);
    assertEquals(expected, d.source().position(d.span().start()) + " " + d.message(), name);
  }

  private static String position(String text) {
    Diagnostic d = YamlReader.read(new SourceText("p.yaml", text)).diagnostics().get(0);
    String message = d.message();
    if (message.startsWith("malformed YAML")) {
      message = "malformed YAML";
    }
    return d.source().position(d.span().start()) + " " + message;
  }
}
