package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AstBuilderTest {
  private static Expr parse(String text) {
    ParseResult<Expr> r = AstBuilder.parseExpression(new SourceText("q", text));
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    return r.value();
  }

  @Test
  void parsesCallsWithPositionalAndNamedArguments() {
    var call =
        assertInstanceOf(
            Expr.Call.class, parse("latency(resnet50, iphone_12, sustained, units = cpu_and_ne)"));
    assertEquals("latency", call.callee());
    assertEquals(4, call.args().size());
    assertEquals("units", call.args().get(3).name());
  }

  @Test
  void comparisonChainsFlatten() {
    var cmp = assertInstanceOf(Expr.Compare.class, parse("1ms < 2ms <= 3ms"));
    assertEquals(3, cmp.operands().size());
    assertEquals(List.of(Expr.CompareOp.LT, Expr.CompareOp.LE), cmp.ops());
  }

  @Test
  void unitRatioAfterANumberIsAUnit() {
    var q = assertInstanceOf(Expr.QuantityLit.class, parse("51.2 GB/s"));
    assertEquals("GB/s", q.unit());
  }

  @Test
  void ratioBetweenNamesIsADivision() {
    var b = assertInstanceOf(Expr.Binary.class, parse("a/b"));
    assertEquals(Expr.BinaryOp.DIV, b.op());
  }

  @Test
  void syntaxErrorsHaveAPositionAndExpectation() {
    ParseResult<Expr> r =
        AstBuilder.parseExpression(new SourceText("q", "latency(mobilenet_v2, a16"));
    assertTrue(!r.ok());
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(DiagnosticCode.SYNTAX, d.code());
    assertEquals("q:1:26", d.position());
  }

  @Test
  void tenThousandNestedParenthesesGiveAnErrorNotACrash() {
    String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
    ParseResult<Expr> r = AstBuilder.parseExpression(new SourceText("q", deep));
    assertEquals(DiagnosticCode.TOO_DEEP, r.diagnostics().get(0).code());
  }

  @Test
  void statementsNeedNoSeparators() {
    ParseResult<List<Stmt>> r =
        AstBuilder.parseQuery(new SourceText("q", "let m = resnet50\nlatency(m, a16) < 3ms\n"));
    assertTrue(r.ok());
    assertEquals(2, r.value().size());
    assertInstanceOf(Stmt.Let.class, r.value().get(0));
  }

  /** Any line break separates statements, a lone carriage return (old Mac files) included. */
  @ParameterizedTest(name = "line break {index}")
  @ValueSource(strings = {"\n", "\r\n", "\r"})
  void statementsOnTheirOwnLinesNeedNoSeparator(String lineBreak) {
    String text = String.join(lineBreak, "let m = resnet50", "latency(m, a16) < 3ms", "# done", "");
    ParseResult<List<Stmt>> r = AstBuilder.parseQuery(new SourceText("q", text));
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    assertEquals(2, r.value().size());
  }

  /**
   * A unit is read only on its number's line: a name on the next line starts a statement, even a
   * name that is also a unit ({@code k} was read as 2k, 2000, and {@code budget} as an unknown
   * unit). On one line, a line break inside a call included, the unit still follows its number, in
   * every place a quantity may stand. Each row gives the statements as printed, split by {@code
   * ;;}.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          let k = 2\\nk                     | let k = 2.0 ;; k
          let x = 10\\ns                    | let x = 10.0 ;; s
          let budget = 33\\nbudget > 10     | let budget = 33.0 ;; budget > 10.0
          let w = 4 W\\nw                   | let w = 4.0 W ;; w
          let p = 4\\n-2                    | let p = 4.0 - 2.0
          let q = 4 # four\\nms             | let q = 4.0 ;; ms
          latency(mobilenet_v2,\\na16) < 3ms | latency(mobilenet_v2, a16) < 3.0 ms
          2 ms; 2ms; 2min; 80%; 2 GB/s      | 2.0 ms ;; 2.0 ms ;; 2.0 min ;; 80.0 % ;; 2.0 GB/s
          2 # a comment\\n% 1               | <error>
          [1 ms, 2ms,\\n3 ms]               | [1.0 ms, 2.0 ms, 3.0 ms]
          f(2 ms, t = 3min)                 | f(2.0 ms, t = 3.0 min)
          -1.5e3 mAh in Wh                  | -1500.0 mAh in Wh
          all d in devices: d.ram > 4 GB    | all d in devices: d.ram > 4.0 GB
          table d in devices: 2 ms top 5    | table d in devices: 2.0 ms as "2 ms" top 5.0
          """)
  void aUnitStaysOnItsNumbersLine(String text, String statements) {
    ParseResult<List<Stmt>> r =
        AstBuilder.parseQuery(new SourceText("q", text.replace("\\n", "\n")));
    if (statements.equals("<error>")) {
      assertFalse(r.ok(), text);
      return;
    }
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    assertEquals(
        statements,
        r.value().stream()
            .map(st -> AstPrinter.print(List.of(st)).replace(";\n", ""))
            .collect(Collectors.joining(" ;; ")),
        text);
  }

  /**
   * A character that is not part of the language is named by its code point and Unicode name: a NUL
   * byte, a zero-width space or a bidirectional override was quoted as itself (invisible: {@code
   * unexpected character '​'}), and a Cyrillic letter looked like the Latin one it replaced. The
   * echoed line shows control characters as visible symbols, never raw.
   */
  @Test
  void anUnexpectedCharacterIsNamedByItsCodePoint() {
    String[][] table = {
      {"1 +\u0000 1", "unexpected character U+0000 (null)", "1 +\u2400 1"},
      {"1 < 2\u200B", "unexpected character U+200B (zero width space)", "1 < 2\uFFFD"},
      {"\u202Eabc", "unexpected character U+202E (right-to-left override)", "\uFFFDabc"},
      {
        "latency(m, \u0430)",
        "unexpected character '\u0430' (U+0430, cyrillic small letter a)",
        null
      },
      {"1 \u0007 1", "unexpected character U+0007 (bel)", "1 \u2407 1"},
    };
    for (String[] row : table) {
      ParseResult<List<Stmt>> r = AstBuilder.parseQuery(new SourceText("q", row[0]));
      assertTrue(!r.ok(), row[0]);
      assertEquals(row[1], r.diagnostics().get(0).message(), row[0]);
      String shown = DiagnosticRenderer.render(r.diagnostics());
      if (row[2] != null) {
        assertTrue(shown.contains("1 | " + row[2] + "\n"), shown);
      }
      assertTrue(shown.chars().noneMatch(c -> c < 0x20 && c != '\n'), shown);
    }
  }

  @Test
  void columnsCountCodePoints() {
    var source = new SourceText("q", "1µs + 😀x");
    assertEquals(8, source.column("1µs + 😀x".indexOf('x')));
  }

  /**
   * A control character in a string (an escape sequence that moves the terminal's cursor, a C1 CSI,
   * DEL) is refused at its column; a tab stays text, and so do the escapes \n and \t.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1b | 8 | U+001B (escape)
          01 | 8 | U+0001 (start of heading)
          7f | 8 | U+007F (delete)
          9b | 8 | U+009B (control sequence introducer)
          """)
  void aControlCharacterInAStringIsRefusedAtIt(String hex, int column, String named) {
    String text = "check \"" + (char) Integer.parseInt(hex, 16) + "PASS\": 1 > 2";
    ParseResult<List<Stmt>> r = AstBuilder.parseQuery(new SourceText("q", text));
    assertTrue(!r.ok(), text);
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(DiagnosticCode.SYNTAX, d.code());
    assertEquals("control character " + named + " in a string", d.message());
    assertEquals("q:1:" + column, d.position());
  }

  @Test
  void aTabInAStringIsText() {
    assertInstanceOf(Expr.StringLit.class, parse("\"a\tb\""));
    assertEquals("a\tb", ((Expr.StringLit) parse("\"a\\tb\"")).value());
  }
}
