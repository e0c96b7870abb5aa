package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GPU peaks of the A18, M4 and M5 generations rest on a clock Apple does not publish: where a
 * cited source reads the clock on that chip (powermetrics on an M4 Pro and an M5 Max, a review's
 * powermetrics reading on the MacBook Neo's A18 Pro) the peak names it; where the clock is taken
 * from another chip of the generation, the peak is an estimate that says the clock is assumed, so
 * no one reads it as a vendor or measured figure.
 */
class GpuClockClaimTest {
  private static final KnowledgeBase KB = DevqAssertions.kb();

  @ParameterizedTest
  @ValueSource(strings = {"a18", "m4", "m4_max", "m5", "m5_pro"})
  void aGpuPeakRestingOnAnAssumedClockIsAnEstimateThatSaysSo(String id) {
    Provenance peak = KB.socs().get(id).gpu().peakFp32().provenance();
    assertEquals(Confidence.ESTIMATE, peak.confidence(), id);
    assertTrue(peak.note().contains("clock is our assumption"), id + ": " + peak.note());
  }

  @ParameterizedTest
  @CsvSource({
    "m4_pro, oakley_m4_pro_gpu_clock, 1.578 GHz",
    "m5_max, m5_max_gpu_powermetrics, 1.62 GHz",
    "a18_pro, macbook_neo_gpu_clock, 1.49 GHz"
  })
  void aGpuPeakOnAClockReadOnThatChipCitesTheReading(String id, String source, String clock) {
    Provenance peak = KB.socs().get(id).gpu().peakFp32().provenance();
    assertEquals(Confidence.ESTIMATE, peak.confidence(), id);
    assertEquals(source, peak.source(), id);
    assertTrue(peak.note().contains(clock), id + ": " + peak.note());
    double hz = Double.parseDouble(clock.replace(" GHz", "")) * 1e9;
    UnitSpec gpu = KB.socs().get(id).gpu();
    double coresTimesClock = gpu.cores().value() * 128 * 2 * hz; // 128 fp32 ALUs, an FMA each
    assertEquals(coresTimesClock, gpu.peakFp32().value().value(), coresTimesClock * 0.005, id);
  }
}
