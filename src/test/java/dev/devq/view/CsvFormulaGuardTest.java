package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.devq.lang.unit.Quantity;
import dev.devq.query.eval.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A CSV field a spreadsheet would run as a formula (it starts with = + - @, a tab or a carriage
 * return) opens as text: a leading ' and quotes. Numbers, negative ones too, stay numbers.
 */
class CsvFormulaGuardTest {
  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "=HYPERLINK(\"http://example.com\")|\"'=HYPERLINK(\"\"http://example.com\"\")\"",
        "+1|\"'+1\"",
        "-2+3|\"'-2+3\"",
        "@SUM(A1)|\"'@SUM(A1)\"",
        "=1,2|\"'=1,2\"",
        "-3.5|-3.5",
        "-12|-12",
        "0.25|0.25",
        "plain|plain",
        "a=b|a=b",
        "a, b|\"a, b\"",
      })
  void aFieldThatWouldRunAsAFormulaIsGuarded(String field, String written) {
    assertEquals(written, TableView.field(field));
  }

  @Test
  void aTabOrCarriageReturnFirstIsGuardedToo() {
    assertEquals("\"'\tx\"", TableView.field("\tx"));
    assertEquals("\"'\rx\"", TableView.field("\rx"));
  }

  @Test
  void spacesBeforeAFormulaDoNotHideIt() {
    // LibreOffice trims a field's leading spaces before it reads a formula
    assertEquals("\"' =1+1\"", TableView.field(" =1+1"));
    assertEquals("\"'  @SUM(A1)\"", TableView.field("  @SUM(A1)"));
    assertEquals(" -3.5", TableView.field(" -3.5"));
  }

  @Test
  void aTableGuardsItsTextCellsAndLabelsNotItsNumbers() {
    var table =
        new Value.TableV(
            List.of("=label", "n"),
            List.of(
                List.of(new Value.StrV("=1+1"), new Value.QuantityV(Quantity.number(-3.5))),
                List.of(new Value.StrV("-3.5"), new Value.QuantityV(Quantity.number(2)))));
    assertEquals("\"'=label\",n\r\n\"'=1+1\",-3.5\r\n-3.5,2\r\n", new TableView(table).csv());
  }

  @Test
  void aCommentLineCannotStartAFormulaAfterAComma() {
    assertEquals(
        "# unknown where s = a,'=cmd(), b: bad value\r\n",
        CannotRunText.csvLine("unknown where s = a,=cmd(), b: bad value"));
    assertEquals("# s = a,'\"=cmd()\": bad\r\n", CannotRunText.csvLine("s = a,\"=cmd()\": bad"));
    assertEquals("# two lines as one\r\n", CannotRunText.csvLine("two\nlines as one"));
    // LibreOffice trims a field's leading spaces before it reads a formula
    assertEquals("# a,' =cmd(), b\r\n", CannotRunText.csvLine("a, =cmd(), b"));
  }
}
