package dev.devq.lang.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.AstBuilder;
import dev.devq.lang.Expr;
import dev.devq.lang.ParseResult;
import dev.devq.lang.SourceText;
import dev.devq.lang.antlr.DevqLexer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The profile scanner and the query grammar read every quantity the same way: where the scanner
 * answers, the grammar gives the same value, dimension and display unit; where it does not, the
 * grammar is the one to report.
 */
class QuantityScannerTest {
  private static final UnitRegistry UNITS = UnitRegistry.standard();

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "51.2 GB/s",
        "17 TOPS",
        "-3 ms",
        "- 3 ms",
        "1_000 MB",
        ".5 s",
        "5.",
        "1e3 ms",
        "1E+3ms",
        "2.5e-3 s",
        "69%",
        "69 %",
        "5GB",
        "10 min",
        "0",
        "  7  ",
        "3 µs",
        "3 μs",
        "4 mAh",
        "5e",
        "5e ms",
        "5E+",
        "1_ ms",
        "_1 ms",
        "1__0 kB",
        "1_000_ kB",
        "1_.5 ms",
        ".5_ ms",
        "2e1__0 B",
        "1_000.2_5 ms",
        "5 GB2/s",
        "5 GB/s2",
        "5 in",
        "5 and",
        "5 all",
        "5 xyz",
        "5 # comment",
        "5 ms ms",
        "--5 ms",
        "",
        "ms",
        "5 %%",
        "1e400 GB/s",
        "5 _ms",
        "3 W",
        "1.5 tok",
        "2 GiB",
        "12 TFLOPS",
        "0.8"
      })
  void scannerAgreesWithTheGrammar(String text) {
    assertAgrees(text);
  }

  @Test
  void everyQuantityOfTheShippedProfilesIsScannedAndAgrees() throws IOException {
    Pattern scalar =
        Pattern.compile("(?:^|[:{,]\\s*)(?:value:\\s*)?([-.0-9][^,{}#\"']*?)\\s*(?:$|[,}#])");
    List<String> quantities = new ArrayList<>();
    try (Stream<Path> files = Files.walk(DevqAssertions.projectDir().resolve("profiles"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        for (String line : Files.readAllLines(file)) {
          int colon = line.indexOf(": ");
          if (colon < 0) {
            continue;
          }
          Matcher m = scalar.matcher(line.substring(colon + 1).strip());
          while (m.find()) {
            String text = m.group(1).strip();
            if (!text.isEmpty() && grammar(text).ok()) {
              quantities.add(text);
            }
          }
        }
      }
    }
    assertTrue(quantities.size() > 500, "found only " + quantities.size() + " quantities");
    for (String text : quantities) {
      assertNotNull(QuantityScanner.scan(text, UNITS), "the scanner leaves '" + text + "' aside");
      assertAgrees(text);
    }
  }

  @Test
  void noUnitIsSpelledLikeAKeywordOfTheLanguage() {
    var vocabulary = DevqLexer.VOCABULARY;
    for (int t = 0; t <= vocabulary.getMaxTokenType(); t++) {
      String literal = vocabulary.getLiteralName(t);
      if (literal != null && literal.matches("'[a-z]+'") && !literal.equals("'min'")) {
        String word = literal.substring(1, literal.length() - 1);
        assertNull(UNITS.find(word), "unit '" + word + "' is also a keyword");
        assertNull(QuantityScanner.scan("5 " + word, UNITS), "scanned 5 " + word);
      }
    }
  }

  private static void assertAgrees(String text) {
    Quantity scanned = QuantityScanner.scan(text, UNITS);
    if (scanned == null) {
      return;
    }
    ParseResult<Quantity> parsed = grammar(text);
    assertTrue(parsed.ok(), "scanner accepted '" + text + "' but the grammar says " + parsed);
    assertEquals(parsed.value(), scanned, text);
  }

  /** What the grammar alone makes of the text (the path used before the scanner existed). */
  private static ParseResult<Quantity> grammar(String text) {
    SourceText source = new SourceText("<q>", text);
    ParseResult<Expr.QuantityLit> literal = AstBuilder.parseQuantity(source);
    return literal.ok()
        ? QuantityParser.resolve(literal.value(), source)
        : ParseResult.failed(literal.diagnostics());
  }
}
