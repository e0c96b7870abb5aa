package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.devq.DevqAssertions;
import dev.devq.cost.PlacementProbe;
import dev.devq.kb.ComputeUnit;
import dev.devq.kb.KnowledgeBase;
import dev.devq.kb.Op;
import dev.devq.kb.OsVersion;
import dev.devq.kb.Soc;
import dev.devq.kb.SupportRule;
import dev.devq.kb.SupportStatus;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Outcome;
import dev.devq.query.eval.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code supported()}, the cost model's placement and the grid of {@code devq search} give the same
 * answer for every op, compute unit and SoC of the catalog, under the newest OS and under older
 * releases: they all ask {@link SupportRule}.
 */
class OneSupportRuleTest {
  @ParameterizedTest(name = "os = {0}")
  @ValueSource(strings = {"newest", "iOS 16", "iOS 17", "macOS 14"})
  void supportedPlacementAndSearchGridAgreeOnTheWholeCatalog(String os) {
    OsVersion release = os.equals("newest") ? null : OsVersion.parse(os);
    var devq = DevqAssertions.devq();
    KnowledgeBase kb = DevqAssertions.kb(devq);
    List<String> disagreements = new ArrayList<>();
    int cells = 0;
    for (Soc soc : kb.socs().values()) {
      var grid = new SupportGrid(kb, null, soc, release);
      for (Op op : kb.ops().values()) {
        ObjectNode json = JsonRender.MAPPER.createObjectNode();
        grid.json(op, json);
        for (ComputeUnit unit : ComputeUnit.values()) {
          cells++;
          SupportStatus rule = SupportRule.status(kb, op, soc, unit, release);
          String cell = json.get("grid").get(unit.key()).get(soc.id()).asText();
          boolean supported = supported(devq, op, soc, unit, os);
          boolean placeable = PlacementProbe.mayPlace(kb, soc, release, unit, op.id());
          boolean expectSupported = rule == SupportStatus.YES || rule == SupportStatus.PARTIAL;
          boolean expectPlaceable = rule != SupportStatus.NO;
          if (!cell.equals(rule.key())
              || supported != expectSupported
              || placeable != expectPlaceable) {
            disagreements.add(
                op.id()
                    + " on "
                    + soc.id()
                    + " "
                    + unit.key()
                    + ": rule "
                    + rule.key()
                    + ", grid "
                    + cell
                    + ", supported() "
                    + supported
                    + ", placement "
                    + placeable);
          }
        }
      }
    }
    assertEquals(List.of(), disagreements, "of " + cells + " cells");
  }

  private static boolean supported(
      dev.devq.Devq devq, Op op, Soc soc, ComputeUnit unit, String os) {
    // quoted: some op ids (argmax, min) are keywords of the language
    String q =
        "supported(\""
            + op.id()
            + "\", "
            + soc.id()
            + ", "
            + unit.key()
            + (os.equals("newest") ? "" : ", os = \"" + os + "\"")
            + ")";
    var run = DevqAssertions.interpreter(devq).run(new SourceText("<q>", q), Session.EMPTY, false);
    assertEquals(List.of(), run.diagnostics(), q);
    return ((Outcome.Check) run.outcomes().get(0)).pass();
  }
}
