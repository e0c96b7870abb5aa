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
    Map<String, Double> ranges = HeldOutRanges.perUnits(rows, SOURCE);
    assertEquals(Set.of("range.cpu_only.p10", "range.cpu_only.p90"), ranges.keySet());
  }
}
