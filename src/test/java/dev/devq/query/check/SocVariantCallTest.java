package dev.devq.query.check;

import static dev.devq.DevqAssertions.assertFails;
import static dev.devq.DevqAssertions.eval;
import static dev.devq.DevqAssertions.quantity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.kb.Soc;
import dev.devq.lang.DiagnosticCode;
import dev.devq.query.eval.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A SoC called with parameters is its binned part: {@code m3_max(gpu_cores = 30)}. */
class SocVariantCallTest {
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          m3_max(gpu_cores = 30).bandwidth / (1 GB/s)| 300
          m3_max(gpu_cores = 40).bandwidth / (1 GB/s)| 400
          m3_max.bandwidth / (1 GB/s)                | 400
          m3_max(gpu_cores = 30).gpu.cores         | 30
          m3_max(gpu_cores = 30).cpu.cores         | 14
          m1(gpu_cores = 7).gpu.cores              | 7
          a15(p_core_clock = 2.93 GHz).gpu.cores   | 5
          a15(p_core_clock = 2930 MHz).gpu.cores   | 5
          m5(p_core_clock = 4.43 GHz).cpu.cores    | 9
          m5(cpu_cores = 9, p_core_clock = 4.43 GHz).cpu.cores | 9
          """)
  void membersReadThePart(String query, double expected) {
    assertEquals(expected, quantity(query).value(), 1e-9 * expected);
  }

  @Test
  void thePartIsATargetWithItsOwnGpu() {
    String full = "latency(opt_1_3b, m3_max, units = cpu_and_gpu)";
    String binned = "latency(opt_1_3b, m3_max(gpu_cores = 30), units = cpu_and_gpu)";
    assertTrue(quantity(binned).value() > quantity(full).value(), "fewer cores, less bandwidth");
  }

  @Test
  void aComputedParameterPicksThePartWhenEvaluated() {
    assertEquals(
        new Value.BoolV(true), eval("all g in [30, 40]: m3_max(gpu_cores = g).gpu.cores == g"));
    // a part that does not exist for one item leaves that item unknown, so the check fails
    Value.BoolV b = (Value.BoolV) eval("all g in [30, 41]: m3_max(gpu_cores = g).gpu.cores == g");
    assertTrue(!b.known() && b.why().contains("SoC 'm3_max' has no part with gpu_cores = 41"));
    Value.BoolV c =
        (Value.BoolV) eval("all c in [2.93 GHz, 3 GHz]: a15(p_core_clock = c).gpu.cores == 5");
    assertTrue(!c.known() && c.why().contains("SoC 'a15' has no part with p_core_clock = 3 GHz"));
  }

  @Test
  void aMissingBinListsTheValues() {
    String text = assertFails("m3_max(gpu_cores = 31)", DiagnosticCode.BAD_VALUE);
    assertTrue(text.contains("values of gpu_cores: 30, 40"), text);
    assertTrue(text.contains("1:20"), "points at the value: " + text);
  }

  @Test
  void anUnknownParameterListsTheParameters() {
    String text = assertFails("m3_max(gpu = 30)", DiagnosticCode.UNKNOWN_ARGUMENT);
    assertTrue(text.contains("gpu_cores (30, 40)"), text);
  }

  @Test
  void parametersAreNamedAndWhole() {
    assertFails("m3_max(30)", DiagnosticCode.ARITY);
    assertFails("m3_max(gpu_cores = 30.5)", DiagnosticCode.BAD_VALUE);
    assertFails("m3_max(gpu_cores = 30 ms)", DiagnosticCode.TYPE_MISMATCH);
    assertFails("m3_max(gpu_cores = 30, gpu_cores = 30)", DiagnosticCode.ARITY);
  }

  /** A clock is a frequency that a part has: the checker refuses others at the value. */
  @ParameterizedTest(name = "{0}  =>  {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          a15(p_core_clock = 3 GHz)       | BAD_VALUE     | values of p_core_clock: 2.93 GHz, 3.23 GHz
          a15(p_core_clock = 2.93)        | TYPE_MISMATCH | 'p_core_clock' is a frequency, found a plain number
          a15(gpu_cores = 2.93 GHz)       | TYPE_MISMATCH | 'gpu_cores' is a whole number
          """)
  void aClockPicksAPartOrIsRefused(String query, DiagnosticCode code, String message) {
    String text = assertFails(query, code);
    assertTrue(text.contains(message), text);
  }

  @Test
  void aPartPrintsAsItsCall() {
    Value v = eval("m1(gpu_cores = 7)");
    assertEquals("m1(gpu_cores = 7)", ((Value.EntityV) v).entity().label());
    assertNotEquals(eval("m1"), v);
    Value clocked = eval("a15(p_core_clock = 2930 MHz)");
    assertEquals("a15(p_core_clock = 2.93 GHz)", ((Value.EntityV) clocked).entity().label());
  }

  @Test
  void everyTargetOfTheRuntimeMeasurementsResolves() throws IOException {
    Path csv =
        DevqAssertions.projectDir().resolve("../shared/data/calibration-runtimes.csv").normalize();
    Assumptions.assumeTrue(Files.exists(csv), "calibration data not beside the project");
    Matcher m = Pattern.compile("[a-z0-9_]+\\(gpu_cores = \\d+\\)").matcher(Files.readString(csv));
    int seen = 0;
    while (m.find()) {
      Value v = eval(m.group());
      assertTrue(v instanceof Value.EntityV e && e.entity() instanceof Soc, m.group());
      seen++;
    }
    assertTrue(seen > 0, "the measurements name binned parts");
  }
}
