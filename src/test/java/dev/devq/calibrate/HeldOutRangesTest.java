package dev.devq.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.devq.DevqAssertions;
import dev.devq.cost.Prediction;
import dev.devq.lang.SourceText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A runtime's 80% range per setting: its own where several sources measured it, and where one
 * source alone did, never narrower than the spread between the other sources, its own held-out rows
 * or its chips held out within its source.
 */
class HeldOutRangesTest {
  private static final Function<Validation.RowResult, String> SOURCE =
      r -> r.row().columns().get("source");

  private static final Function<Validation.RowResult, String> SETTING = Validation.RowResult::units;

  private static Validation.RowResult row(double measured, String setting, String source) {
    var r =
        new Measurements.Row(1, "x", measured, Map.of("source", source), new SourceText("t", ""));
    return new Validation.RowResult(r, 1, 1 / measured - 1, null, setting, null);
  }

  /** Eleven rows of one setting, measured ÷ predicted from {@code low} in steps of {@code step}. */
  private static List<Validation.RowResult> spread(
      double low, double step, String setting, String... sources) {
    List<Validation.RowResult> rows = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      rows.add(row(low + i * step, setting, sources[i % sources.length]));
    }
    return rows;
  }

  @Test
  void aSettingOfSeveralSourcesTakesItsOwnRange() {
    List<Validation.RowResult> metal = spread(0.8, 0.04, "metal", "a", "b");
    List<Validation.RowResult> rows = new ArrayList<>(metal);
    rows.addAll(spread(0.3, 0.2, "other", "c", "d"));
    Map<String, Double> ranges = HeldOutRanges.perRuntime(rows, List.of(), SOURCE, SETTING);
    double[] own = HeldOutRanges.range(metal, SOURCE);
    assertArrayEquals(
        own, new double[] {ranges.get("range.metal.p10"), ranges.get("range.metal.p90")}, 1e-12);
  }

  /**
   * One source, its rows close together: held out, they say how far an unfitted runtime lands, not
   * how far a new source falls from the fitted one, so the range reaches the other sources' spread.
   */
  @Test
  void aSettingOfOneSourceReachesThePooledSpreadBetweenSources() {
    List<Validation.RowResult> rows = new ArrayList<>(spread(0.5, 0.1, "metal", "a", "b"));
    List<Validation.RowResult> cpu = spread(0.95, 0.01, "cpu", "x");
    rows.addAll(cpu);
    Map<String, Double> ranges = HeldOutRanges.perRuntime(rows, List.of(), SOURCE, SETTING);
    double[] pooled = HeldOutRanges.range(rows, SOURCE);
    double[] own = HeldOutRanges.range(cpu, SOURCE);
    assertEquals(pooled[0], ranges.get("range.cpu.p10"), 1e-12);
    assertEquals(pooled[1], ranges.get("range.cpu.p90"), 1e-12);
    assertFalse(ranges.get("range.cpu.p90") <= own[1], "no wider than its own rows: " + ranges);
  }

  /** Its chips held out within its source reach further still: the range goes as far. */
  @Test
  void aSettingOfOneSourceReachesItsChipsHeldOutWithinTheSource() {
    List<Validation.RowResult> rows = new ArrayList<>(spread(0.8, 0.04, "metal", "a", "b"));
    rows.addAll(spread(0.95, 0.01, "cpu", "x"));
    List<Validation.RowResult> chips = spread(0.9, 0.2, "cpu", "x");
    Map<String, Double> ranges = HeldOutRanges.perRuntime(rows, chips, SOURCE, SETTING);
    assertEquals(HeldOutRanges.range(chips, SOURCE)[1], ranges.get("range.cpu.p90"), 1e-12);
    assertEquals(HeldOutRanges.range(rows, SOURCE)[0], ranges.get("range.cpu.p10"), 1e-12);
  }

  /** Several sources and too few rows: no range of its own, the pooled one when it is read. */
  @Test
  void aSettingOfSeveralSourcesAndFewRowsTakesThePooledRange() {
    List<Validation.RowResult> rows = new ArrayList<>(spread(0.8, 0.04, "metal", "a", "b"));
    for (int i = 0; i < HeldOutRanges.MIN_ROWS - 1; i++) {
      rows.add(row(1 + i * 0.1, "few", i % 2 == 0 ? "a" : "b"));
    }
    Map<String, Double> ranges = HeldOutRanges.perRuntime(rows, List.of(), SOURCE, SETTING);
    assertFalse(ranges.containsKey("range.few.p10"), ranges.toString());
  }

  /**
   * Core ML's residuals are grouped by the setting whose range their predictions read: rows that
   * asked for the Neural Engine on an A11, which does not open it to Core ML, make {@code
   * cpu_only}'s range.
   */
  @Test
  void coreMlRowsCountUnderTheSettingWhoseRangeTheyRead() {
    Prediction onCpu = DevqAssertions.explained("latency(resnet50, iphone_x, units = cpu_and_ne)");
    List<Validation.RowResult> rows = new ArrayList<>();
    for (int i = 0; i < HeldOutRanges.MIN_ROWS; i++) {
      var r =
          new Measurements.Row(
              1, "x", 1 + i * 0.1, Map.of("source", "s" + i), new SourceText("t", ""));
      rows.add(new Validation.RowResult(r, 1, 0, onCpu, "cpu_and_ne", null));
    }
    Map<String, Double> ranges =
        HeldOutRanges.perUnits(List.of(new HeldOutRanges.HeldOut("source", rows, SOURCE)));
    assertEquals(Set.of("range.cpu_only.p10", "range.cpu_only.p90"), ranges.keySet());
  }

  /**
   * Ten rows of {@code all}, held out by source (one source, each row predicted within 0%) and by
   * chip generation (ten generations, measured ÷ predicted 0.5 … 1.4): {@code holdouts} names which
   * of the two the range pools.
   */
  private static Map<String, Double> tenRowsHeldOutBy(String holdouts) {
    List<Validation.RowResult> bySource = new ArrayList<>();
    List<Validation.RowResult> byGeneration = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      var r =
          new Measurements.Row(
              i + 2, "x", 1, Map.of("source", "a", "gen", "g" + i), new SourceText("t", ""));
      bySource.add(new Validation.RowResult(r, 1, 0, null, "all", null));
      double predicted = 1 / (0.5 + i * 0.1);
      byGeneration.add(new Validation.RowResult(r, predicted, predicted - 1, null, "all", null));
    }
    List<HeldOutRanges.HeldOut> pooled = new ArrayList<>();
    if (holdouts.contains("source")) {
      pooled.add(new HeldOutRanges.HeldOut("source", bySource, SOURCE));
    }
    if (holdouts.contains("generation")) {
      pooled.add(
          new HeldOutRanges.HeldOut("family", byGeneration, r -> r.row().columns().get("gen")));
    }
    return HeldOutRanges.perUnits(pooled);
  }

  /**
   * Core ML's range pools the rows held out by source and by chip generation, each held-out group
   * of either weighing the same: the one source weighs one part in eleven, not half as its ten rows
   * would row by row (10th percentile 0.65), nor all of it as held out by source alone.
   */
  @ParameterizedTest(name = "{0}: {1} – {2}")
  @CsvSource({
    "source, 1, 1",
    "generation, 0.55, 1.35",
    "source and generation, 0.56, 1.34",
  })
  void coreMlRangesPoolTheHoldoutsEachGroupWeighingTheSame(
      String holdouts, double p10, double p90) {
    Map<String, Double> ranges = tenRowsHeldOutBy(holdouts);
    assertEquals(p10, ranges.get("range.all.p10"), 1e-12, ranges::toString);
    assertEquals(p90, ranges.get("range.all.p90"), 1e-12, ranges::toString);
  }

  /**
   * A row held out by two holdouts is one measurement predicted twice: toward {@link
   * HeldOutRanges#MIN_ROWS} it counts once, so a setting of too few rows keeps the pooled range.
   */
  @ParameterizedTest(name = "{0} rows")
  @ValueSource(ints = {HeldOutRanges.MIN_ROWS - 1, HeldOutRanges.MIN_ROWS})
  void aRowHeldOutTwiceCountsOnceTowardARangeOfItsOwn(int rows) {
    List<Validation.RowResult> bySource = new ArrayList<>();
    List<Validation.RowResult> byGeneration = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      var r =
          new Measurements.Row(
              i + 2, "x", 1 + i * 0.1, Map.of("source", "s" + i), new SourceText("t", ""));
      bySource.add(new Validation.RowResult(r, 1, i * 0.1, null, "cpu_only", null));
      byGeneration.add(new Validation.RowResult(r, 1.1, 0, null, "cpu_only", null));
    }
    Map<String, Double> ranges =
        HeldOutRanges.perUnits(
            List.of(
                new HeldOutRanges.HeldOut("source", bySource, SOURCE),
                new HeldOutRanges.HeldOut("family", byGeneration, r -> "a13")));
    assertEquals(
        rows >= HeldOutRanges.MIN_ROWS, ranges.containsKey("range.cpu_only.p10"), ranges::toString);
  }
}
