package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.query.eval.Interpreter;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Session;
import dev.devq.query.eval.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Huge, deep and broken inputs end in a specific diagnostic or a result, never in a {@code
 * StackOverflowError} or a flood of output. Each runs on a fixed 1 MB thread stack.
 */
class LimitsTest {
  private static Interpreter.Run run(String text) {
    DevqAssertions.devq();
    return FixedStack.run(
        () ->
            DevqAssertions.interpreter()
                .run(new SourceText("big.devq", text), Session.EMPTY, false));
  }

  private static DiagnosticCode firstCode(Interpreter.Run r) {
    assertTrue(!r.ok(), "should fail");
    return r.diagnostics().get(0).code();
  }

  @Test
  void tenThousandNestedParenthesesAreTooDeep() {
    Interpreter.Run r = run("(".repeat(10_000) + "1 ms" + ")".repeat(10_000));
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(r));
    assertEquals("big.devq:1:100", r.diagnostics().get(0).position());
  }

  @Test
  void tenThousandNestedListsAndUnaryMinusesAreTooDeep() {
    assertEquals(
        DiagnosticCode.TOO_DEEP, firstCode(run("[".repeat(10_000) + "1" + "]".repeat(10_000))));
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(run("-".repeat(10_000) + "1")));
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(run("not ".repeat(10_000) + "true")));
  }

  /**
   * A flat chain of 32,000 comparisons is refused before the parse, at its 1001st operator (the
   * parser's prediction took two minutes over it before the tree overflowed the stack); a chain
   * within the limit, and as many links split over statements or list items, evaluate.
   */
  @Test
  void aFlatChainLongerThanTheTreeMayBeDeepIsRefusedAtItsOperator() {
    Interpreter.Run r = run("1 ms < ".repeat(32_000) + "1 ms");
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(r));
    assertTrue(r.diagnostics().get(0).message().contains("chain of more than 1000 operators"));
    assertEquals("big.devq:1:7006", r.diagnostics().get(0).position());
    assertTrue(run(("1 + ".repeat(900) + "1\n").repeat(3)).ok());
    assertTrue(run("[" + ("1 + ".repeat(900) + "1, ").repeat(3) + "1]").ok());
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(run("1 + ".repeat(2_000) + "1")));
  }

  /**
   * The chain's operator is found in code points by the lexer; a character outside the Basic
   * Multilingual Plane before it (two chars, one code point) must not shift the caret.
   */
  @Test
  void aChainAfterAnEmojiIsRefusedAtItsOperator() {
    Interpreter.Run r = run("# \uD83D\uDD25 hot\n" + "1 ms < ".repeat(2_000) + "1 ms");
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(r));
    assertEquals("big.devq:2:7006", r.diagnostics().get(0).position());
  }

  @Test
  void unclosedParenthesesAreTooDeepNotAFlood() {
    Interpreter.Run r = run("(".repeat(10_000));
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(r));
    assertEquals(1, r.diagnostics().size());
  }

  /**
   * Brackets nested past the limit are refused at the bracket that passes it, before the parser
   * looks ahead through all of them (which took seconds for tens of thousands after a call).
   */
  @Test
  void bracketsPastTheLimitAreRefusedAtTheFirstBracketTooDeep() {
    String prefix = "memory(quantize(";
    Interpreter.Run r = run(prefix + "(".repeat(51_200) + "[".repeat(12_800));
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(r));
    assertEquals(1, r.diagnostics().size());
    // two levels of the tree a bracket, the call's two included: the 100th is one too many
    assertEquals("big.devq:1:" + (prefix.length() + 98), r.diagnostics().get(0).position());
    assertEquals(DiagnosticCode.TOO_DEEP, firstCode(run("[(".repeat(50) + "1" + ")]".repeat(50))));
    // refused by the pass over the tokens, before the parser looks ahead through the brackets
    org.antlr.v4.runtime.Token at =
        OperatorChains.tooLong(prefix + "(".repeat(51_200), AstBuilder.MAX_CHAIN, 100);
    assertEquals(prefix.length() + 97, at.getStartIndex());
    assertEquals(null, OperatorChains.tooLong("(".repeat(99) + ")".repeat(99), 1000, 100));
  }

  @Test
  void nestingJustUnderTheLimitEvaluates() {
    Interpreter.Run r = run("(".repeat(90) + "1 ms" + ")".repeat(90) + " + 1 ms");
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
  }

  @Test
  void aQueryOverOneMebibyteIsTooLarge() {
    String text = "1 ms + ".repeat(AstBuilder.MAX_LENGTH / 7 + 1) + "1 ms";
    assertTrue(text.length() > AstBuilder.MAX_LENGTH);
    Interpreter.Run r = run(text);
    assertEquals(DiagnosticCode.TOO_LARGE, firstCode(r));
    assertEquals(1, r.diagnostics().size());
    String rendered = DiagnosticRenderer.render(r.diagnostics());
    assertTrue(
        rendered.length() < 1_000, "the rendered error shows a window of the line, not all of it");
  }

  @Test
  void aOneMegabyteListEvaluates() {
    var text = new StringBuilder("[");
    while (text.length() < 1_000_000) {
      text.append("1 ms, ");
    }
    text.append("2 ms]");
    Interpreter.Run r = run(text.toString());
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    var list = (Value.ListV) ((Outcome.Shown) r.outcomes().get(0)).value();
    assertEquals(166_668, list.items().size());
  }

  @Test
  void aOneMegabyteFileOfStatementsEvaluates() {
    String statement = "let x = 1 ms\nx + 2 ms < 4 ms\n";
    String text = statement.repeat(1_000_000 / statement.length());
    Interpreter.Run r = run(text);
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics().subList(0, 1)));
    assertEquals(2 * (1_000_000 / statement.length()), r.outcomes().size());
  }

  @Test
  void aLongFlatSumEvaluates() {
    // a + b + … nests to the left, one tree level per operator, without nesting parser rules
    Interpreter.Run r = run("1 ms" + " + 1 ms".repeat(1_000));
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    var sum = (Value.QuantityV) ((Outcome.Shown) r.outcomes().get(0)).value();
    assertEquals(1.001, sum.quantity().value(), 1e-9);
  }

  @Test
  void aFloodOfSyntaxErrorsStopsAtTheCapAndCountsTheRest() {
    Interpreter.Run r = run("let = 1\n".repeat(100_000));
    assertEquals(SyntaxErrorCollector.MAX_ERRORS, r.diagnostics().size());
    assertTrue(r.diagnostics().stream().allMatch(d -> d.code() == DiagnosticCode.SYNTAX));
    assertEquals(
        List.of("… and 99980 more syntax errors after it"),
        r.diagnostics().get(r.diagnostics().size() - 1).notes());
  }

  @Test
  void independentErrorsAreReportedTogether() {
    Interpreter.Run r = run("latency(mobilenet_v3, a71, hot) < 33 MB\na16.bandwith\n1 GB + 3 ms\n");
    assertEquals(
        List.of(
            DiagnosticCode.UNKNOWN_NAME,
            DiagnosticCode.UNKNOWN_NAME,
            DiagnosticCode.UNKNOWN_NAME,
            DiagnosticCode.DIMENSION_MISMATCH,
            DiagnosticCode.UNKNOWN_MEMBER,
            DiagnosticCode.DIMENSION_MISMATCH),
        r.diagnostics().stream().map(Diagnostic::code).toList());
  }

  @Test
  void severalSyntaxErrorsAreReportedTogether() {
    Interpreter.Run r = run("1 ms + * 2\nlatency(a16,, b)\n3 ms < < 4 ms\n");
    assertTrue(r.diagnostics().size() >= 2, () -> DiagnosticRenderer.render(r.diagnostics()));
    assertEquals(
        List.of(1, 2, 3),
        r.diagnostics().stream().map(d -> d.source().line(d.span().start())).distinct().toList(),
        () -> DiagnosticRenderer.render(r.diagnostics()));
  }
}
