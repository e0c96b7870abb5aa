package dev.devq.query.eval;

import static dev.devq.DevqAssertions.interpreter;
import static dev.devq.DevqAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.lang.SourceText;
import dev.devq.lang.unit.Dimension;
import dev.devq.lang.unit.Dimensions;
import dev.devq.query.check.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A table keeps why its cells are unknown with its rows ({@link Value.TableV#leftOut}): the reasons
 * go wherever the table goes, and a row a {@code top} cut takes its reasons with it.
 */
class TableLeftOutTest {
  private static final String FAILING =
      "table r in [0, 224]: r, latency(mobilenet_v2(resolution = r), a16)";

  private static Outcome.Shown shown(String query) {
    Interpreter.Run r = run(query);
    assertTrue(r.ok(), () -> query + ": " + r.diagnostics());
    return assertInstanceOf(Outcome.Shown.class, r.outcomes().get(0));
  }

  @Test
  void aTableCarriesWhyItsCellsAreUnknown() {
    var table = assertInstanceOf(Value.TableV.class, shown(FAILING).value());
    assertEquals(1, table.leftOut().size(), table.leftOut()::toString);
    var cell = assertInstanceOf(LeftOut.FailedCell.class, table.leftOut().get(0));
    assertEquals(List.of(new LeftOut.Binding("r", table.rows().get(0).get(0))), cell.row());
  }

  @Test
  void aTableBoundToANameAndShownLaterStillSaysWhy() {
    var table = (Value.TableV) shown(FAILING).value();
    Type type =
        new Type.Table(
            table.headers(),
            List.of(new Type.Quantity(Dimension.NONE), new Type.Quantity(Dimensions.TIME)));
    Session session = Session.EMPTY.bind("t", type, table);
    Interpreter.Run later = interpreter().run(new SourceText("<query>", "t"), session, false);
    assertTrue(later.ok(), later.diagnostics()::toString);
    assertEquals(table.leftOut(), ((Outcome.Shown) later.outcomes().get(0)).leftOut());
  }

  @Test
  void aRowTopCutSaysNothing() {
    Outcome.Shown top =
        shown("table r in [0, 224]: r by latency(mobilenet_v2(resolution = r), a16) top 1");
    assertEquals(1, ((Value.TableV) top.value()).rows().size());
    assertEquals(List.of(), top.leftOut());
    Outcome.Shown cannotRunCut =
        shown("table m in [mobilenet_v2, llama_2_13b]: m, latency(m, iphone_12) top 1");
    assertEquals(List.of(), cannotRunCut.leftOut());
  }

  @Test
  void aFailingCellKeepsItsErrorsCodeAndNotes() {
    var cell =
        (LeftOut.FailedCell)
            shown("table d in [iphone_12, mac_mini_m2]: battery(mobilenet_v2, d, 30fps, 1h)")
                .leftOut()
                .get(0);
    assertEquals(dev.devq.lang.DiagnosticCode.UNKNOWN_FACT, cell.error().code());
    assertEquals(List.of("battery() needs a device with battery_wh"), cell.error().notes());
  }
}
