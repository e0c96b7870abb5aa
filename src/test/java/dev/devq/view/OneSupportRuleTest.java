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
  @ValueSource(strings = {"newest", "iOS 16", "iOS 17", "iOS 18", "macOS 14"})
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

  /**
   * The text grid shows the same cells as the JSON one (✓ ~ ✗ ?, in column order), and under {@code
   * --os} names exactly the shown chips that do not run it, so a ✗ column says why: with their last
   * release when it is older, their first when it is newer, or as in no device of its platform
   * (A-series chips under macOS). Without it, it names the chips whose devices never get the op's
   * first release.
   */
  @ParameterizedTest(name = "os = {0}")
  @ValueSource(strings = {"newest", "iOS 17", "iOS 18", "iOS 26", "macOS 15"})
  void textGridShowsTheRuleAndEachChipsLastOs(String os) {
    OsVersion release = os.equals("newest") ? null : OsVersion.parse(os);
    KnowledgeBase kb = DevqAssertions.kb();
    var grid = new SupportGrid(kb, null, null, release);
    Op op = kb.ops().get("scaled_dot_product_attention");
    String text = grid.text(op);
    ObjectNode json = JsonRender.MAPPER.createObjectNode();
    grid.json(op, json);
    for (ComputeUnit unit : ComputeUnit.values()) {
      String row =
          text.lines()
              .filter(l -> l.startsWith("  " + unit.title() + "  "))
              .findFirst()
              .orElseThrow();
      StringBuilder expected = new StringBuilder();
      json.get("grid")
          .get(unit.key())
          .forEach(
              cell ->
                  expected.append(
                      switch (SupportStatus.valueOf(
                          cell.asText().toUpperCase(java.util.Locale.ROOT))) {
                        case YES -> "✓";
                        case PARTIAL -> "~";
                        case NO -> "✗";
                        case UNKNOWN -> "?";
                      }));
      assertEquals(expected.toString(), row.substring(unit.title().length() + 2).replace(" ", ""));
    }
    List<String> expected = new ArrayList<>();
    for (Soc soc : kb.socs().values()) {
      if (!json.get("grid").get("cpu").has(soc.id())) {
        continue;
      }
      boolean notRun =
          release != null
              ? !SupportRule.runs(kb, soc, release)
              : java.util.Arrays.stream(ComputeUnit.values())
                  .anyMatch(
                      u ->
                          SupportRule.verdict(kb, op, soc, u, null).cause()
                              == SupportRule.Cause.NEVER_REACHES_OS);
      if (notRun) {
        expected.add(label(soc));
      }
    }
    // the fused op's first release (iOS 18) is past the A11's last (iOS 16): named without --os too
    if (release == null) {
      assertEquals(List.of("A11"), expected);
    }
    List<String> named = new ArrayList<>();
    text.lines()
        .filter(l -> l.contains(" does not run on "))
        .forEach(
            l -> {
              String chips = l.substring(l.indexOf(" does not run on ") + 17);
              boolean otherPlatform = chips.endsWith(" (in no Mac)") || chips.endsWith(" iPad)");
              for (String chip : chips.replaceFirst(" \\(in no [^)]*\\)$", "").split(", ")) {
                assertEquals(
                    !otherPlatform, chip.contains(" (last: ") || chip.contains(" (first: "), l);
                named.add(chip.replaceFirst(" \\((last|first): .*", ""));
              }
            });
    assertEquals(expected.stream().sorted().toList(), named.stream().sorted().toList(), text);
  }

  private static String label(Soc soc) {
    return soc.id().toUpperCase(java.util.Locale.ROOT).replace("_PRO", "P").replace("_MAX", "X");
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
