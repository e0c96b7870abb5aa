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
import dev.devq.kb.SupportRule;
import dev.devq.lang.SourceText;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A target that never runs the OS release asked for has no latency under it: the same "cannot run"
 * value as a model too large for the device's memory ({@link CannotRunTest}), checked for each of
 * the support rule's three causes (another platform, a release after the target's last, one before
 * its first) in every construct of the language.
 */
class CannotRunReleaseTest {
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
            ? LeftOut.refused(s.leftOut())
            : outcome instanceof Outcome.HoleFill h
                ? LeftOut.refused(h.leftOut())
                : LeftOut.refused(((Outcome.Check) outcome).leftOut());
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
        LeftOut.refused(filtered.leftOut()).stream().map(CannotRun::target).sorted().toList(),
        LeftOut.refused(fill.leftOut()).stream()
            .map(CannotRun::target)
            .filter(devices::contains)
            .sorted()
            .toList());
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
}
