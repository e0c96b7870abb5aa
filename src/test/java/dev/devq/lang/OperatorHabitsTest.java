package dev.devq.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An operator of another language is reported once, under the whole operator, with the devq way to
 * write it; where '=' or '/' is a mistake of another kind, no such hint is given.
 */
class OperatorHabitsTest {
  @ParameterizedTest(name = "{0}  =>  ''{1}'': {2}")
  @CsvSource(
      delimiterString = " ~ ",
      textBlock =
          """
      true && false ~ && ~ devq writes 'and': a and b
      true & false ~ & ~ devq writes 'and': a and b
      true || false ~ || ~ devq writes 'or': a or b
      !true ~ ! ~ devq writes 'not': not a
      1 <> 2 ~ <> ~ write '!=' for 'not equal'
      2 ** 3 ~ ** ~ multiply it out (2 * 2 * 2) or write the value
      2 ^ 3 ~ ^ ~ multiply it out (2 * 2 * 2) or write the value
      2 // 3 ~ // ~ a comment begins with '#' and runs to the end of its line
      // a comment ~ // ~ a comment begins with '#' and runs to the end of its line
      1 = 1 ~ = ~ to compare, write '=='
      a16.year = 2022 ~ = ~ to compare, write '=='
      all d in devices where d.year = 2021: d.ram > 1 GB ~ = ~ to compare, write '=='
      [1, 2] = [1, 2] ~ = ~ to compare, write '=='
      """)
  void anOperatorOfAnotherLanguageNamesTheDevqForm(String query, String at, String note) {
    List<Diagnostic> found = AstBuilder.parseQuery(new SourceText("q", query)).diagnostics();
    assertEquals(1, found.size(), () -> DiagnosticRenderer.render(found));
    Diagnostic d = found.get(0);
    assertEquals(DiagnosticCode.SYNTAX, d.code());
    assertEquals(at, query.substring(d.span().start(), d.span().end()), "the caret");
    assertEquals("unexpected '" + at + "'", d.message());
    assertEquals(List.of(note), d.notes(), () -> DiagnosticRenderer.render(found));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      let = 3
      latency(mobilenet_v2, = 3)
      let x = = 3
      1 / / 2
      2 * * 3
      """)
  void noHintWhereTheMistakeIsAnother(String query) {
    List<Diagnostic> found = AstBuilder.parseQuery(new SourceText("q", query)).diagnostics();
    assertTrue(!found.isEmpty(), query);
    for (Diagnostic d : found) {
      assertTrue(
          d.notes().stream().noneMatch(n -> n.contains("'=='") || n.contains("'#'")),
          () -> DiagnosticRenderer.render(found));
      assertTrue(!d.message().contains("**") && !d.message().contains("//"), d.message());
    }
  }
}
