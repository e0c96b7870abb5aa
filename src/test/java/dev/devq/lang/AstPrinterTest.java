package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Printing a tree and parsing the text again gives the same tree, spans aside. */
class AstPrinterTest {
  @TestFactory
  Stream<DynamicTest> goldenCorpusRoundTrips() {
    return LanguageGoldenTest.corpus()
        .map(
            input ->
                DynamicTest.dynamicTest(input.getFileName().toString(), () -> roundTrip(input)));
  }

  private static void roundTrip(Path input) throws Exception {
    ParseResult<List<Stmt>> parsed = AstBuilder.parseQuery(LanguageGoldenTest.source(input));
    if (!parsed.ok()) {
      return; // the syntax-error cases have no tree to print
    }
    String printed = AstPrinter.print(parsed.value());
    ParseResult<List<Stmt>> again = AstBuilder.parseQuery(new SourceText("printed", printed));
    assertTrue(
        again.ok(),
        () ->
            "printed text does not parse:\n"
                + printed
                + "\n"
                + DiagnosticRenderer.render(again.diagnostics()));
    assertEquals(AstDump.dump(parsed.value()), AstDump.dump(again.value()), printed);
  }

  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
      1ms+2ms*3                          | 0.001 ms + 2.0 ms * 3.0
      (1 + 2) * 3                        | (1.0 + 2.0) * 3.0
      1 - (2 - 3)                        | 1.0 - (2.0 - 3.0)
      a < b < c                          | a < b < c
      (a < b) < c                        | (a < b) < c
      not a and b                        | not a and b
      not (a and b)                      | not (a and b)
      (all x in socs: x.year > 1) and b  | (all x in socs: x.year > 1.0) and b
      -x.y                               | -x.y
      (a + b).c                          | (a + b).c
      [s in socs]                        | [s in socs]
      [(s in ms), 2]                     | [(s in ms), 2.0]
      latency(m, ?, state = throttled)   | latency(m, ?, state = throttled)
      search "a \\"b\\""                 | search "a \\"b\\""
      1e999                              | 1e999
      """)
  void printsWithTheParenthesesPrecedenceNeeds(String query, String expected) {
    // the first case checks number printing: 1ms is 1.0 ms
    String printed = AstPrinter.print(parse(query));
    assertEquals(expected.replace("0.001 ms", "1.0 ms"), printed);
    assertEquals(AstDump.dump(parse(query)), AstDump.dump(parse(printed)));
  }

  @Test
  void generatedExpressionsRoundTrip() {
    var random = new Random(42);
    for (int i = 0; i < 5_000; i++) {
      String text = new ExprGenerator(random).expr(4);
      ParseResult<Expr> parsed = AstBuilder.parseExpression(new SourceText("generated", text));
      assertTrue(parsed.ok(), () -> text + "\n" + DiagnosticRenderer.render(parsed.diagnostics()));
      String printed = AstPrinter.print(parsed.value());
      ParseResult<Expr> again = AstBuilder.parseExpression(new SourceText("printed", printed));
      assertTrue(again.ok(), () -> "from " + text + " printed " + printed);
      assertEquals(AstDump.dump(parsed.value()), AstDump.dump(again.value()), () -> "from " + text);
    }
  }

  private static Expr parse(String text) {
    ParseResult<Expr> r = AstBuilder.parseExpression(new SourceText("q", text));
    assertTrue(r.ok(), () -> DiagnosticRenderer.render(r.diagnostics()));
    return r.value();
  }

  /** Random well-formed query text over every kind of expression, with parentheses at random. */
  static final class ExprGenerator {
    private static final List<String> NAMES = List.of("a16", "m", "x", "socs", "resnet50", "all");
    private static final List<String> UNITS = List.of("ms", "GB/s", "%", "min", "TOPS", "µs", "");
    private final Random random;

    ExprGenerator(Random random) {
      this.random = random;
    }

    String expr(int depth) {
      if (depth == 0) {
        return atom();
      }
      String a = expr(depth - 1);
      String b = expr(depth - 1);
      String text =
          switch (random.nextInt(16)) {
            case 0 -> a + " " + pick(List.of("+", "-", "*", "/")) + " " + b;
            case 1 -> a + " " + pick(List.of("<", "<=", ">", ">=", "==", "!=")) + " " + b;
            case 2 -> a + " < " + b + " <= " + expr(depth - 1);
            case 3 -> a + " " + pick(List.of("and", "or")) + " " + b;
            case 4 -> pick(List.of("-", "+", "not ")) + a;
            case 5 -> a + " in " + pick(List.of("ms", "MB", "GB/s", "min", "%"));
            case 6 -> "(" + a + ")." + pick(List.of("year", "ane", "tops_fp16"));
            case 7 -> "latency(" + a + ", " + pick(List.of("?", "a16")) + ", state = " + b + ")";
            case 8 -> "[(" + a + "), " + b + "]";
            case 9 -> "[x in " + a + " where " + b + "]";
            case 10 ->
                pick(List.of("all", "any"))
                    + " x in "
                    + a
                    + (random.nextBoolean() ? " where " + b : "")
                    + ": "
                    + b;
            case 11 -> pick(List.of("min", "max", "argmin", "argmax")) + " x in " + a + " by " + b;
            case 12 -> pick(List.of("min", "max", "f", "search")) + "(" + a + ", n = " + b + ")";
            default -> a;
          };
      return random.nextInt(3) == 0 ? "(" + text + ")" : text;
    }

    private String atom() {
      return switch (random.nextInt(6)) {
        case 0 ->
            random.nextInt(1000)
                + (random.nextBoolean() ? "." + random.nextInt(100) : "")
                + " "
                + pick(UNITS);
        case 1 -> pick(NAMES);
        case 2 -> "\"s" + pick(List.of("", "\\\"", "\\\\", "\\n", "µ", "😀")) + "\"";
        case 3 -> pick(List.of("true", "false", "?"));
        case 4 -> "search \"layer norm\"";
        default -> "x";
      };
    }

    private String pick(List<String> options) {
      return options.get(random.nextInt(options.size()));
    }

    static List<String> sample(long seed, int n) {
      var g = new ExprGenerator(new Random(seed));
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(g.expr(3));
      }
      return out;
    }
  }
}
