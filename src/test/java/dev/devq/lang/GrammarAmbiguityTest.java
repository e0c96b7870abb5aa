package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parses every expression of the golden inputs, and generated expressions, with exact ambiguity
 * detection: an ambiguous grammar silently picks one reading, which is how {@code [s in socs]} once
 * became a list of one unit conversion.
 *
 * <p>Expressions are checked one statement at a time. Between statements the grammar is ambiguous
 * by design, since statements need no separator: {@code 3 ms} could be {@code 3} then {@code ms},
 * and the parser takes the longest statement (see the grammar's header).
 */
class GrammarAmbiguityTest {
  @TestFactory
  Stream<DynamicTest> goldenCorpusIsUnambiguous() {
    return LanguageGoldenTest.corpus()
        .map(
            input ->
                DynamicTest.dynamicTest(
                    input.getFileName().toString(),
                    () -> {
                      SourceText source = LanguageGoldenTest.source(input);
                      ParseResult<List<Stmt>> parsed = AstBuilder.parseQuery(source);
                      if (!parsed.ok()) {
                        return;
                      }
                      for (Stmt s : parsed.value()) {
                        Expr e = s instanceof Stmt.Let let ? let.value() : ((Stmt.Eval) s).expr();
                        String text = source.slice(e.span());
                        assertEquals(
                            List.of(),
                            AstBuilder.ambiguities(new SourceText("statement", text)),
                            text);
                      }
                    }));
  }

  @Test
  void generatedExpressionsAreUnambiguous() {
    for (String text : AstPrinterTest.ExprGenerator.sample(7, 500)) {
      assertEquals(List.of(), AstBuilder.ambiguities(new SourceText("generated", text)), text);
    }
  }

  @Test
  void comprehensionWithoutWhereIsUnambiguousAndIsAComprehension() {
    var source = new SourceText("q", "[s in socs]");
    assertEquals(List.of(), AstBuilder.ambiguities(source));
    assertEquals(Expr.Comprehension.class, AstBuilder.parseExpression(source).value().getClass());
  }
}
