package dev.devq.query.eval;

import static dev.devq.DevqAssertions.bool;
import static dev.devq.DevqAssertions.eval;
import static dev.devq.DevqAssertions.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.cost.CannotRun;
import dev.devq.cost.MemoryLimit;
import dev.devq.cost.MemoryParts;
import dev.devq.cost.Prediction;
import dev.devq.lang.SourceText;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model that cannot fit in a device's memory has no latency there: "cannot run" is a value every
 * construct of the language understands. Llama 2 13B in F16 needs 26.9 GB; an app on an iPhone 12
 * may use 4 GB (with the increased-memory-limit entitlement), so under llama.cpp it cannot run
 * there (it once answered 852 ms). {@link CannotRunReleaseTest} holds the same value's other cause,
 * an OS release the target never runs; {@link ChipRefusalTest} the limit of a bare SoC.
 */
class CannotRunTest {
  private static final String BIG = "llama_2_13b";
  private static final String ON = ", iphone_12, runtime = llama_cpp)";

  /** Every estimate function that needs the model in memory answers "cannot run". */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "latency(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "fps(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "energy(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "power(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "battery(llama_2_13b, iphone_12, 1fps, 1h, runtime = llama_cpp)",
        "load_time(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "ttft(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "decode_rate(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "latency(llama_3_70b, iphone_x)",
        "latency(seq(qwen3_0_6b, llama_2_13b), iphone_12, runtime = llama_cpp)",
        "latency(llama_2_13b, iphone_12, runtime = llama_cpp) * 2 + 1ms",
        "-latency(llama_2_13b, iphone_12, runtime = llama_cpp)",
        "latency(llama_2_13b, iphone_12, runtime = llama_cpp) in ms",
        "latency(llama_2_13b, iphone_12, runtime = llama_cpp).high",
      })
  void estimatesOfAModelThatDoesNotFitCannotRun(String query) {
    assertInstanceOf(Value.CannotRunV.class, eval(query), query);
  }

  /** memory() and size() still answer: they are how a user sees why. */
  @Test
  void memoryAndSizeStillAnswer() {
    assertTrue(DevqAssertions.quantity("memory(" + BIG + ON).value() > 26e9);
    assertTrue(DevqAssertions.quantity("size(" + BIG + ")").value() > 26e9);
  }

  @Test
  void theValueSaysWhoNeedsWhatAndWhatTheDeviceAllows() {
    CannotRun why = ((Value.CannotRunV) eval("latency(" + BIG + ON)).why();
    assertEquals(BIG, why.model());
    assertEquals("iphone_12", why.target());
    assertEquals(MemoryLimit.ENTITLED, ((CannotRun.Memory) why).limit().field());
    assertEquals(
        "llama_2_13b needs 26.9 GB; an app on iPhone 12 may use 4 GB"
            + " with the increased-memory-limit entitlement",
        why.reason(),
        "reason");
  }

  /**
   * The limit a refusal names, and whether it says that the limit with the entitlement is unknown:
   * only on an iPhone or iPad without one, and only when the model would fit in its RAM (no
   * entitlement lifts a limit past it). An 8 GB iPhone 16 Pro takes the 8 GB class's 6 GB, so a
   * 4-bit Llama 2 7B (4.34 GB) runs there as on the iPhone 15 Pro it was measured on.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(opt_1_3b, iphone_11)          | opt_1_3b needs 2.85 GB; an app on iPhone 11 may use 2.07 GB (its limit with the increased-memory-limit entitlement is not known)
      latency(llama_2_7b, iphone_11)        | llama_2_7b needs 14 GB; an app on iPhone 11 may use 2.07 GB
      latency(llama_3_70b, macbook_air_m1)  | llama_3_70b needs 141 GB; an app on MacBook Air (M1, 2020) may use 8 GB
      latency(llama_2_7b, iphone_16_pro)    | llama_2_7b needs 14 GB; an app on iPhone 16 Pro may use 6 GB with the increased-memory-limit entitlement
      latency(opt_1_3b, ipad_pro_m4)        |
      latency(quantize(llama_2_7b, w4), iphone_16_pro, runtime = executorch) |
      latency(quantize(llama_2_7b, w4), iphone_15_pro, runtime = executorch) |
      """)
  void theRefusalSaysWhichLimitAndWhetherTheEntitledOneIsKnown(String query, String reason) {
    Value v = eval(query);
    if (reason == null) {
      assertFalse(v instanceof Value.CannotRunV, query + " runs");
    } else {
      assertEquals(reason, ((Value.CannotRunV) v).why().reason(), query);
    }
  }

  /** A comparison with it is false, whichever way it points. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      latency(llama_2_13b, iphone_12, runtime = llama_cpp) < 1s
      latency(llama_2_13b, iphone_12, runtime = llama_cpp) >= 0s
      1 h > latency(llama_2_13b, iphone_12, runtime = llama_cpp)
      latency(llama_2_13b, iphone_12, runtime = llama_cpp) + 1ms < 1 h
      fps(llama_2_13b, iphone_12, runtime = llama_cpp) > 0 fps
      not (latency(llama_2_13b, iphone_12, runtime = llama_cpp) > 1s)
      latency(llama_2_13b, iphone_12, runtime = llama_cpp) < 1s or 1 > 2
      not (latency(llama_2_13b, iphone_12, runtime = llama_cpp) > 1s and 1 < 2)
      all m in [llama_2_13b]: not (latency(m, iphone_12, runtime = llama_cpp) > 1s)
      not all m in [llama_2_13b]: latency(m, iphone_12, runtime = llama_cpp) < 1s
      not any m in [llama_2_13b]: latency(m, iphone_12, runtime = llama_cpp) < 1s
      not all m in [qwen3_0_6b, llama_2_13b]: latency(m, iphone_12, runtime = llama_cpp) < 1h
      not (all m in [llama_2_13b]: latency(m, iphone_12, runtime = llama_cpp) < 1s) and 1 < 2
      not any m in [llama_2_13b, qwen3_0_6b]: latency(m, iphone_12, runtime = llama_cpp) > 1h
      not all m in [llama_2_13b]: 0s < 1s < latency(m, iphone_12, runtime = llama_cpp)
      """)
  void comparisonsWithItAreFalseAndNoNegationMakesThemTrue(String query) {
    assertFalse(bool(query), query);
  }

  /**
   * "Cannot run" is unknown, not false: what holds whatever it is still holds, and an item that ran
   * decides a quantifier whatever the others would have done (the last: a chain whose first link is
   * false is false before its side that cannot run is compared).
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "latency(llama_2_13b, iphone_12, runtime = llama_cpp) < 1s or 1 < 2",
        "not (latency(llama_2_13b, iphone_12, runtime = llama_cpp) < 1s and 1 > 2)",
        "not all m in [llama_2_13b, qwen3_0_6b]: latency(m, iphone_12, runtime = llama_cpp) < 1ns",
        "any m in [llama_2_13b, qwen3_0_6b]: latency(m, iphone_12, runtime = llama_cpp) < 1h",
        "(not all m in [llama_2_13b]: latency(m, iphone_12, runtime = llama_cpp) < 1s) or 1 < 2",
        "not all m in [llama_2_13b]: 0s > 1s < latency(m, iphone_12, runtime = llama_cpp)",
      })
  void whatHoldsEitherWayStillHolds(String query) {
    assertTrue(bool(query), query);
  }

  @Test
  void aNegatedCheckWithItFailsSayingWhy() {
    var check = (Outcome.Check) run("not (latency(" + BIG + ON + " > 1s)").outcomes().get(0);
    assertFalse(check.pass());
    assertTrue(check.dominated().startsWith("cannot run: llama_2_13b"), check.dominated());
  }

  @Test
  void aCheckWithItFailsSayingWhy() {
    var check = (Outcome.Check) run("latency(" + BIG + ON + " < 1s").outcomes().get(0);
    assertFalse(check.pass());
    assertEquals(
        "cannot run: llama_2_13b needs 26.9 GB; an app on iPhone 12 may use 4 GB"
            + " with the increased-memory-limit entitlement",
        check.dominated());
    assertEquals(List.of(), check.leftOut(), "the reason is said once, not again as left out");
  }

  @Test
  void aFilterLeavesItOutAndSaysSo() {
    var run = run("[m in [qwen3_0_6b, " + BIG + "] where latency(m" + ON + " < 2s]");
    var shown = (Outcome.Shown) run.outcomes().get(0);
    var items = ((Value.ListV) shown.value()).items();
    assertEquals(1, items.size());
    assertEquals("qwen3_0_6b", ((Value.ModelV) items.get(0)).model().label());
    assertEquals(
        List.of(BIG), LeftOut.refused(shown.leftOut()).stream().map(CannotRun::model).toList());
  }

  @Test
  void allNamesItAmongItsCounterexamples() {
    var check =
        (Outcome.Check)
            run("all m in [qwen3_0_6b, " + BIG + "]: latency(m" + ON + " < 2s").outcomes().get(0);
    assertFalse(check.pass());
    Outcome.Case counterexample = check.cases().decisive().get(0);
    assertEquals(BIG, ((Value.ModelV) counterexample.item()).model().label());
    assertInstanceOf(Value.CannotRunV.class, counterexample.operands().get(0));
  }

  @Test
  void anyDoesNotCountItAsAWitness() {
    var check =
        (Outcome.Check) run("any m in [" + BIG + "]: latency(m" + ON + " < 1h").outcomes().get(0);
    assertFalse(check.pass());
    assertEquals(
        List.of(BIG), LeftOut.refused(check.leftOut()).stream().map(CannotRun::model).toList());
  }

  /** Without the rule the largest model has the largest latency; with it, it does not qualify. */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      argmax m in [qwen3_0_6b, llama_2_13b] by latency(m, iphone_12, runtime = llama_cpp)  | qwen3_0_6b
      argmin m in [llama_2_13b, qwen3_0_6b] by -latency(m, iphone_12, runtime = llama_cpp) | qwen3_0_6b
      """)
  void argminAndArgmaxSkipIt(String query, String expected) {
    assertEquals(expected, ((Value.ModelV) eval(query)).model().label());
  }

  /**
   * min(a, b) and max(a, b) are arithmetic: an argument that cannot run makes them "cannot run".
   */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "max(latency(qwen3_0_6b, iphone_12, runtime = llama_cpp), latency(llama_2_13b, iphone_12,"
            + " runtime = llama_cpp))",
        "min(latency(llama_2_13b, iphone_12), 2ms)",
        "min(2ms, latency(llama_2_13b, iphone_12), 1ms)",
      })
  void twoArgumentMinAndMaxKeepIt(String query) {
    var run = run(query);
    var shown = (Outcome.Shown) run.outcomes().get(0);
    assertInstanceOf(Value.CannotRunV.class, shown.value(), query);
    assertEquals(List.of(), shown.leftOut(), "kept, not left out: the value says why");
  }

  /** The aggregate min … by skips what cannot run and says so. */
  @Test
  void theAggregateMinSkipsIt() {
    var run = run("min m in [qwen3_0_6b, " + BIG + "] by latency(m" + ON);
    var shown = (Outcome.Shown) run.outcomes().get(0);
    assertEquals(
        DevqAssertions.quantity("latency(qwen3_0_6b" + ON).value(),
        ((Value.QuantityV) shown.value()).quantity().value());
    assertEquals(
        List.of(BIG), LeftOut.refused(shown.leftOut()).stream().map(CannotRun::model).toList());
  }

  @Test
  void aTypedHoleLeavesOutTheTargetsItCannotRunOn() {
    var fill =
        (Outcome.HoleFill)
            run("latency(" + BIG + ", ?, runtime = llama_cpp) < 1s").outcomes().get(0);
    for (int i = 0; i < fill.targets().size(); i++) {
      if (fill.targets().get(i).entity().id().equals("iphone_12")) {
        assertEquals(new Value.BoolV(false), fill.values().get(i));
      }
    }
    assertTrue(
        LeftOut.refused(fill.leftOut()).stream().anyMatch(c -> c.target().equals("iphone_12")));
  }

  /** Where a number is needed, it is an error that says why: never infinity or NaN. */
  @Test
  void whereANumberIsNeededItIsAPositionedError() {
    String text =
        DevqAssertions.assertFails(
            "battery(qwen3_0_6b, iphone_12, fps(" + BIG + ON + ", 1h)",
            dev.devq.lang.DiagnosticCode.UNSUPPORTED);
    assertTrue(text.contains("cannot run: llama_2_13b needs 26.9 GB"), text);
  }

  /** frame() is arithmetic on a rate (1 / rate): a rate that cannot run stays "cannot run". */
  @Test
  void frameKeepsIt() {
    assertInstanceOf(Value.CannotRunV.class, eval("frame(fps(" + BIG + ON + ")"));
  }

  /** The rule's boundary: a model exactly at the limit runs; one byte more does not. */
  @Test
  void exactlyAtTheLimitRuns() {
    Prediction p = prediction("latency(mobilenet_v2, iphone_12)");
    double limit = MemoryLimit.of(p.target(), p.conditions()).bytes();
    assertTrue(MemoryLimit.refusal(withMemory(p, limit)).isEmpty(), "exactly at the limit");
    assertTrue(MemoryLimit.refusal(withMemory(p, Math.nextUp(limit))).isPresent(), "just above");
  }

  /** Every model on every device: the sweep completes, and only models that do not fit fail. */
  @Test
  void aSweepOverEveryModelAndDeviceCompletes() {
    var run = run("all m in models: all d in devices: latency(m, d) > 0 ms");
    assertTrue(run.ok(), () -> run.diagnostics().toString());
    var check = (Outcome.Check) run.outcomes().get(0);
    assertFalse(check.pass(), "some model does not fit some device");
    var refused = LeftOut.refused(check.leftOut()).stream().map(CannotRun::model).toList();
    for (Outcome.Case c : check.cases().decisive()) {
      String model = ((Value.ModelV) c.item()).model().label();
      // a latency is never 0 ms or less: only a model that cannot run somewhere fails
      assertTrue(refused.contains(model), model + " failed but cannot-run names only " + refused);
    }
  }

  private static Prediction prediction(String query) {
    var x = DevqAssertions.interpreter().evaluate(new SourceText("<q>", query), Session.EMPTY);
    return (Prediction) x.estimate();
  }

  private static Prediction withMemory(Prediction p, double bytes) {
    return DevqAssertions.altered(
        p,
        new MemoryParts(bytes, 0, 0, 0, 0),
        p.rangeLow(),
        p.rangeHigh(),
        p.calibratedRangeHigh());
  }
}
