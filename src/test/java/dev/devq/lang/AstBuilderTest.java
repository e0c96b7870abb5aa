package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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

  @Test
  void columnsCountCodePoints() {
    var source = new SourceText("q", "1µs + 😀x");
    assertEquals(8, source.column("1µs + 😀x".indexOf('x')));
  }
}
