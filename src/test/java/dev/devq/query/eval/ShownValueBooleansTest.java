package dev.devq.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.Diagnostic;
import dev.devq.lang.Severity;
import dev.devq.lang.SourceText;
import dev.devq.lang.Span;
import dev.devq.query.check.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Values whose booleans only evaluation shows: a record's fields and a mixed list's items have no
 * type before. At the top of a file such a value holding a boolean reads like a check and is none,
 * so it is refused as a list of booleans is; bound by a {@code let} nothing reads, likewise.
 */
class ShownValueBooleansTest {
  private static final SourceText SOURCE = new SourceText("f.devq", "r\n");
  private static final Span SPAN = new Span(0, 1);

  private static Value.RecordV record(Value field) {
    return new Value.RecordV(
        "unit",
        "ane",
        List.of(new Value.Field("cores", new Value.StrV("16")), new Value.Field("fast", field)));
  }

  @Test
  void aRecordHoldingABooleanIsRefusedNamingTheField() {
    Diagnostic d = ShownBooleans.ofValue(record(new Value.BoolV(false)), SOURCE, SPAN);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(
        "a record holding booleans is not a check: a false in it would not fail", d.message());
    assertTrue(d.notes().get(0).endsWith("r.fast"), d.notes().toString());
  }

  @Test
  void aListHoldingABooleanAmongOtherKindsIsRefused() {
    var mixed = new Value.ListV(List.of(new Value.StrV("a"), record(new Value.BoolV(true))));
    Diagnostic d = ShownBooleans.ofValue(mixed, SOURCE, SPAN);
    assertEquals("a list of booleans is not a check: a false in it would not fail", d.message());
  }

  @Test
  void aRecordWithoutBooleansIsShown() {
    assertNull(ShownBooleans.ofValue(record(new Value.StrV("yes")), SOURCE, SPAN));
  }

  @Test
  void anUnreadLetOfSuchARecordIsRefused() {
    Diagnostic d =
        ShownBooleans.unreadLet("r", Type.ANY, record(new Value.BoolV(true)), SOURCE, SPAN);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(
        "'r' holds booleans that no later statement reads: it is shown, never checked",
        d.message());
  }
}
