package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A syntax error at a full-width or other compatibility character suggests the word in ASCII: a
 * name whole, its ASCII letters, digits and underscores on either side included (it suggested
 * {@code mobilenet} for {@code ｍｏｂｉｌｅｎｅｔ_v2}, which is no id), anything else as the run of such
 * characters. The caret covers the characters from the error to the end of the word.
 */
class PlainWordSuggestionTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          latency(ｍｏｂｉｌｅｎｅｔ_v2, a16)   | mobilenet_v2  | ｍｏｂｉｌｅｎｅｔ_v2
          latency(mobileｎｅｔ_v2, a16)       | mobilenet_v2  | ｎｅｔ_v2
          latency(ｍｏｂｉｌｅｎｅｔ＿ｖ２, a16) | mobilenet_v2  | ｍｏｂｉｌｅｎｅｔ＿ｖ２
          latency(ｍｏｂｉｌｅｎｅｔ（a16)      | mobilenet     | ｍｏｂｉｌｅｎｅｔ
          1 ms < ３３ms                       | 33            | ３３
          1 ms < ３３ｍｓ                      | 33ms          | ３３ｍｓ
          1 ms < 33ｍｓ                       | ms            | ｍｓ
          1 ms ＜ 2 ms                        | <             | ＜
          """)
  void suggestsTheWordInAscii(String query, String suggestion, String marked) {
    var source = new SourceText("q", query);
    Diagnostic d = AstBuilder.parseQuery(source).diagnostics().get(0);
    assertEquals(Suggestions.meant(suggestion), d.notes().get(0), query);
    assertEquals(marked, source.slice(d.span()), query);
  }
}
