package dev.devq.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cost.LayerCost;
import dev.devq.cost.MemoryParts;
import dev.devq.cost.Prediction;
import dev.devq.lang.SourceText;
import dev.devq.query.eval.Session;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code explain} says beside its table holds together: the memory parts add up to the total
 * with the runtime's own memory named, the fallback summary counts every layer under its reason,
 * and a cut or a grouping accounts for the layers it shows.
 */
class ExplainSummaryTest {
  private static final String LLAMA =
      "latency(llama_3_1_8b(phase = decode, context = 2048), m1_max, units = cpu_and_ne)";

  private static Prediction explain(String query) {
    return DevqAssertions.explained(query);
  }

  @Test
  void memoryPartsAddUpAndNameTheRuntimeOverhead() {
    double overhead =
        DevqAssertions.kb().constants().get("runtime_memory_overhead").value().value().value();
    for (String q :
        List.of(LLAMA, "latency(mobilenet_v2, a16)", "latency(distilbert(seq = 128), iphone_12)")) {
      MemoryParts m = explain(q).memory();
      assertEquals(m.total(), m.weights() + m.activations() + m.kvCacheTotal() + m.runtime(), 1, q);
      assertEquals(explain(q).memoryBytes(), m.total(), 0, q);
      assertEquals(
          overhead, m.runtime(), overhead * 1e-9, q + ": the rest is the runtime's memory");
      assertTrue(ExplainTable.memory(m).contains("runtime overhead"), ExplainTable.memory(m));
    }
  }

  /**
   * A failing memory check names the parts explain shows, every one of them: under a release before
   * Core ML's states the KV cache is passed in and out, so it counts twice, in the check as in
   * explain (the check once left the copy out), and the runtime's own memory is a part of both (the
   * check once left it out, and its parts did not add up to its total).
   */
  @Test
  void aFailingMemoryCheckListsEveryPartExplainLists() {
    String memory = "memory(llama_3_1_8b, iphone_15_pro, os = \"iOS 17\")";
    Prediction est = explain(memory);
    assertTrue(est.memory().cacheCopy() > 0, "a release before states copies the cache");
    String explained = ExplainTable.memory(est.memory());
    var check =
        (dev.devq.query.eval.Outcome.Check) DevqAssertions.run(memory + " < 1MB").outcomes().get(0);
    assertFalse(check.pass());
    assertEquals(4, est.memory().shown().size());
    for (MemoryParts.Shown part : est.memory().shown()) {
      String named = part.label() + " " + ExplainTable.bytes(part.bytes());
      assertTrue(explained.contains(named), named + " in " + explained);
      assertTrue(check.dominated().contains(named), named + " in " + check.dominated());
    }
    assertTrue(
        check.dominated().endsWith(" of " + ExplainTable.bytes(est.memoryBytes())),
        check.dominated());
  }

  /**
   * A Neural Engine layer whose output stage outlasts its arithmetic is compute-bound, and the text
   * says it is the output stage that bounds it (a mark and a line under the table) where the JSON
   * keeps the contract's bound and gives the times to tell; an estimate without one says nothing.
   */
  @Test
  void aLayerBoundByItsOutputStageIsMarkedAndTheTableSaysWhatTheMarkMeans() {
    Prediction est = explain("latency(mobilenet_v2, a16)");
    LayerCost marked =
        est.layers().stream().filter(LayerCost::outputStageBound).findFirst().orElseThrow();
    assertEquals(dev.devq.cost.Bound.COMPUTE, marked.bound());
    assertTrue(marked.outputTime() > marked.computeTime(), marked.toString());
    String text = ExplainTable.render(est, false);
    String row =
        text.lines()
            .filter(l -> l.startsWith(marked.layer().name() + " "))
            .findFirst()
            .orElseThrow();
    assertTrue((row + " ").contains(" compute* "), row);
    assertTrue(text.contains("\n" + ExplainTable.OUTPUT_STAGE_LEGEND + "\n"), text);
    String json = ExplainJson.of(est).toString();
    assertFalse(
        json.contains("compute*"), "the JSON's bound stays one of compute, memory, overhead");
    String cpu =
        ExplainTable.render(explain("latency(mobilenet_v2, a16, units = cpu_only)"), false);
    assertFalse(cpu.contains("compute*"), cpu);
    assertFalse(cpu.contains(ExplainTable.OUTPUT_STAGE_LEGEND), cpu);
  }

  /**
   * The top of a range that names no release can reach an older release's Neural Engine dispatch,
   * many times a small model's estimate: explain says so under the total, and how to name a
   * release; naming one leaves the line out.
   */
  @Test
  void explainSaysWhenTheRangesTopAllowsForAnOlderRelease() {
    String unnamed = ExplainTable.render(explain("latency(mobilenet_v2, iphone_12)"), false);
    assertTrue(unnamed.contains("the top allows for iOS 16"), unnamed);
    assertTrue(unnamed.contains("os = \"iOS 17\""), unnamed);
    String named =
        ExplainTable.render(explain("latency(mobilenet_v2, iphone_12, os = \"iOS 17\")"), false);
    assertFalse(named.contains("the top allows for"), named);
  }

  /**
   * No line of the text ends in a space (the per-unit and per-bound lines did), and the bytes
   * column says they are DRAM bytes: a layer that stays on chip shows 0 B beside a memory time.
   */
  @Test
  void theTextHasNoTrailingSpacesAndNamesItsDramBytes() {
    for (String q :
        List.of(
            LLAMA,
            "latency(mobilenet_v2, a16, units = cpu_and_gpu)",
            "latency(par(distilbert(seq = 128), mobilenet_v2), iphone_15_pro)")) {
      var x = DevqAssertions.interpreter().explain(new SourceText("test", q), Session.EMPTY);
      for (ExplainCut cut : List.of(ExplainCut.ALL, new ExplainCut(0, "unit"))) {
        String text = ExplainTable.render(x.estimate(), false, cut);
        for (String line : text.split("\n")) {
          assertEquals(line.stripTrailing(), line, q + ": a trailing space in\n" + text);
        }
        if (!q.startsWith("latency(par")) {
          assertTrue(text.contains(" DRAM bytes "), text);
        }
      }
    }
  }

  @Test
  void theFallbackSummaryCountsEveryReason() {
    Prediction p =
        explain("latency(deeplabv3_mobilenet_v3, iphone_xs, units = cpu_and_ne, os = \"iOS 14\")");
    List<ExplainTable.Fallback> reasons = ExplainTable.fallbacks(p);
    assertTrue(
        reasons.size() >= 2, "DeepLabV3 on an A12 falls back for more than one reason: " + reasons);
    assertEquals(
        p.fallbacks().size(), reasons.stream().mapToInt(ExplainTable.Fallback::layers).sum());
    for (int i = 1; i < reasons.size(); i++) {
      assertTrue(reasons.get(i - 1).layers() >= reasons.get(i).layers(), "most layers first");
    }
    String text = ExplainTable.summary(p);
    reasons.forEach(r -> assertTrue(text.contains(r.layers() + " × " + r.op()), text));
  }

  @Test
  void groupsAccountForEveryLayerAndTopKeepsTheSlowest() {
    Prediction p = explain(LLAMA);
    double all = p.layers().stream().mapToDouble(LayerCost::time).sum();
    for (String g : ExplainCut.GROUPS) {
      var groups = new ExplainCut(0, g).groups(p);
      assertEquals(p.layers().size(), groups.stream().mapToInt(ExplainCut.Group::layers).sum(), g);
      assertEquals(all, groups.stream().mapToDouble(ExplainCut.Group::time).sum(), all * 1e-9, g);
    }
    List<LayerCost> top = new ExplainCut(5, "").layers(p);
    assertEquals(5, top.size());
    double fifth = top.get(4).time();
    assertTrue(p.layers().stream().filter(c -> c.time() > fifth).count() <= 4, "the 5 slowest");
  }

  @Test
  void switchesAboveTenPercentAreCalledOut() {
    Prediction p = explain("latency(distilbert(seq = 128), iphone_15_pro, units = cpu_and_ne)");
    String text = ExplainTable.summary(p);
    boolean notable = p.switchTime() / p.latency() > ExplainTable.NOTABLE;
    assertEquals(notable, text.contains("of the total, moving data between units"), text);
  }
}
