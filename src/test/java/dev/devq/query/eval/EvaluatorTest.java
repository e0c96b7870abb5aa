package dev.devq.query.eval;

import static dev.devq.DevqAssertions.bool;
import static dev.devq.DevqAssertions.eval;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.DiagnosticCode;
import dev.devq.lang.unit.QuantityFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EvaluatorTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      2 GB / (4 GB/s)          | 500 ms
      1 GiB in MB              | 1073.74 MB
      frame(30fps)             | 33.3 ms
      frame(60fps) * 80%       | 13.3 ms
      17 TOPS * 1 ms           | 17 GFLOP
      a16.bandwidth * 10ms in MB | 512 MB
      resnet50.params          | 25.6M
      size(mobilenet_v2)       | 7.01 MB
      1 W * 1 h in J           | 3600 J
      budget(frame_60fps)      | 16.7 ms
      a15.cpu.p_core_clock     | 3.23 GHz
      iphone_13.soc.cpu.p_core_clock * 1 ms | 3.23M
      a15.gpu.p_core_clock     | unknown
      m1_max.cpu.bandwidth     | 243 GB/s
      m1_max(gpu_cores = 24).cpu.bandwidth | 243 GB/s
      macbook_pro_16_m1_max.cpu.bandwidth  | 243 GB/s
      m1_max.gpu.bandwidth     | unknown
      m1_max.ane.bandwidth     | unknown
      a16.cpu.bandwidth        | unknown
      m1_max.bandwidth         | 400 GB/s
      1 / frame(30fps)         | 30 fps
      """)
  void evaluates(String query, String expected) {
    assertEquals(expected, TextRenderForTest.value(eval(query)));
  }

  @Test
  void comparisonChainsHoldPairwise() {
    assertTrue(bool("1ms < 2ms < 3ms"));
    assertTrue(!bool("1ms < 3ms < 2ms"));
  }

  @Test
  void quantifiersAndComprehensions() {
    assertTrue(bool("any s in socs: s.year >= 2025"));
    assertTrue(bool("all s in socs where s.year >= 2022: s.ane.tops_fp16 > 10 TOPS"));
    var list = (Value.ListV) eval("[d in devices where d.soc == a16]");
    assertTrue(list.items().size() >= 3);
  }

  @Test
  void letBindingsPersistWithinARun() {
    var run =
        DevqAssertions.run(
            "let m = quantize(resnet50, w8a8)\nlatency(m, a17_pro) < latency(resnet50, a17_pro)");
    assertTrue(run.ok());
    assertTrue(((Outcome.Check) run.outcomes().get(1)).pass());
  }

  @Test
  void quotedNamesResolveThroughTheIndex() {
    assertEquals(
        eval("latency(mobilenet_v2, iphone_15_pro)"),
        eval("latency(mobilenet_v2, \"iPhone 15 Pro\")"));
  }

  @Test
  void holesListTheTargetsThatSatisfyACheck() {
    var run = DevqAssertions.run("latency(mobilenet_v2, ?, throttled) < 1ms");
    assertTrue(run.ok());
    var fill = (Outcome.HoleFill) run.outcomes().get(0);
    assertTrue(fill.isCheck());
    long yes = fill.values().stream().filter(v -> v instanceof Value.BoolV b && b.isTrue()).count();
    assertTrue(yes > 0 && yes < fill.values().size(), "some but not all targets qualify: " + yes);
  }

  /**
   * A hole where one value is needed is refused with the way to write it: a table printed one table
   * per target, every row alike, and a let said only that the hole had no value.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      table d in devices: latency(resnet50, ?)      | a table cannot hold '?' | table d in devices: … (d in place of ?)
      table d in devices where latency(resnet50, ?) < 1 ms: d | a table cannot hold '?' | table d in devices: … (d in place of ?)
      let h = latency(resnet50, ?) < 3 ms           | a hole has no value here | [latency(m, d) for d in devices] (d in place of ?)
      """)
  void aHoleWhereOneValueIsNeededSaysHowToWriteIt(String query, String message, String fix) {
    String shown = DevqAssertions.assertFails(query, DiagnosticCode.TYPE_MISMATCH);
    assertTrue(shown.contains(message), shown);
    assertTrue(shown.contains(fix), shown);
  }

  /**
   * A failure that every target of a hole, or every row of a table column, shares is the query's
   * own error, not the rows': latency(mobilenet_v2(width = 0), ?) answered "unknown" for each of
   * 146 targets and its check "no target satisfies it", exit 0, the refused width never said. A
   * failure of some rows only (a Mac has no battery) still leaves those cells unknown.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          latency(mobilenet_v2(width = 0), ?)                       | 'width' must be a number above 0
          latency(mobilenet_v2(width = 0), ?) < 1 ms                | 'width' must be a number above 0
          table d in devices: d, latency(mobilenet_v2(width = 0), d) | 'width' must be a number above 0
          table r in [0]: r, latency(mobilenet_v2(resolution = r), a16) | 'resolution' must be a number above 0
          """)
  void aFailureEveryRowSharesIsTheQuerysError(String query, String message) {
    String shown = DevqAssertions.assertFails(query, DiagnosticCode.BAD_VALUE);
    assertTrue(shown.contains(message), shown);
  }

  @Test
  void aFailureOfSomeRowsLeavesTheirCellsUnknown() {
    assertTrue(DevqAssertions.run("battery(mobilenet_v2, ?)").ok());
    assertTrue(
        DevqAssertions.run("table d in [iphone_12, mac_mini_m4]: d, battery(mobilenet_v2, d)")
            .ok());
    assertTrue(
        DevqAssertions.run("table r in [0, 224]: r, latency(mobilenet_v2(resolution = r), a16)")
            .ok());
  }

  /** Renders like the CLI without depending on it. */
  static final class TextRenderForTest {
    static String value(Value v) {
      if (v instanceof Value.QuantityV q) {
        return QuantityFormat.format(q.quantity());
      }
      return v.toString();
    }
  }
}
