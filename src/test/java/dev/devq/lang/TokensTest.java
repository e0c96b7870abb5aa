package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token kinds the REPL highlights with. */
class TokensTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      33ms                       | NUMBER UNIT
      33 ms                      | NUMBER SPACE UNIT
      10min                      | NUMBER UNIT
      80%                        | NUMBER UNIT
      51.2 GB/s                  | NUMBER SPACE UNIT
      a % b                      | NAME SPACE OPERATOR SPACE NAME
      let m = x                  | KEYWORD SPACE NAME SPACE PUNCTUATION SPACE NAME
      a16.bandwidth              | NAME PUNCTUATION NAME
      a <= b                     | NAME SPACE OPERATOR SPACE NAME
      min(a, b)                  | KEYWORD PUNCTUATION NAME PUNCTUATION SPACE NAME PUNCTUATION
      search "layer norm"        | KEYWORD SPACE STRING
      search "layer              | KEYWORD SPACE ERROR NAME
      x # note                   | NAME SPACE COMMENT
      2 # n\\nms                 | NUMBER SPACE COMMENT SPACE NAME
      2\\n50%                     | NUMBER SPACE NUMBER UNIT
      1_000 + 1__0               | NUMBER SPACE OPERATOR SPACE ERROR
      _1 1_ 1_.5                 | ERROR SPACE ERROR SPACE ERROR
      google/mobilenet_v2_1.0_22 | NAME OPERATOR NAME
      5 GB/s                     | NUMBER SPACE UNIT
      """)
  void classifiesTokens(String text, String kinds) {
    assertEquals(
        kinds,
        Tokens.of(text.replace("\\n", "\n")).stream()
            .map(t -> t.kind().name())
            .collect(Collectors.joining(" ")),
        text);
  }

  @Test
  void tokensCoverTheTextWithStringOffsets() {
    String text = "latency(m, 😀a16) in µs";
    List<Tokens.Token> tokens = Tokens.of(text);
    assertEquals(text, tokens.stream().map(Tokens.Token::text).collect(Collectors.joining()));
    for (Tokens.Token t : tokens) {
      assertEquals(t.text(), text.substring(t.start(), t.end()));
    }
  }

  @Test
  void keywordsComeFromTheGrammar() {
    assertTrue(
        Tokens.keywords().containsAll(List.of("let", "check", "where", "argmax", "and", "search")));
    assertTrue(Tokens.keywords().stream().allMatch(k -> k.chars().allMatch(Character::isLetter)));
  }
}
