package dev.devq.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.devq.DevqAssertions;
import dev.devq.lang.unit.Quantity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GPU peaks of the A18, M4 and M5 generations rest on a clock Apple does not publish: where a
 * cited source reads the clock on that chip (powermetrics on an M4 Pro and an M5 Max, a review's
 * powermetrics reading on the MacBook Neo's A18 Pro) the peak names it; where the clock is taken
 * from another chip of the generation, the peak is an estimate that says the clock is assumed, so
 * no one reads it as a vendor or measured figure. A GPU peak is always arithmetic (cores × lanes ×
 * 2 FLOP × clock), never a measured throughput, so none is labelled {@code measured}, not even one
 * taken from a benchmark repository's table.
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

  @Test
  void noGpuPeakIsLabelledMeasured() {
    List<String> measured = new ArrayList<>();
    KB.socs()
        .forEach(
            (id, soc) -> {
              UnitSpec gpu = soc.gpu();
              List<Sourced<Quantity>> peaks =
                  List.of(gpu.peakFp32(), gpu.peakFp16(), gpu.peakInt8(), gpu.peakMatrix());
              for (Sourced<Quantity> peak : peaks) {
                if (peak.provenance().confidence() == Confidence.MEASURED) {
                  measured.add(id + " " + peak.value());
                }
              }
            });
    assertEquals(List.of(), measured, "GPU peaks are computed from cores and clock");
  }

  /**
   * metal_benchmarks' overview gives each peak as cores × FLOP per clock per core × clock; the
   * profile says so with the clock and labels the figure derived.
   */
  @ParameterizedTest(name = "{0} {1}: {2} cores x {3} lanes x 2 x {4}")
  @CsvSource({
    "a11, fp32, 3, 64, 1.066 GHz",
    "a11, fp16, 3, 128, 1.066 GHz",
    "a12, fp32, 4, 64, 1.128 GHz",
    "a12, fp16, 4, 128, 1.128 GHz",
    "a13, fp32, 4, 64, 1.23 GHz",
    "a13, fp16, 4, 128, 1.23 GHz",
    "a14, fp32, 4, 64, 1.278 GHz",
    "a14, fp16, 4, 128, 1.278 GHz",
    "m1, fp32, 8, 128, 1.278 GHz",
    "m1_pro, fp32, 16, 128, 1.296 GHz",
    "m1_max, fp32, 32, 128, 1.296 GHz",
    "m2, fp32, 10, 128, 1.398 GHz",
    "m2_pro, fp32, 19, 128, 1.398 GHz",
    "m2_max, fp32, 38, 128, 1.398 GHz"
  })
  void aPeakComputedFromCoresAndClockIsDerivedAndShowsTheArithmetic(
      String id, String precision, int cores, int lanes, String clock) {
    UnitSpec gpu = KB.socs().get(id).gpu();
    Sourced<Quantity> peak = precision.equals("fp32") ? gpu.peakFp32() : gpu.peakFp16();
    double hz = Double.parseDouble(clock.replace(" GHz", "")) * 1e9;
    assertEquals(cores, gpu.cores().value(), id);
    double computed = cores * lanes * 2 * hz; // the table rounds to three or four digits
    assertEquals(computed, peak.value().value(), computed * 0.002, id + " " + precision);
    assertEquals(Confidence.DERIVED, peak.provenance().confidence(), id + " " + precision);
    String note = peak.provenance().note();
    assertTrue(note.contains(cores + " cores x " + lanes), id + ": " + note);
    assertTrue(note.contains("x " + clock), id + ": " + note);
  }
}
