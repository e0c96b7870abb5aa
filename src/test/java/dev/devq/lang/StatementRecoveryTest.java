package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every syntax error of a file is reported once, at its place: after an error the parse starts
 * again at the next statement, and a statement cut off at the end of its line is reported there.
 * Inputs write a line break as {@code \n}; each expected error is {@code line:column message}, and
 * several are separated by {@code ;;}.
 */
class StatementRecoveryTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      check "a": 1 ms <\\ncheck "b": 2 ms <                | 1:18 the line ends before the expression after '<' ;; 2:18 unexpected end of input
      1 ms < < 2 ms; 3 ms * * 4 ms                         | 1:8 unexpected '<' ;; 1:23 unexpected '*'
      1 ms < 2 ms\\n)\\n3 ms < < 4 ms                       | 2:1 unexpected ')' ;; 3:8 unexpected '<'
      1 ms < 2 ms )\\n3 ms < < 4 ms                         | 1:13 unexpected ')' ;; 2:8 unexpected '<'
      latency(mobilenet_v2,, a16,\\n    a17) < 3 ms\\n1 < < 2 | 1:22 unexpected ',' ;; 3:5 unexpected '<'
      latency(mobilenet_v2, a16\\n        sustained) < 3 ms | 2:9 unexpected 'sustained'
      latency(mobilenet_v2, a16\\nlatency(mobilenet_v2, a17) < 3 ms | 1:26 the line ends before the statement is complete
      ;\\n1 ms < < 2 ms                                    | 1:1 unexpected ';' ;; 2:8 unexpected '<'
      check 5\\ncheck "b": 1 < < 2                          | 1:7 unexpected '5' ;; 2:16 unexpected '<'
      let m =\\n\\n# a comment\\ncheck "c": 1 < 2           | 1:8 the line ends before the expression after '='
      let m =\\nlatency(mobilenet_v2, a16)\\nm < < 2 ms       | 3:5 unexpected '<'
      all d in devices where d.year >> 2021:\\n  latency(resnet50, d) < 3 ms | 1:32 unexpected '>'
      let a = (1 ms +\\nlet b = 2 ms                      | 1:16 the line ends before the expression after '+'
      check "f": f(a -\\ncheck "g": 1 < 2                 | 1:17 the line ends before the expression after '-'
      check "l": [a, b +\\ncheck "m": 1 < 2               | 1:19 the line ends before the expression after '+'
      (1 ms + )\\n1 < < 2                                 | 1:9 unexpected ')' ;; 2:5 unexpected '<'
      let x = 2\\nx * 3\\n:help                           | 3:1 unexpected ':'
      let x = 2 ms\\nx * 3\\n:help                        | 3:1 unexpected ':'
      let x = 2\\nms\\n:help                              | 3:1 unexpected ':'
      x < 2\\n50% < 1\\n)                                | 3:1 unexpected ')'
      [1, 2\\n]\\nx * 3\\n) < 1                          | 4:1 unexpected ')'
      """)
  void reportsEachStatementsError(String input, String expected) {
    assertEquals(expected, errors(input.replace("\\n", "\n")), input);
  }

  /**
   * A file with old Mac line ends (a lone carriage return) recovers at each line as one with line
   * feeds or CRLF does: ANTLR counts only line feeds, so every token was on line 1 there.
   */
  @ParameterizedTest(name = "line end {0}")
  @CsvSource({"LF, '\n'", "CRLF, '\r\n'", "CR, '\r'"})
  void everyLineEndRecoversAtTheNextLine(String name, String lineEnd) {
    String text = String.join(lineEnd, "let a = 1 ms +", "check \"x\": a < < 2 ms", "1 ms <", "");
    assertEquals(
        "1:15 the line ends before the expression after '+' ;; 2:16 unexpected '<' ;; "
            + "3:7 unexpected end of input",
        errors(text),
        name);
  }

  /**
   * An emoji before the error keeps the column in characters, and a long token cut for the message
   * keeps its emoji whole: a cut between the two halves wrote a lone surrogate (shown as '?').
   */
  @Test
  void anEmojiBeforeTheErrorIsNeverCutInHalf() {
    String text = "check \"\uD83D\uDE00\": 1 < < 2\nlet \"aaaaaaaaaaaaaaaaaa\uD83D\uDE00b\" = 1";
    assertEquals(
        "1:16 unexpected '<' ;; 2:5 unexpected '\"aaaaaaaaaaaaaaaaaa\uD83D\uDE00…'", errors(text));
  }

  @Test
  void validMultiLineStatementsStillParse() {
    String text =
        """
        latency(mobilenet_v2,
                a16) <
          33 ms
        let x =
          2 ms
        all d in devices where d.year >= 2021:
          latency(resnet50, d) < 3 ms
        """;
    assertTrue(AstBuilder.parseQuery(new SourceText("q", text)).ok());
  }

  @Test
  void theEarlyEndNamesTheLineThatBeginsTheNextStatement() {
    Diagnostic d = parse("let m =\n\n# a comment\ncheck \"c\": 1 < 2").get(0);
    assertEquals("expected an expression after '='", d.label());
    assertEquals(List.of("'check' on line 4 begins the next statement"), d.notes());
  }

  @Test
  void errorsPastTheCapAreCountedOnTheLastOneKept() {
    List<Diagnostic> ds = parse("1 ms < < 2 ms\n".repeat(SyntaxErrorCollector.MAX_ERRORS + 7));
    assertEquals(SyntaxErrorCollector.MAX_ERRORS, ds.size());
    assertEquals(List.of(), ds.get(0).notes());
    assertEquals(List.of("… and 7 more syntax errors after it"), ds.get(ds.size() - 1).notes());
  }

  /**
   * 200,000 random ASCII characters: the parse ends, with the first {@value
   * SyntaxErrorCollector#MAX_ERRORS} errors kept in the order of the text and the rest counted on
   * the last one. Each error is at a token of its own, so the count cannot exceed the tokens left.
   */
  @Test
  void binaryGarbageKeepsTheFirstErrorsAndCountsTheRest() {
    var random = new Random(17);
    var text = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      text.append((char) random.nextInt(0x80));
    }
    List<Diagnostic> ds = assertDoesNotThrow(() -> parse(text.toString()));
    assertEquals(SyntaxErrorCollector.MAX_ERRORS, ds.size());
    for (int i = 1; i < ds.size(); i++) {
      assertTrue(ds.get(i - 1).span().start() < ds.get(i).span().start(), "in order at " + i);
      assertFalse(
          ds.get(i - 1).notes().stream().anyMatch(n -> n.contains("more syntax error")),
          "only the last error counts the rest");
    }
    List<String> notes = ds.get(ds.size() - 1).notes();
    var counted = Pattern.compile("… and (\\d+) more syntax errors after it");
    Matcher m = counted.matcher(notes.isEmpty() ? "" : notes.get(notes.size() - 1));
    assertTrue(m.matches(), "" + notes);
    int more = Integer.parseInt(m.group(1));
    int tokensAfter =
        Tokens.significant(text.substring(ds.get(ds.size() - 1).span().end())).size() + 1;
    assertTrue(more > 0 && more <= tokensAfter, more + " more of " + tokensAfter + " tokens");
  }

  private static List<Diagnostic> parse(String text) {
    ParseResult<List<Stmt>> r = AstBuilder.parseQuery(new SourceText("q", text));
    assertTrue(!r.ok(), "expected syntax errors in: " + text);
    return r.diagnostics();
  }

  private static String errors(String text) {
    return parse(text).stream()
        .map(
            d ->
                d.source().line(d.span().start())
                    + ":"
                    + d.source().column(d.span().start())
                    + " "
                    + d.message())
        .collect(Collectors.joining(" ;; "));
  }
}
