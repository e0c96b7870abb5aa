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
import dev.devq.cost.Prediction;
import dev.devq.kb.SupportRule;
import dev.devq.lang.SourceText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A model that cannot fit in a device's memory, or a target that never runs the OS release asked
 * for, has no latency there: "cannot run" is a value every construct of the language understands.
 * Llama 2 13B in F16 needs 26.9 GB; an app on an iPhone 12 may use 4 GB (with the
 * increased-memory-limit entitlement), so under llama.cpp it cannot run there (it once answered 852
 * ms).
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
      """)
  void comparisonsWithItAreFalseAndNoNegationMakesThemTrue(String query) {
    assertFalse(bool(query), query);
  }

  /** "Cannot run" is unknown, not false: what holds whatever it is still holds. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "latency(llama_2_13b, iphone_12, runtime = llama_cpp) < 1s or 1 < 2",
        "not (latency(llama_2_13b, iphone_12, runtime = llama_cpp) < 1s and 1 > 2)",
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
    assertEquals(List.of(BIG), shown.leftOut().stream().map(CannotRun::model).toList());
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
    assertEquals(List.of(BIG), check.leftOut().stream().map(CannotRun::model).toList());
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
    assertEquals(List.of(BIG), shown.leftOut().stream().map(CannotRun::model).toList());
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
    assertTrue(fill.leftOut().stream().anyMatch(c -> c.target().equals("iphone_12")));
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

  /** A bare SoC has no RAM of its own: it never refuses on memory. */
  @Test
  void aBareSocNeverRefuses() {
    assertInstanceOf(Value.QuantityV.class, eval("latency(" + BIG + ", a14, runtime = llama_cpp)"));
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
    var refused = check.leftOut().stream().map(CannotRun::model).toList();
    for (Outcome.Case c : check.cases().decisive()) {
      String model = ((Value.ModelV) c.item()).model().label();
      // a latency is never 0 ms or less: only a model that cannot run somewhere fails
      assertTrue(refused.contains(model), model + " failed but cannot-run names only " + refused);
    }
  }

  // ---- an OS release the target never runs: the same value, for each of the rule's three causes

  /** A target of each cause under iOS 18, and the support rule's words for it. */
  private static Stream<Arguments> causes() {
    return Stream.of(
        Arguments.of(
            "mac_mini_m1",
            SupportRule.Cause.OTHER_PLATFORM,
            "no Mac with the M1 runs iOS or iPadOS"),
        Arguments.of(
            "iphone_x",
            SupportRule.Cause.AFTER_LAST_OS,
            "no iPhone with the A11 Bionic runs iOS 18; their last is iOS 16"),
        Arguments.of(
            "iphone_17",
            SupportRule.Cause.BEFORE_FIRST_OS,
            "this iPhone shipped with iOS 26: it never ran iOS 18"));
  }

  /** Every construct, with {@code T} standing for the target that never runs iOS 18. */
  private static Stream<Arguments> constructsByCause(String... constructs) {
    return causes()
        .flatMap(
            c ->
                Stream.of(constructs)
                    .map(
                        q ->
                            Arguments.of(
                                q.replace("T", (String) c.get()[0]), c.get()[1], c.get()[2])));
  }

  private static final String IOS18 = ", os = \"iOS 18\")";

  private static Stream<Arguments> estimatesUnderARelease() {
    return constructsByCause(
        "latency(mobilenet_v2, T" + IOS18,
        "fps(mobilenet_v2, T" + IOS18,
        "memory(mobilenet_v2, T" + IOS18,
        "energy(mobilenet_v2, T" + IOS18,
        "power(mobilenet_v2, T" + IOS18,
        "load_time(mobilenet_v2, T" + IOS18,
        "battery(mobilenet_v2, T, 30fps, 1h" + IOS18,
        "ttft(qwen3_0_6b, T" + IOS18,
        "decode_rate(qwen3_0_6b, T" + IOS18,
        "placement(mobilenet_v2, T" + IOS18,
        "fallbacks(mobilenet_v2, T" + IOS18,
        "explain(mobilenet_v2, T" + IOS18,
        "latency(seq(mobilenet_v2, resnet50), T" + IOS18,
        "latency(mobilenet_v2, T" + IOS18 + " * 2 + 1ms",
        "-latency(mobilenet_v2, T" + IOS18,
        "latency(mobilenet_v2, T" + IOS18 + " in ms",
        "min(latency(mobilenet_v2, T" + IOS18 + ", 1ms)",
        "max(1ms, latency(mobilenet_v2, T" + IOS18 + ")",
        "frame(fps(mobilenet_v2, T" + IOS18 + ")");
  }

  /** Every estimate function, and arithmetic on it, answers "cannot run" in the rule's words. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("estimatesUnderARelease")
  void aReleaseTheTargetNeverRunsCannotRun(String query, SupportRule.Cause cause, String words) {
    Value v = eval(query);
    assertInstanceOf(Value.CannotRunV.class, v, query);
    var never = assertInstanceOf(CannotRun.Release.class, ((Value.CannotRunV) v).why(), query);
    assertEquals(cause, never.cause(), query);
    assertEquals(words, never.reason(), query);
    assertEquals("iOS 18", never.release().toString());
  }

  private static Stream<Arguments> comparisonsUnderARelease() {
    return constructsByCause(
        "latency(mobilenet_v2, T" + IOS18 + " < 1h",
        "latency(mobilenet_v2, T" + IOS18 + " >= 0s",
        "not (latency(mobilenet_v2, T" + IOS18 + " > 1h)",
        "any d in [T]: latency(mobilenet_v2, d" + IOS18 + " < 1h",
        "all d in [iphone_12, T]: latency(mobilenet_v2, d" + IOS18 + " < 1h");
  }

  /** A comparison with it is false, and no negation makes it true. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("comparisonsUnderARelease")
  void comparisonsUnderAReleaseAreFalse(String query, SupportRule.Cause cause, String words) {
    assertFalse(bool(query), query);
  }

  /** A check fails, saying why in the rule's words (exit 1 in eval and check). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("causes")
  void aCheckUnderAReleaseFailsSayingWhy(String target, SupportRule.Cause cause, String words) {
    var check =
        (Outcome.Check) run("latency(mobilenet_v2, " + target + IOS18 + " < 1h").outcomes().get(0);
    assertFalse(check.pass());
    assertEquals("cannot run: " + words, check.dominated());
  }

  /** A filter, any, argmin, the aggregate min, a table and a typed hole leave it out and say so. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("leftOutUnderARelease")
  void constructsLeaveItOutAndSaySo(String query, SupportRule.Cause cause, String words) {
    var outcome = run(query).outcomes().get(0);
    List<CannotRun> leftOut =
        outcome instanceof Outcome.Shown s
            ? s.leftOut()
            : outcome instanceof Outcome.HoleFill h
                ? h.leftOut()
                : ((Outcome.Check) outcome).leftOut();
    assertTrue(
        leftOut.stream()
            .anyMatch(
                c ->
                    c instanceof CannotRun.Release r
                        && r.cause() == cause
                        && r.reason().equals(words)),
        query + " left out " + leftOut);
  }

  private static Stream<Arguments> leftOutUnderARelease() {
    return constructsByCause(
        "[d in [iphone_12, T] where latency(mobilenet_v2, d" + IOS18 + " < 1h]",
        "any d in [T, iphone_12]: latency(mobilenet_v2, d" + IOS18 + " > 1h",
        "argmin d in [T, iphone_12] by latency(mobilenet_v2, d" + IOS18,
        "min d in [T, iphone_12] by latency(mobilenet_v2, d" + IOS18,
        "table d in [iphone_12, T]: d, latency(mobilenet_v2, d" + IOS18,
        "latency(mobilenet_v2, ?" + IOS18 + " < 1h",
        "latency(mobilenet_v2, ?" + IOS18);
  }

  /** A filter keeps what runs: the refused target is not in the list. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("causes")
  void aFilterUnderAReleaseKeepsWhatRuns(String target, SupportRule.Cause cause, String words) {
    var list =
        (Value.ListV)
            eval(
                "[d in [iphone_12, "
                    + target
                    + "] where latency(mobilenet_v2, d"
                    + IOS18
                    + " < 1h]");
    assertEquals(1, list.items().size());
    assertEquals("iphone_12", ((Value.EntityV) list.items().get(0)).entity().id());
  }

  /** all names it among its counterexamples, with the reason as its side. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("causes")
  void allNamesAReleaseCounterexample(String target, SupportRule.Cause cause, String words) {
    var check =
        (Outcome.Check)
            run("all d in [iphone_12, " + target + "]: latency(mobilenet_v2, d" + IOS18 + " < 1h")
                .outcomes()
                .get(0);
    assertFalse(check.pass());
    Outcome.Case c = check.cases().decisive().get(0);
    assertEquals(target, ((Value.EntityV) c.item()).entity().id());
    assertInstanceOf(Value.CannotRunV.class, c.operands().get(0));
  }

  /** A typed hole and a filter over the same targets leave out the same ones: one rule. */
  @Test
  void aHoleAndAFilterLeaveOutTheSameTargets() {
    var fill =
        (Outcome.HoleFill) run("latency(mobilenet_v2, ?" + IOS18 + " < 1h").outcomes().get(0);
    var filtered =
        (Outcome.Shown)
            run("[d in devices where latency(mobilenet_v2, d" + IOS18 + " < 1h]").outcomes().get(0);
    var devices = DevqAssertions.kb().devices().keySet();
    assertEquals(
        filtered.leftOut().stream().map(CannotRun::target).sorted().toList(),
        fill.leftOut().stream().map(CannotRun::target).filter(devices::contains).sorted().toList());
  }

  /** explain says it first, and alone: nothing was estimated. */
  @Test
  void explainUnderAReleaseSaysItCannotRun() {
    var x =
        DevqAssertions.interpreter()
            .explain(
                new SourceText("<q>", "latency(mobilenet_v2, iphone_17" + IOS18), Session.EMPTY);
    assertEquals(List.of(), x.diagnostics());
    assertInstanceOf(Value.CannotRunV.class, x.value());
  }

  /** Where a number is needed, the error points at the os argument that asked for the release. */
  @Test
  void whereANumberIsNeededTheErrorPointsAtTheRelease() {
    String query = "battery(mobilenet_v2, iphone_12, fps(mobilenet_v2, iphone_17" + IOS18 + ", 1h)";
    String text = DevqAssertions.assertFails(query, dev.devq.lang.DiagnosticCode.UNSUPPORTED);
    assertTrue(text.contains("cannot run: this iPhone shipped with iOS 26"), text);
    assertTrue(text.contains(":1:" + (query.indexOf("\"iOS 18\"") + 1)), text);
  }

  private static Prediction prediction(String query) {
    var x = DevqAssertions.interpreter().evaluate(new SourceText("<q>", query), Session.EMPTY);
    return (Prediction) x.estimate();
  }

  private static Prediction withMemory(Prediction p, double bytes) {
    return new Prediction(
        p.model(),
        p.target(),
        p.conditions(),
        p.layers(),
        p.switches(),
        p.switchTime(),
        p.fixedTime(),
        p.thermalFactor(),
        p.loadTime(),
        bytes,
        p.energyParts(),
        p.rangeLow(),
        p.rangeHigh(),
        p.warmLatency(),
        p.lowerings(),
        p.cacheCopies());
  }
}
